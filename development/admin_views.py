"""Wagtail admin: attendance of one lunch session (the code to show, the tick list of registrations, the
import of the meeting tool's attendee list). Editors see who attended a session, never a member's record."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lunchsessions.models import LunchSessionPage, Registration

from . import attendance as service
from .forms import AttendeeListForm
from .models import Attendance, SessionCode


def _session_for_editor(request, page_id) -> LunchSessionPage:
    session = get_object_or_404(LunchSessionPage, pk=page_id)
    if not session.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return session


def _rows(session):
    """Everyone on the tick list: the registrations (not cancelled ones) and whoever attended without one."""
    registrations = {
        r.user_id: r
        for r in Registration.objects.filter(session=session)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
    }
    attended = {a.user_id: a for a in Attendance.objects.filter(session=session).select_related("user")}
    users = {r.user_id: r.user for r in registrations.values()} | {a.user_id: a.user for a in attended.values()}
    ordered = sorted(users.values(), key=lambda user: (user.get_full_name() or user.email).lower())
    return [(user, registrations.get(user.pk), attended.get(user.pk)) for user in ordered]


def attendance(request, page_id):
    session = _session_for_editor(request, page_id)
    if request.method == "POST":
        return _save(request, session)
    return _render(request, session, AttendeeListForm())


def _render(request, session, import_form, report=None, status=200):
    rows = _rows(session)
    title = _("Aanwezigheid: %(title)s") % {"title": session.title}
    return TemplateResponse(
        request,
        "development/admin/attendance.html",
        {
            "session": session,
            "rows": rows,
            "attended_count": sum(1 for _user, _registration, attended in rows if attended),
            "code": SessionCode.for_session(session),
            "code_open": service.code_window_open(session),
            "import_form": import_form,
            "report": report,
            "header_title": title,
            "page_title": title,
            "header_icon": "tick",
        },
        status=status,
    )


def _save(request, session):
    action = request.POST.get("action")
    if action == "new_code":
        SessionCode.for_session(session, renew=True)
        messages.success(request, _("Er is een nieuwe aanwezigheidscode. De vorige werkt niet meer."))
    elif action == "ticks":
        listed = _ids(request.POST.getlist("listed"))
        added, removed = service.set_ticked(
            session, _ids(request.POST.getlist("attended")), listed, recorded_by=request.user
        )
        log(session, "development.attendance", user=request.user, data={"added": added, "removed": removed})
        messages.success(
            request,
            _("Aanwezigheid opgeslagen: %(added)s toegevoegd, %(removed)s verwijderd.")
            % {"added": added, "removed": removed},
        )
    elif action == "import":
        return _import(request, session)
    return redirect(reverse("development_attendance", args=[session.pk]))


def _import(request, session):
    form = AttendeeListForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, session, form, status=400)
    try:
        report = service.import_list(session, form.cleaned_data["attendees"], recorded_by=request.user)
    except service.AttendeeListError as error:
        form.add_error("attendees", str(error))
        return _render(request, session, form, status=400)
    log(session, "development.attendance_import", user=request.user, data={"matched": len(report.matched)})
    return _render(request, session, AttendeeListForm(), report=report)


def _ids(values) -> set[int]:
    return {int(value) for value in values if value.isdigit()}
