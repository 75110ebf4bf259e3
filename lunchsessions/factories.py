import datetime

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.demo.factories import MemberFactory

from .models import LunchSessionIndexPage, LunchSessionPage, LunchSessionSpeaker, Registration, Speaker


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Spreker {n}")
    role = "Expert complexe scheidingen"
    organisation = "Nederlands Jeugdinstituut"


class LunchSessionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LunchSessionIndexPage

    title = "Lunchsessies"
    slug = "lunchsessies"


class LunchSessionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LunchSessionPage

    title = factory.Sequence(lambda n: f"Lunchsessie {n}")
    slug = factory.Sequence(lambda n: f"lunchsessie-{n}")
    topic = "Interventies voor gezinnen met gescheiden ouders"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=1))
    capacity = 10
    meeting_url = "https://meet.example.org/lunchsessie"


class LunchSessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LunchSessionSpeaker

    page = factory.SubFactory(LunchSessionPageFactory)
    speaker = factory.SubFactory(SpeakerFactory)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(LunchSessionPageFactory)
    user = factory.SubFactory(MemberFactory)
    status = Registration.Status.REGISTERED


def restrict_to_members(page) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=settings.MEMBERS_GROUP)])
    return restriction
