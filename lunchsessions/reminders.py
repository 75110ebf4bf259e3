"""The reminder the day before a session. Run daily (cron: ``manage.py send_session_reminders``, or
the ``send_session_reminders_task`` task in a worker). Idempotent: each registration is claimed by
setting ``reminder_sent_at`` in one conditional UPDATE before its mail goes out, so re-runs and
parallel runs never send twice."""

import datetime

from django.db import transaction
from django.utils import timezone

from community.core import access

from . import emails
from .models import LunchSessionPage, Registration


def due_registrations(now=None):
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    begin = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = begin + datetime.timedelta(days=1)
    sessions = LunchSessionPage.objects.live().filter(start__gte=max(begin, now), start__lt=end)
    return (
        Registration.objects.filter(
            session__in=sessions, status=Registration.Status.REGISTERED, reminder_sent_at__isnull=True
        )
        .select_related("session", "user")
        .order_by("pk")
    )


def send_session_reminders(now=None) -> int:
    now = now or timezone.now()
    sent = 0
    for registration in due_registrations(now):
        if not access.can_view_page(registration.user, registration.session):
            continue
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed and emails.send_reminder(registration):
                sent += 1
    return sent
