"""One iCalendar builder for every app that publishes dates (lunchsessies, ouderbijeenkomsten, ...).

    from community.core.calendar import CalendarEvent, build_calendar, calendar_response

    events = [CalendarEvent(uid="lunchsession-42@kennisplein-scheiding.nl", start=..., end=..., summary=...)]
    return calendar_response(build_calendar(events, name="Lunchsessies"), filename="agenda.ics")

Times are written in Europe/Amsterdam (``DTSTART;TZID=Europe/Amsterdam:...``) with a matching
VTIMEZONE, so calendar apps show the right local time on both sides of a daylight-saving change.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from community.core.sanitize import strip_control_characters

TZID = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(TZID)
PRODID = "-//Kennisplein Scheiding//Agenda//NL"
UID_DOMAIN = "kennisplein-scheiding.nl"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    description: str = ""
    url: str = ""
    location: str = ""
    status: str = "CONFIRMED"  # CONFIRMED, TENTATIVE or CANCELLED
    sequence: int = 0
    last_modified: datetime.datetime | None = None


def make_uid(kind: str, pk) -> str:
    """A stable, globally unique UID: the same item keeps its UID in every feed and attachment."""
    return f"{kind}-{pk}@{UID_DOMAIN}"


def amsterdam_timezone() -> Timezone:
    """VTIMEZONE for Europe/Amsterdam with the EU rules (last Sunday of March / October)."""
    tz = Timezone()
    tz.add("TZID", TZID)
    tz.add("X-LIC-LOCATION", TZID)
    summer = TimezoneDaylight()
    summer.add("TZNAME", "CEST")
    summer.add("TZOFFSETFROM", datetime.timedelta(hours=1))
    summer.add("TZOFFSETTO", datetime.timedelta(hours=2))
    summer.add("DTSTART", datetime.datetime(1970, 3, 29, 2, 0, 0))
    summer.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    winter = TimezoneStandard()
    winter.add("TZNAME", "CET")
    winter.add("TZOFFSETFROM", datetime.timedelta(hours=2))
    winter.add("TZOFFSETTO", datetime.timedelta(hours=1))
    winter.add("DTSTART", datetime.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def build_calendar(
    events: Iterable[CalendarEvent], *, name: str = "Kennisplein Scheiding", method: str = "PUBLISH"
) -> bytes:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", method)
    calendar.add("X-WR-CALNAME", strip_control_characters(name))
    calendar.add("X-WR-TIMEZONE", TZID)
    calendar.add_component(amsterdam_timezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("UID", item.uid)
        event.add("DTSTAMP", stamp)
        event.add("DTSTART", _local(item.start))
        event.add("DTEND", _local(item.end))
        event.add("SUMMARY", strip_control_characters(item.summary))
        if item.description:
            event.add("DESCRIPTION", strip_control_characters(item.description))
        if item.url:
            event.add("URL", item.url)
        if item.location:
            event.add("LOCATION", strip_control_characters(item.location))
        event.add("STATUS", item.status)
        event.add("SEQUENCE", item.sequence)
        if item.last_modified:
            event.add("LAST-MODIFIED", item.last_modified.astimezone(datetime.UTC).replace(microsecond=0))
        calendar.add_component(event)
    return calendar.to_ical()


def _local(moment: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, AMSTERDAM)
    return moment.astimezone(AMSTERDAM).replace(microsecond=0)


def calendar_response(content: bytes, *, filename: str = "agenda.ics") -> HttpResponse:
    """A public calendar (``public, max-age=300``); a personal one goes through community.core.privacy.private()."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
