import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from community.demo.factories import MemberFactory
from lunchsessions.factories import LunchSessionPageFactory

from .models import Attendance, IntervisieSeries, ManualActivity, TrainingCompletion


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(LunchSessionPageFactory)
    user = factory.SubFactory(MemberFactory)
    source = Attendance.Source.EDITOR


class ManualActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManualActivity

    user = factory.SubFactory(MemberFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    title = factory.Sequence(lambda n: f"Training elders {n}")
    category = "scholing"
    hours = Decimal("3.0")


class TrainingCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCompletion

    user = factory.SubFactory(MemberFactory)


class IntervisieSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntervisieSeries

    title = "Intervisie op casussen"
    accreditation_number = "SKJ-INT-2026"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
