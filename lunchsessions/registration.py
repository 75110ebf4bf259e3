"""Registering for a session: capacity, waiting list and promotion, safe under concurrent requests.

Every change runs in one transaction that first locks the session row (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite the settings open transactions with ``BEGIN IMMEDIATE``, which serialises
writers, waiting up to the connection's ``timeout``). So two members can never both take the last
place, and two parallel first registrations of the same member run one after the other: the second
finds the first one's registration and changes nothing (the unique constraint backs this up).
Nothing is retried: a lock that is not granted within the timeout is an error worth seeing.

This module works on the session it is given (``session.registrations``) and defines the states of a
registration; ``models.py``, whose routes call it, imports it, not the other way round.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.core import access

from . import emails


class Status(models.TextChoices):
    REGISTERED = "registered", _("Aangemeld")
    WAITLISTED = "waitlisted", _("Op de wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


class RegistrationError(Exception):
    message = _("Aanmelden lukte niet.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message


class RegistrationClosed(RegistrationError):
    message = _("Deze sessie is al begonnen of voorbij; aan- en afmelden kan niet meer.")


class NotAllowed(RegistrationError):
    message = _("Alleen leden kunnen zich aanmelden voor lunchsessies.")


def _locked_session(session):
    return type(session).objects.select_for_update(of=("self",)).get(pk=session.pk)


def register(session, user, *, now=None) -> tuple:
    """Register the user, or put them on the waiting list when the session is full.

    Returns (registration, changed). Registering twice changes nothing.
    """
    if not access.is_member(user) or not access.can_view_page(user, session):
        raise NotAllowed()
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_session(session)
        if not locked.is_registration_open(now):
            raise RegistrationClosed()
        registration = locked.registrations.filter(user=user).first()
        if registration is not None and registration.status != Status.CANCELLED:
            return registration, False
        taken = locked.registrations.filter(status=Status.REGISTERED).count()
        status = Status.REGISTERED if taken < locked.capacity else Status.WAITLISTED
        if registration is None:
            registration = locked.registrations.create(user=user, status=status, status_changed_at=now)
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


def unregister(session, user, *, now=None):
    """Cancel the user's registration; the first on the waiting list moves up into the free place."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_session(session)
        if locked.has_started(now):
            raise RegistrationClosed()
        registration = locked.registrations.filter(user=user).exclude(status=Status.CANCELLED).first()
        if registration is None:
            return None
        registration.status = Status.CANCELLED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at"])
        emails.send_cancelled(registration)
        fill_from_waitlist(locked, now=now, already_locked=True)
    return registration


def fill_from_waitlist(session, *, now=None, already_locked=False) -> list:
    """Move people up from the waiting list while there are places (after a cancellation or more capacity)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = session if already_locked else _locked_session(session)
        if locked.has_started(now):
            return []
        taken = locked.registrations.filter(status=Status.REGISTERED).count()
        free = locked.capacity - taken
        if free <= 0:
            return []
        promoted = list(
            locked.registrations.filter(status=Status.WAITLISTED)
            .select_related("user")
            .order_by("status_changed_at", "pk")[:free]
        )
        for registration in promoted:
            registration.status = Status.REGISTERED
            registration.status_changed_at = now
            registration.save(update_fields=["status", "status_changed_at"])
            emails.send_promoted(registration)
    return promoted
