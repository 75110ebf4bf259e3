"""The notification centre (``/meldingen/``) and following: members only.

What a notification shows of its target is looked up again with the member's access each time
(``events.resolved``): what they may no longer see is left out, and marked read so the bell agrees.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.core.privacy import members_only
from community.core.ratelimit import rate_limit
from community.models import Follow, Notification
from community.notify import events

PAGE_SIZE = 50


def _groups(notifications, links) -> list[dict]:
    """Notifications per target (a casus, a session), the group with the newest first."""
    groups: dict = {}
    for notification in notifications:
        link = links[events._key(notification)]
        key = (notification.target_kind, notification.target_id)
        group = groups.setdefault(key, {"title": link.title, "url": link.url.split("#")[0], "items": []})
        group["items"].append(
            {
                "notification": notification,
                "sentence": events.sentence(notification, link),
                "unread": notification.read_at is None,
            }
        )
    for group in groups.values():
        group["unread"] = sum(item["unread"] for item in group["items"])
    return list(groups.values())


@members_only
def notification_centre(request):
    queryset = Notification.objects.filter(recipient=request.user).select_related("actor")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))
    notifications = list(page.object_list)
    links = events.resolved(request.user, notifications)
    gone = [n.pk for n in notifications if events._key(n) not in links]
    if gone:
        events.mark_read(request.user, Notification.objects.filter(pk__in=gone))
    shown = [n for n in notifications if events._key(n) in links]
    follows = list(Follow.objects.filter(user=request.user).order_by("target_kind", "-created_at"))
    follow_links = events.resolved(request.user, [(f.target_kind, f.target_id, 0) for f in follows])
    labels = {kind: target.label for kind, target in events.targets().items()}
    context = {
        "groups": _groups(shown, links),
        "page": page,
        "unread": events.unread_count(request.user),
        "follows": [
            {"follow": f, "link": follow_links[(f.target_kind, f.target_id, 0)], "label": labels[f.target_kind]}
            for f in follows
            if (f.target_kind, f.target_id, 0) in follow_links
        ],
    }
    return render(request, "community/notifications.html", context)


@members_only
def open_notification(request, pk):
    """Opening a notification marks it read and goes to what it is about (if the member may still see it)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    events.mark_read(request.user, Notification.objects.filter(pk=notification.pk))
    link = events.link_for(request.user, notification)
    if link is None:
        messages.info(request, _("Dit onderwerp is niet (meer) voor u zichtbaar."))
        return redirect("notifications")
    return redirect(link.url)


@members_only
@require_POST
def mark_all_read(request):
    count = events.mark_read(request.user, Notification.objects.all())
    if count:
        messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect("notifications")


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("notifications")


@members_only
@rate_limit("follow", "120/h")
@require_POST
def change_follow(request):
    """Follow or unfollow a target (a plain form on the casus, phase, tag or session page)."""
    kind = request.POST.get("kind", "")
    target = events.targets().get(kind)
    raw_id = request.POST.get("id", "")
    if target is None or not target.followable or not raw_id.isdigit() or len(raw_id) > 10:
        messages.error(request, _("Dit onderwerp kunt u niet volgen."))
        return _back(request)
    target_id = int(raw_id)
    if request.POST.get("action") == "unfollow":
        events.unfollow(request.user, kind, target_id)
        messages.success(request, _("U volgt dit niet meer."))
        return _back(request)
    link = events.link_for(request.user, (kind, target_id, 0))
    if link is None:
        messages.error(request, _("Dit onderwerp kunt u niet volgen."))
        return _back(request)
    events.follow(request.user, kind, target_id)
    messages.success(
        request,
        _("U volgt nu ‘%(title)s’. U ziet nieuwe activiteit bij Meldingen en krijgt e-mail zoals u hebt ingesteld.")
        % {"title": link.title},
    )
    return _back(request)
