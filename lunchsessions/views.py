from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from community.core import access, page_cache
from community.core.calendar import build_calendar, calendar_response
from community.core.privacy import private
from community.core.ratelimit import rate_limit

from . import registration as service
from .models import CalendarToken, LunchSessionPage, Registration

PERSONAL_FEED_PAST_DAYS = 90


def _session_for(request, page_id) -> LunchSessionPage:
    session = get_object_or_404(LunchSessionPage.objects.live(), pk=page_id)
    if not access.can_view_page(request.user, session):
        raise Http404
    return session


@require_POST
@login_required
@rate_limit("lunchsession_register", "20/h")
def register_view(request, page_id):
    session = _session_for(request, page_id)
    try:
        registration, changed = service.register(session, request.user)
    except service.RegistrationError as error:
        messages.error(request, error.message)
        return redirect(session.url)
    if registration.status == Registration.Status.REGISTERED:
        messages.success(request, _("U bent aangemeld. U ontvangt een bevestiging met een agenda-uitnodiging per e-mail."))
    else:
        messages.info(request, _("De sessie is vol. U staat op de wachtlijst en schuift automatisch door als er een plaats vrijkomt."))
    return redirect(session.url)


@require_POST
@login_required
@rate_limit("lunchsession_register", "20/h")
def unregister_view(request, page_id):
    session = _session_for(request, page_id)
    try:
        cancelled = service.unregister(session, request.user)
    except service.RegistrationError as error:
        messages.error(request, error.message)
        return redirect(session.url)
    if cancelled is not None:
        messages.success(request, _("U bent afgemeld."))
    return redirect(session.url)


@require_GET
@page_cache.cache_public_view(seconds=300)
def agenda_ics(request):
    """Upcoming public sessions: the same for every visitor, so nothing restricted can be in it."""
    sessions = access.visible_pages(AnonymousUser(), LunchSessionPage.objects.filter(end__gt=timezone.now()))
    events = [session.calendar_event() for session in sessions.order_by("start")]
    return calendar_response(build_calendar(events, name=_("Lunchsessies Kennisplein Scheiding")), filename="lunchsessies.ics")


@require_GET
def personal_feed(request, token):
    """A member's own registrations, for their calendar app (which sends no cookies: the token is the key)."""
    calendar_token = CalendarToken.objects.select_related("user").filter(token=token).first()
    if calendar_token is None or not calendar_token.user.is_active or not access.is_member(calendar_token.user):
        raise Http404
    user = calendar_token.user
    since = timezone.now() - timezone.timedelta(days=PERSONAL_FEED_PAST_DAYS)
    sessions = access.visible_pages(user, LunchSessionPage.objects.filter(end__gte=since))
    registrations = (
        Registration.objects.filter(user=user, session__in=sessions)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("session")
        .order_by("session__start")
    )
    events = [
        r.session.calendar_event(status="CONFIRMED" if r.status == Registration.Status.REGISTERED else "TENTATIVE")
        for r in registrations
    ]
    return private(calendar_response(build_calendar(events, name=_("Mijn lunchsessies")), filename="mijn-lunchsessies.ics"))


@login_required
@never_cache
@rate_limit("lunchsession_calendar_token", "10/h")
def my_calendar(request):
    if not access.is_member(request.user):
        return render(request, "403.html", status=403)
    token = CalendarToken.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "revoke" and token is not None:
            token.delete()
            messages.success(request, _("Uw persoonlijke agenda-link is ingetrokken. De oude link werkt niet meer."))
        elif action in ("create", "renew"):
            CalendarToken.issue(request.user)
            messages.success(request, _("Uw nieuwe persoonlijke agenda-link staat hieronder. Een eerdere link werkt niet meer."))
        return redirect("lunchsessions_my_calendar")
    feed_url = request.build_absolute_uri(reverse("lunchsessions_personal_feed", args=[token.token])) if token else ""
    registrations = (
        Registration.objects.filter(user=request.user, session__end__gt=timezone.now(), session__live=True)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("session")
        .order_by("session__start")
    )
    return render(
        request,
        "lunchsessions/my_calendar.html",
        {
            "token": token,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1] if feed_url else "",
            "registrations": registrations,
        },
    )
