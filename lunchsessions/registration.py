"""Registering for a session: capacity, waiting list and promotion, safe under concurrent requests.

Every change runs in one transaction that first locks the session row (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite the settings open transactions with ``BEGIN IMMEDIATE``, which serialises
writers, waiting up to the connection's ``timeout``). So two members can never both take the last
place, and two parallel first registrations of the same member run one after the other: the second
finds the first one's registration and changes nothing (the unique constraint backs this up).
Nothing is retried: a lock that is not granted within the timeout is an error worth seeing.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community import access

from . import emails
from .models import LunchSessionPage, Registration

Status = Registration.Status


class RegistrationError(Exception):
    message = _("Aanmelden lukte niet.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message


class RegistrationClosed(RegistrationError):
    message = _("Deze sessie is al begonnen of voorbij; aan- en afmelden kan niet meer.")


class NotAllowed(RegistrationError):
    message = _("Alleen leden kunnen zich aanmelden voor lunchsessies.")


def _locked_session(session_id) -> LunchSessionPage:
    return LunchSessionPage.objects.select_for_update(of=("self",)).get(pk=session_id)


def register(session: LunchSessionPage, user, *, now=None) -> tuple[Registration, bool]:
    """Register the user, or put them on the waiting list when the session is full.

    Returns (registration, changed). Registering twice changes nothing.
    """
    if not access.is_member(user) or not access.can_view_page(user, session):
        raise NotAllowed()
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_session(session.pk)
        if not locked.is_registration_open(now):
            raise RegistrationClosed()
        registration = Registration.objects.filter(session=locked, user=user).first()
        if registration is not None and registration.status != Status.CANCELLED:
            return registration, False
        taken = Registration.objects.filter(session=locked, status=Status.REGISTERED).count()
        status = Status.REGISTERED if taken < locked.capacity else Status.WAITLISTED
        if registration is None:
            registration = Registration.objects.create(session=locked, user=user, status=status, status_changed_at=now)
        else:
            registration.status = status
            registration.status_changed_at = now
            registration.reminder_sent_at = None
            registration.save(update_fields=["status", "status_changed_at", "reminder_sent_at"])
        if status == Status.REGISTERED:
            emails.send_confirmation(registration)
        else:
            emails.send_waitlisted(registration)
    return registration, True


def unregister(session: LunchSessionPage, user, *, now=None) -> Registration | None:
    """Cancel the user's registration; the first on the waiting list moves up into the free place."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_session(session.pk)
        if locked.has_started(now):
            raise RegistrationClosed()
        registration = (
            Registration.objects.filter(session=locked, user=user).exclude(status=Status.CANCELLED).first()
        )
        if registration is None:
            return None
        registration.status = Status.CANCELLED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        emails.send_cancelled(registration)
        fill_from_waitlist(locked, now=now, already_locked=True)
    return registration


def fill_from_waitlist(session: LunchSessionPage, *, now=None, already_locked=False) -> list[Registration]:
    """Move people up from the waiting list while there are places (after a cancellation or more capacity)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = session if already_locked else _locked_session(session.pk)
        if locked.has_started(now):
            return []
        taken = Registration.objects.filter(session=locked, status=Status.REGISTERED).count()
        free = locked.capacity - taken
        if free <= 0:
            return []
        promoted = list(
            Registration.objects.filter(session=locked, status=Status.WAITLISTED)
            .select_related("user")
            .order_by("status_changed_at", "pk")[:free]
        )
        for registration in promoted:
            registration.status = Status.REGISTERED
            registration.status_changed_at = now
            registration.save(update_fields=["status", "status_changed_at"])
            emails.send_promoted(registration)
    return promoted
