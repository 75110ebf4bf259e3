"""Mijn ontwikkeling (/mijn-ontwikkeling/): the member's own record, its exports and proofs, the
attendance code and module completion posted from the pages, and the public /verifieer/<code>/."""

import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.core import access
from community.core.links import absolute_url
from community.core.privacy import members_only
from community.core.ratelimit import rate_limit
from lunchsessions.models import LunchSessionPage
from methodology.models import TrainingModulePage

from . import attendance as attendance_service
from . import certificates, pdf, record
from .forms import AttendanceCodeForm, CompletionForm, ManualActivityForm, ProfileForm, VerifyForm
from .models import Attendance, DevelopmentProfile, ManualActivity, TrainingCompletion, normalise_code

MAX_PERIOD_OFFSET = 10
CHART_MIN_SCALE = 1


def _offset(request) -> int:
    try:
        offset = int(request.GET.get("periode", "0"))
    except ValueError:
        return 0
    return max(-MAX_PERIOD_OFFSET, min(MAX_PERIOD_OFFSET, offset))


def _record(request):
    profile = DevelopmentProfile.objects.filter(user=request.user).first()
    norm = profile.requirement() if profile else record.requirements.NORMS[record.requirements.DEFAULT_NORM]
    span = record.period(profile, _offset(request))
    found = record.activities(request.user, span)
    return profile, norm, span, found, record.totals(found, norm)


@members_only
def overview(request):
    profile, norm, span, found, totals = _record(request)
    scale = max([t.hours for t in totals] + [t.required for t in totals] + [CHART_MIN_SCALE])
    context = {
        "profile": profile,
        "norm": norm,
        "span": span,
        "activities": found,
        "totals": totals,
        "bars": [(t, t.percent_of(scale), t.required_percent_of(scale)) for t in totals],
        "is_current": span.contains(timezone.localdate()),
        "previous_offset": span.offset - 1 if span.offset > -MAX_PERIOD_OFFSET else None,
        "next_offset": span.offset + 1 if span.offset < MAX_PERIOD_OFFSET else None,
    }
    return render(request, "development/overview.html", context)


@members_only
def period_settings(request):
    profile = DevelopmentProfile.objects.filter(user=request.user).first()
    form = ProfileForm(request.POST or None, instance=profile or DevelopmentProfile(user=request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw registratieperiode en norm zijn opgeslagen."))
        return redirect("development_overview")
    return render(request, "development/period_form.html", {"form": form}, status=400 if form.errors else 200)


@members_only
@rate_limit("development_activity", "60/h")
def activity_form(request, pk=None):
    activity = get_object_or_404(ManualActivity, pk=pk, user=request.user) if pk else ManualActivity(user=request.user)
    form = ManualActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De activiteit “%(title)s” is opgeslagen.") % {"title": activity.title})
        return redirect("development_overview")
    status = 400 if form.errors else 200
    return render(request, "development/activity_form.html", {"form": form, "activity": activity}, status=status)


@members_only
def activity_delete(request, pk):
    activity = get_object_or_404(ManualActivity, pk=pk, user=request.user)
    if request.method == "POST":
        activity.delete()
        messages.success(request, _("De activiteit “%(title)s” is verwijderd.") % {"title": activity.title})
        return redirect("development_overview")
    return render(request, "development/activity_delete.html", {"activity": activity})


def _hours_text(value) -> str:
    return formats.number_format(value, decimal_pos=1) if value is not None else ""


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@members_only
@rate_limit("development_export", "30/h", methods=("GET",))
def export_csv(request):
    _profile, _norm, span, found, _totals = _record(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mijn-ontwikkeling-{span.start.isoformat()}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Datum"),
            _("Titel"),
            _("Soort"),
            _("Categorie"),
            _("Uren"),
            _("SKJ-punten"),
            _("Accreditatienummer"),
            _("Zelf gemeld"),
        ]
    )
    for activity in found:
        writer.writerow(
            [
                activity.date.isoformat(),
                _csv_safe(activity.title),
                _csv_safe(activity.kind),
                activity.category_label,
                _hours_text(activity.hours),
                _hours_text(activity.points),
                _csv_safe(activity.accreditation_number),
                _("ja") if activity.self_reported else _("nee"),
            ]
        )
    return response


def _pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@members_only
@rate_limit("development_pdf", "30/h", methods=("GET",))
def overview_pdf(request):
    _profile, norm, span, found, totals = _record(request)
    name = request.user.get_full_name() or request.user.email
    body = pdf.overview_pdf(name=name, span=span, norm=norm, totals=totals, activities=found)
    return _pdf_response(body, f"overzicht-ontwikkeling-{span.start.isoformat()}.pdf")


@members_only
@rate_limit("development_pdf", "30/h", methods=("GET",))
def certificate_pdf(request, attendance_id):
    attended = get_object_or_404(
        Attendance.objects.select_related("session", "user"), pk=attendance_id, user=request.user
    )
    certificate = certificates.issue(attended)
    verify_url = absolute_url(reverse("verify", args=[certificate.display_code]), request)
    return _pdf_response(pdf.certificate_pdf(certificate, verify_url), f"bewijs-van-deelname-{certificate.code}.pdf")


def _visible_page(request, model, page_id):
    page = get_object_or_404(model.objects.live(), pk=page_id)
    if not access.can_view_page(request.user, page):
        raise Http404
    return page


@require_POST
@members_only
@rate_limit("development_attendance_code", "10/h")
def enter_code(request, session_id):
    session = _visible_page(request, LunchSessionPage, session_id)
    form = AttendanceCodeForm(request.POST)
    problem = _("Vul de aanwezigheidscode in.")
    if form.is_valid():
        problem = attendance_service.record_by_code(session, request.user, form.cleaned_data["code"])
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, _("Uw aanwezigheid is vastgelegd. U vindt de sessie in Mijn ontwikkeling."))
    return redirect(session.url)


@require_POST
@members_only
@rate_limit("development_complete", "30/h")
def complete_module(request, module_id):
    module = _visible_page(request, TrainingModulePage, module_id)
    form = CompletionForm(request.POST, requires_reflection=module.requires_reflection)
    if not form.is_valid():
        messages.error(request, form.errors["reflection"][0])
        request.session["development_reflection"] = request.POST.get("reflection", "")[:3000]
        return redirect(module.url + "#module-afronden")
    TrainingCompletion.objects.get_or_create(
        module=module, user=request.user, defaults={"reflection": form.cleaned_data["reflection"]}
    )
    request.session.pop("development_reflection", None)
    messages.success(request, _("U heeft de module afgerond. Hij staat nu in Mijn ontwikkeling."))
    return redirect(module.url)


@rate_limit("certificate_verify", "30/h", methods=("GET", "POST"))
def verify(request, code=None):
    """Says whether a certificate is real and what it certifies; an unknown code learns nothing."""
    if code is None:
        if "code" in request.GET:
            return redirect("verify", code=normalise_code(request.GET["code"])[:40] or "-")
        return render(request, "development/verify.html", {"form": VerifyForm()})
    certificate = certificates.find(code)
    context = {"form": VerifyForm(initial={"code": code[:40]}), "checked": True, "certificate": certificate}
    response = render(request, "development/verify.html", context, status=200 if certificate else 404)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
