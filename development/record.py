"""A member's record for one registration period: every activity, the hours per SKJ category and the
requirement. A fixed number of queries, whatever the number of activities."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casuses.models import CasusPage, Reaction
from community.core.skj import SkjCategory

from . import requirements
from .models import Attendance, DevelopmentProfile, IntervisieSeries, ManualActivity, TrainingCompletion


@dataclass(frozen=True)
class Activity:
    date: datetime.date
    title: str
    kind: str
    category: str
    hours: Decimal | None  # None: activity without hours (intervisie outside an accredited series)
    points: Decimal | None = None
    accreditation_number: str = ""
    self_reported: bool = False
    url: str = ""
    certificate_attendance_id: int | None = None
    manual_id: int | None = None

    @property
    def category_label(self) -> str:
        return SkjCategory(self.category).label


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    offset: int

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def period(profile: DevelopmentProfile | None, offset: int = 0, today=None) -> Period:
    """The five-year period ``offset`` periods from the member's own (without a profile: the last five years)."""
    today = today or timezone.localdate()
    anchor = profile.period_start if profile else _add_years(today, -requirements.PERIOD_YEARS) + datetime.timedelta(1)
    start = _add_years(anchor, offset * requirements.PERIOD_YEARS)
    return Period(start, _add_years(start, requirements.PERIOD_YEARS) - datetime.timedelta(1), offset)


def _day(moment) -> datetime.date:
    return timezone.localtime(moment).date()


def _bounds(span: Period):
    start = timezone.make_aware(datetime.datetime.combine(span.start, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(span.end + datetime.timedelta(1), datetime.time.min))
    return start, end


def sessions(user, span: Period) -> list[Activity]:
    start, end = _bounds(span)
    attended = (
        Attendance.objects.filter(user=user, session__start__gte=start, session__start__lt=end)
        .select_related("session")
        .order_by()
    )
    return [
        Activity(
            date=_day(a.session.start),
            title=a.session.title,
            kind=str(_("Lunchsessie")),
            category=a.session.skj_category,
            hours=a.session.duration_hours,
            points=a.session.skj_points if a.session.skj_accredited else None,
            accreditation_number=a.session.accreditation_number if a.session.skj_accredited else "",
            url=a.session.url or "",
            certificate_attendance_id=a.pk,
        )
        for a in attended
    ]


def modules(user, span: Period) -> list[Activity]:
    start, end = _bounds(span)
    completions = (
        TrainingCompletion.objects.filter(user=user, completed_at__gte=start, completed_at__lt=end)
        .select_related("module")
        .order_by()
    )
    return [
        Activity(
            date=_day(c.completed_at),
            title=c.module.title,
            kind=str(_("Trainingsmodule")),
            category=SkjCategory.TRAINING,
            hours=c.module.duration_hours,
            points=Decimal(c.module.skj_points) if c.module.skj_points else None,
            url=c.module.url or "",
        )
        for c in completions
    ]


def _series_on(series: list[IntervisieSeries], day):
    return next((s for s in series if s.covers(day)), None)


def intervisie(user, span: Period) -> list[Activity]:
    start, end = _bounds(span)
    series = list(IntervisieSeries.objects.filter(starts_on__lte=span.end, ends_on__gte=span.start))
    closed = (
        CasusPage.objects.filter(author=user, status=CasusPage.Status.CLOSED, closed_at__gte=start, closed_at__lt=end)
        .exclude(follow_up="")
        .only("id", "title", "closed_at", "url_path")
    )
    reactions = (
        Reaction.objects.filter(author=user, hidden=False, created_at__gte=start, created_at__lt=end)
        .select_related("casus")
        .only("id", "created_at", "casus__id", "casus__title", "casus__url_path")
    )
    found = []
    for day, title, kind, hours_of in [
        *(
            (_day(c.closed_at), c.title, _("Intervisie: casus ingebracht en afgesloten"), "hours_per_casus")
            for c in closed
        ),
        *(
            (_day(r.created_at), r.casus.title, _("Intervisie: reactie op een casus"), "hours_per_reaction")
            for r in reactions
        ),
    ]:
        accredited = _series_on(series, day)
        found.append(
            Activity(
                date=day,
                title=title,
                kind=str(kind),
                category=SkjCategory.REFLECTION,
                hours=getattr(accredited, hours_of) if accredited else None,
                points=getattr(accredited, hours_of) if accredited else None,
                accreditation_number=accredited.accreditation_number if accredited else "",
            )
        )
    return found


def manual(user, span: Period) -> list[Activity]:
    return [
        Activity(
            date=m.date,
            title=m.title,
            kind=str(_("Zelf ingevoerd")) + (f" ({m.provider})" if m.provider else ""),
            category=m.category,
            hours=m.hours,
            accreditation_number=m.accreditation_number,
            self_reported=True,
            manual_id=m.pk,
        )
        for m in ManualActivity.objects.filter(user=user, date__gte=span.start, date__lte=span.end).order_by()
    ]


def activities(user, span: Period) -> list[Activity]:
    found = sessions(user, span) + modules(user, span) + intervisie(user, span) + manual(user, span)
    return sorted(found, key=lambda activity: (activity.date, activity.title), reverse=True)


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    label: str
    hours: Decimal
    required: Decimal

    @property
    def met(self) -> bool:
        return self.hours >= self.required

    @property
    def missing(self) -> Decimal:
        return max(self.required - self.hours, Decimal(0))

    def percent_of(self, scale: Decimal) -> int:
        return int(self.hours * 100 / scale) if scale else 0

    def required_percent_of(self, scale: Decimal) -> int:
        return int(self.required * 100 / scale) if scale else 0


def totals(found: list[Activity], norm: requirements.Norm) -> list[CategoryTotal]:
    result = []
    for category in SkjCategory:
        hours = sum((a.hours for a in found if a.category == category and a.hours), Decimal(0))
        result.append(CategoryTotal(category.value, category.label, hours, norm.required(category)))
    return result
