"""Demo content for Mijn ontwikkeling: the first past lunch session is SKJ-accredited and `lid@`
attended it; casus intervisie of this year counts in an accredited series."""

import datetime
from decimal import Decimal

from django.utils import timezone

from lunchsessions.models import LunchSessionPage

from .models import Attendance, IntervisieSeries


def load(context) -> None:
    member = context.users.get("lid")
    past = LunchSessionPage.objects.live().filter(end__lt=timezone.now()).order_by("start").first()
    if past is not None:
        LunchSessionPage.objects.filter(pk=past.pk).update(
            skj_accredited=True, accreditation_number="SKJ-DEMO-0001", skj_points=Decimal("1.0")
        )
        if member is not None:
            Attendance.objects.get_or_create(session=past, user=member, defaults={"source": Attendance.Source.EDITOR})
    year = timezone.localdate().year
    IntervisieSeries.objects.get_or_create(
        title=f"Intervisie op casussen {year}",
        defaults={
            "accreditation_number": f"SKJ-DEMO-INT-{year}",
            "starts_on": datetime.date(year, 1, 1),
            "ends_on": datetime.date(year, 12, 31),
        },
    )
