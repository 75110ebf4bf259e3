"""Wagtail admin: the registrations of one session, as a table and as CSV."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from community.core.privacy import private

from .models import LunchSessionPage, Registration


def _session_for_editor(request, page_id) -> LunchSessionPage:
    session = get_object_or_404(LunchSessionPage, pk=page_id)
    if not session.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return session


def _registrations(session):
    order = {Registration.Status.REGISTERED: 0, Registration.Status.WAITLISTED: 1, Registration.Status.CANCELLED: 2}
    rows = list(
        Registration.objects.filter(session=session)
        .select_related("user", "user__profile", "user__profile__organisation")
        .order_by("status_changed_at", "pk")
    )
    rows.sort(key=lambda r: order[r.status])
    return rows


def _organisation(user) -> str:
    profile = getattr(user, "profile", None)
    if profile is None:
        return ""
    return profile.organisation.name if profile.organisation else profile.organisation_name


def registrations(request, page_id):
    session = _session_for_editor(request, page_id)
    rows = _registrations(session)
    counts = {status: sum(1 for r in rows if r.status == status) for status in Registration.Status.values}
    return TemplateResponse(
        request,
        "lunchsessions/admin/registrations.html",
        {
            "session": session,
            "rows": [(r, _organisation(r.user)) for r in rows],
            "counts": counts,
            "header_title": _("Aanmeldingen: %(title)s") % {"title": session.title},
            "page_title": _("Aanmeldingen: %(title)s") % {"title": session.title},
            "header_icon": "group",
        },
    )


def registrations_csv(request, page_id):
    session = _session_for_editor(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aanmeldingen-{session.slug}.csv"'
    private(response)
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Naam"), _("E-mail"), _("Organisatie"), _("Status"), _("Aangemeld op"), _("Status gewijzigd op")]
    )
    for registration in _registrations(session):
        user = registration.user
        writer.writerow(
            [
                _csv_safe(user.get_full_name()),
                _csv_safe(user.email),
                _csv_safe(_organisation(user)),
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(registration.status_changed_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    log(session, "lunchsessions.export_registrations", user=request.user)
    return response


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
