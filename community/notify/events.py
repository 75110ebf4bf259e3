"""The one event model: who hears of what, and by which channel.

An app publishes an event when something happens (``publish``): the followers of the targets it names,
and the members it names itself (a mention), each get one ``Notification`` row, but only when they may
see the target now. The notification centre (``community.notify.views``), the direct mail (here) and
the daily and weekly digests (``community.notify.digest``) all read those rows, and each of them looks
the target up again with the member's access (``resolved``) before showing or mailing anything: a casus
hidden, moved or closed to them since, or a membership ended, shows nothing.

Targets (what notifications point at and members follow) come from the apps through the
``NOTIFICATION_TARGETS`` hook (``community.core.hooks.NotificationTarget``).
"""

import logging

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.core import access, hooks
from community.core.links import absolute_url
from community.models import Follow, Notification, NotificationPreference
from community.notify.notifications import send_member_mail, unsubscribe_footer
from community.notify.unsubscribe import headers

logger = logging.getLogger(__name__)

Kind = Notification.Kind

#: The settings topic (``NotificationPreference``) whose channel an event of this kind takes.
TOPIC_OF = {
    Kind.REACTION: "casus_reactions",
    Kind.MENTION: "mentions",
    Kind.NEW_CASUS: "new_casuses",
    Kind.RECAP: "new_recaps",
}

CACHE_SECONDS = 300


def targets() -> dict:
    """{kind: NotificationTarget} of every app."""
    return {target.kind: target for target in hooks.collect(hooks.NOTIFICATION_TARGETS)}


def resolved(user, items) -> dict:
    """{(target kind, target id, detail id): TargetLink} of the items (notifications, follows or such
    triples) that ``user`` may see now; one or two queries per kind of target."""
    wanted: dict[str, set] = {}
    for item in items:
        kind, target_id, detail_id = _key(item)
        wanted.setdefault(kind, set()).add((target_id, detail_id))
    known = targets()
    found = {}
    for kind, pairs in wanted.items():
        if kind not in known:
            continue
        for (target_id, detail_id), link in known[kind].resolve(user, pairs).items():
            found[(kind, target_id, detail_id)] = link
    return found


def _key(item) -> tuple[str, int, int]:
    if isinstance(item, tuple):
        return item
    return item.target_kind, item.target_id, getattr(item, "detail_id", 0)


def link_for(user, item):
    """The TargetLink of one notification or follow for ``user``, or None when they may not see it."""
    return resolved(user, [item]).get(_key(item))


# --- Following ------------------------------------------------------------------------------------


def follow(user, kind: str, target_id: int) -> bool:
    """Start following; False when it was followed already."""
    cache.delete(_follows_key(user.pk))
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, target_kind=kind, target_id=target_id)
    except IntegrityError:
        return False
    return True


def unfollow(user, kind: str, target_id: int) -> bool:
    cache.delete(_follows_key(user.pk))
    deleted, _rows = Follow.objects.filter(user=user, target_kind=kind, target_id=target_id).delete()
    return bool(deleted)


def _follows_key(user_id) -> str:
    return f"kennisplein:follows:{user_id}"


def is_following(user, kind: str, target_id: int) -> bool:
    """For follow buttons: the member's follows come from the shared cache (one query after a change),
    so a page with a button costs no query."""
    if not user.is_authenticated:
        return False
    followed = cache.get(_follows_key(user.pk))
    if followed is None:
        followed = {f"{k}:{pk}" for k, pk in Follow.objects.filter(user=user).values_list("target_kind", "target_id")}
        cache.set(_follows_key(user.pk), followed, CACHE_SECONDS)
    return f"{kind}:{target_id}" in followed


def followers(keys) -> set[int]:
    """Ids of the users who follow any of ``keys`` ((kind, id) pairs)."""
    condition = Q()
    for kind, target_id in keys:
        condition |= Q(target_kind=kind, target_id=target_id)
    if not condition:
        return set()
    return set(Follow.objects.filter(condition).values_list("user_id", flat=True))


# --- Publishing -----------------------------------------------------------------------------------


def publish(
    kind: str,
    target_kind: str,
    target_id: int,
    *,
    detail_id: int = 0,
    actor=None,
    follows=(),
    recipients=(),
    exclude=(),
) -> list[Notification]:
    """One notification per member who follows one of ``follows`` or is among ``recipients`` (user
    ids), never the actor nor ``exclude``, and only for whoever may see the target now. An event that
    reached a member before (same kind, target and detail) never reaches them again. Mails of the
    direct channel go after the transaction commits."""
    wanted = (followers(follows) | set(recipients)) - set(exclude) - {getattr(actor, "pk", None)}
    already = set(
        Notification.objects.filter(
            recipient__in=wanted, kind=kind, target_kind=target_kind, target_id=target_id, detail_id=detail_id
        ).values_list("recipient_id", flat=True)
    )
    users = get_user_model().objects.filter(pk__in=wanted - already, is_active=True).order_by("pk")
    channels = _channels(users, TOPIC_OF[kind])
    created = []
    for user in users:
        if link_for(user, (target_kind, target_id, detail_id)) is None:
            continue
        notification = _create(
            recipient=user,
            kind=kind,
            target_kind=target_kind,
            target_id=target_id,
            detail_id=detail_id,
            actor=actor,
            channel=channels.get(user.pk, NotificationPreference.DEFAULTS[TOPIC_OF[kind]]),
        )
        if notification is not None:
            created.append(notification)
            forget_unread(user)
    immediate = [n.pk for n in created if n.channel == NotificationPreference.IMMEDIATE]
    if immediate:
        transaction.on_commit(lambda: mail_now(immediate))
    return created


def _create(**fields):
    try:
        with transaction.atomic():
            return Notification.objects.create(**fields)
    except IntegrityError:
        return None  # the same event, published twice at once


def _channels(users, topic: str) -> dict[int, str]:
    return dict(NotificationPreference.objects.filter(user__in=users).values_list("user_id", topic))


# --- Reading --------------------------------------------------------------------------------------


def _unread_key(user_id) -> str:
    return f"kennisplein:unread:{user_id}"


def unread_count(user) -> int:
    """The bell's number: at most one query, none while the shared cache has it."""
    if not user.is_authenticated:
        return 0
    count = cache.get(_unread_key(user.pk))
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(_unread_key(user.pk), count, CACHE_SECONDS)
    return count


def forget_unread(user) -> None:
    cache.delete(_unread_key(getattr(user, "pk", user)))


def mark_read(user, queryset) -> int:
    changed = queryset.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if changed:
        forget_unread(user)
    return changed


# --- Mail -----------------------------------------------------------------------------------------


def sentence(notification, link) -> str:
    """What happened, in one Dutch sentence, e.g. "Anna de Vries reageerde op ‘Overdracht …’"."""
    actor = _actor_name(notification)
    title = link.title
    return {
        Kind.REACTION: _("%(actor)s reageerde op ‘%(title)s’"),
        Kind.MENTION: _("%(actor)s noemde u bij ‘%(title)s’"),
        Kind.NEW_CASUS: _("Nieuwe casus: ‘%(title)s’"),
        Kind.RECAP: _("Nieuwe terugblik: ‘%(title)s’"),
    }[notification.kind] % {"actor": actor, "title": title}


def _subject(notification, link) -> str:
    if notification.kind == Kind.REACTION:
        return _("Nieuwe reactie op ‘%(title)s’") % {"title": link.title}
    return sentence(notification, link)


def _actor_name(notification) -> str:
    actor = notification.actor
    if actor is None or not actor.is_active:
        return _("Een lid")
    return actor.get_full_name() or _("Een lid")


def open_url(notification) -> str:
    """The link in mails and in the centre: marks the notification read and opens its target."""
    return absolute_url(reverse("notification_open", args=[notification.pk]))


def mail_now(pks) -> int:
    """Mail these notifications of the direct channel, each once, if the member may still see them."""
    sent = 0
    notifications = Notification.objects.filter(pk__in=pks, mailed_at__isnull=True).select_related("recipient", "actor")
    for notification in notifications:
        claimed = Notification.objects.filter(pk=notification.pk, mailed_at__isnull=True).update(
            mailed_at=timezone.now()
        )
        if claimed and _mail_one(notification):
            sent += 1
    return sent


def _mail_one(notification) -> bool:
    user = notification.recipient
    if not user.is_active or not user.email:
        return False
    access.forget(user)
    link = link_for(user, notification)
    if link is None:
        return False
    topic = TOPIC_OF[notification.kind]
    with translation.override("nl"):
        subject = _subject(notification, link)
        footer_text, footer_html = unsubscribe_footer(user, topic)
        text = _("%(what)s.\n\nLees het op %(url)s\n\nAl uw meldingen: %(centre)s") % {
            "what": sentence(notification, link),
            "url": open_url(notification),
            "centre": absolute_url(reverse("notifications")),
        }
    send_member_mail(user, subject=subject, text=text + footer_text, headers=headers(user, topic))
    return True
