import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from lunchsessions.factories import RegistrationFactory
from lunchsessions.models import Registration
from lunchsessions.reminders import send_session_reminders
from lunchsessions.tasks import send_session_reminders_task

pytestmark = pytest.mark.django_db


def _tomorrow_at(hour):
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def tomorrow_session(make_session):
    return make_session(title="Sessie van morgen", slug="morgen", start=_tomorrow_at(12))


def test_reminder_goes_to_registered_members_of_tomorrows_sessions(
    make_session, tomorrow_session, django_capture_on_commit_callbacks
):
    registered = RegistrationFactory(session=tomorrow_session)
    RegistrationFactory(session=tomorrow_session, status=Registration.Status.WAITLISTED)
    RegistrationFactory(session=tomorrow_session, status=Registration.Status.CANCELLED)
    RegistrationFactory(session=make_session(days=5))  # not tomorrow
    with django_capture_on_commit_callbacks(execute=True):
        assert send_session_reminders() == 1
    assert [m.to for m in mail.outbox] == [[registered.user.email]]
    assert "Morgen" in mail.outbox[0].subject
    event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    registered.refresh_from_db()
    assert registered.reminder_sent_at is not None


def test_reminders_are_idempotent_command_and_task(tomorrow_session, django_capture_on_commit_callbacks):
    RegistrationFactory(session=tomorrow_session)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", stdout=open("/dev/null", "w"))
        call_command("send_session_reminders", stdout=open("/dev/null", "w"))
        result = send_session_reminders_task.enqueue()
    assert len(mail.outbox) == 1
    assert result.return_value == 0


def test_task_sends_reminders(tomorrow_session, django_capture_on_commit_callbacks):
    RegistrationFactory(session=tomorrow_session)
    with django_capture_on_commit_callbacks(execute=True):
        result = send_session_reminders_task.enqueue()
    assert result.return_value == 1 and len(mail.outbox) == 1


def test_no_reminder_for_members_who_lost_access(make_session, members_group, django_capture_on_commit_callbacks):
    session = make_session(members_only=True, start=_tomorrow_at(12))
    registration = RegistrationFactory(session=session)
    registration.user.groups.remove(members_group)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_session_reminders() == 0
