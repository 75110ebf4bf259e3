"""A member's lunch-session data: export and erasure (see community.core.personal_data)."""

from django.utils import timezone

from . import registration as service
from .models import CalendarToken, Registration


def export(user) -> dict:
    return {
        "aanmeldingen": [
            {
                "sessie": r.session.title,
                "begint": timezone.localtime(r.session.start).isoformat(),
                "status": r.get_status_display(),
                "aangemeld_op": timezone.localtime(r.created_at).isoformat(),
            }
            for r in Registration.objects.filter(user=user).select_related("session").order_by("created_at")
        ],
        "persoonlijke_agenda_link": CalendarToken.objects.filter(user=user).exists(),
    }


def erase(user) -> None:
    for registration in Registration.objects.filter(user=user).select_related("session"):
        session = registration.session
        registration.delete()
        if not session.has_started():
            service.fill_from_waitlist(session)
    CalendarToken.objects.filter(user=user).delete()
