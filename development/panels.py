"""What the participation record adds to other apps' pages (PAGE_PANELS): the attendance code and
the certificate on a lunch session, "module afgerond" on a training module. Members only."""

from django.urls import reverse

from community.core import access

from .attendance import code_window_open
from .forms import AttendanceCodeForm, CompletionForm
from .models import Attendance, TrainingCompletion


def session_panel(request, session):
    user = request.user
    if not access.is_member(user) or not session.has_started():
        return None
    attended = Attendance.objects.filter(session=session, user=user).first()
    if attended is None and not code_window_open(session):
        return None
    return {
        "attendance": attended,
        "certificate_url": reverse("development_certificate", args=[attended.pk]) if attended else "",
        "code_url": reverse("development_enter_code", args=[session.pk]),
        "code_form": AttendanceCodeForm(),
    }


def module_panel(request, module):
    user = request.user
    if not access.is_member(user):
        return None
    completion = TrainingCompletion.objects.filter(module=module, user=user).first()
    typed = request.session.get("development_reflection", "") if completion is None else ""
    return {
        "completion": completion,
        "complete_url": reverse("development_complete_module", args=[module.pk]),
        "form": CompletionForm(initial={"reflection": typed}, requires_reflection=module.requires_reflection),
        "requires_reflection": module.requires_reflection,
        "overview_url": reverse("development_overview"),
    }
