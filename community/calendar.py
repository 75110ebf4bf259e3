"""The one iCalendar implementation of the site (lunch sessions, ouderbijeenkomsten).

    build_calendar([CalendarEvent(uid=..., summary=..., start=..., end=..., url=...)], name="...") -> bytes

Times are written in Europe/Amsterdam with a VTIMEZONE and TZID on DTSTART/DTEND, so calendar
programs show the local time also across the summer-time change.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

TIME_ZONE = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Kennisplein Scheiding//Agenda//NL"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: datetime.datetime
    end: datetime.datetime
    url: str
    description: str = ""
    location: str = ""


def _local(moment: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, TIME_ZONE)
    return moment.astimezone(TIME_ZONE)


def build_calendar(events, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = timezone.now().astimezone(datetime.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        event.add("dtstart", _local(item.start))
        event.add("dtend", _local(item.end))
        event.add("url", item.url)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")  # time zones first
    return calendar.to_ical()
