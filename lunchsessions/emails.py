"""E-mails about a member's own registration. These are transactional (the member asked for them),
so they are sent regardless of the digest settings in community.notify.notifications; each carries an
.ics attachment built by the one calendar builder in community.core.calendar."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from community.core.calendar import build_calendar
from community.core.links import absolute_url

SUBJECT_PREFIX = "[Kennisplein Scheiding] "


def _send(registration, template: str, subject: str, *, calendar_method: str | None = None, status="CONFIRMED"):
    user = registration.user
    if not user.is_active or not user.email:
        return False
    session = registration.session
    context = {
        "registration": registration,
        "session": session,
        "user": user,
        "start": timezone.localtime(session.start),
        "end": timezone.localtime(session.end),
        "url": absolute_url(session.url),
    }
    body = render_to_string(f"lunchsessions/email/{template}.txt", context)
    attachment = None
    if calendar_method:
        attachment = build_calendar(
            [session.calendar_event(status=status)], name=_("Lunchsessies"), method=calendar_method
        )

    def send():
        message = EmailMessage(subject=SUBJECT_PREFIX + subject, body=body, to=[user.email])
        if attachment is not None:
            message.attach("lunchsessie.ics", attachment, f"text/calendar; charset=utf-8; method={calendar_method}")
        message.send()

    transaction.on_commit(send)
    return True


def send_confirmation(registration):
    return _send(
        registration,
        "confirmation",
        _("U bent aangemeld: %(title)s") % {"title": registration.session.title},
        calendar_method="PUBLISH",
    )


def send_waitlisted(registration):
    return _send(
        registration, "waitlisted", _("U staat op de wachtlijst: %(title)s") % {"title": registration.session.title}
    )


def send_promoted(registration):
    return _send(
        registration,
        "promoted",
        _("Er is een plaats vrij: u bent aangemeld voor %(title)s") % {"title": registration.session.title},
        calendar_method="PUBLISH",
    )


def send_cancelled(registration):
    return _send(
        registration,
        "cancelled",
        _("U bent afgemeld: %(title)s") % {"title": registration.session.title},
        calendar_method="CANCEL",
        status="CANCELLED",
    )


def send_reminder(registration):
    return _send(
        registration,
        "reminder",
        _("Morgen: %(title)s") % {"title": registration.session.title},
        calendar_method="PUBLISH",
    )
