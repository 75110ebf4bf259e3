"""The digests: one e-mail per member with what happened, only what that member may see.

The daily digest holds the member's notifications (``community.notify.events``) of the topics they set
to "dagelijks"; the weekly one those set to "wekelijks", plus what the apps list for those topics.

Apps fill it per notification topic through the DIGEST_SOURCES hook, in their ``wagtail_hooks.py``::

    @hooks.register(DIGEST_SOURCES)
    def recaps_digest():
        return DigestSource("new_recaps", recaps_since)   # recaps_since(user, since) -> list[Card]

``items`` must return only items ``community.core.access`` lets ``user`` see. As a second line of defence,
cards that point at a Wagtail page the member may not see are dropped here as well.
Sending is idempotent: a ``SentDigest`` per member per ISO week (or per day) means no digest goes out
twice, and a notification mailed in one is marked so and never mailed again.
"""

import datetime
import logging
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from community.core import access, hooks
from community.core.cards import Card
from community.core.links import absolute_url, base_url
from community.models import Notification, NotificationPreference, SentDigest
from community.notify import events
from community.notify.notifications import send_member_mail, topic_label
from community.notify.unsubscribe import headers, unsubscribe_url

logger = logging.getLogger(__name__)

#: Notifications made while their topic was mailed at once, or not at all, never go into a digest.
NOT_IN_DIGESTS = (NotificationPreference.IMMEDIATE, NotificationPreference.OFF)


def sources(topic: str) -> list:
    """The item functions of one topic, each once, in registration order."""
    if topic not in NotificationPreference.TOPICS:
        raise ValueError(f"Unknown notification topic: {topic}")
    return list(dict.fromkeys(source.items for source in hooks.collect(hooks.DIGEST_SOURCES) if source.topic == topic))


def week_key(moment: datetime.datetime) -> str:
    year, week, _weekday = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def day_key(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def digest_topics(user, channel: str = NotificationPreference.WEEKLY) -> list[str]:
    preference = NotificationPreference.objects.filter(user=user).first()
    return [
        topic
        for topic in NotificationPreference.TOPICS
        if (getattr(preference, topic) if preference else NotificationPreference.DEFAULTS[topic]) == channel
    ]


def _pending(user, topics) -> list[Notification]:
    kinds = [kind for kind, topic in events.TOPIC_OF.items() if topic in topics]
    return list(
        Notification.objects.filter(recipient=user, kind__in=kinds, mailed_at__isnull=True)
        .exclude(channel__in=NOT_IN_DIGESTS)
        .select_related("actor")
        .order_by("-created_at")[:200]
    )


def _event_cards(user, notifications) -> dict[str, list[Card]]:
    """{topic: cards} of the notifications ``user`` may still see, each linking to it in the centre."""
    links = events.resolved(user, notifications)
    cards: dict[str, list[Card]] = {}
    for notification in notifications:
        link = links.get(events._key(notification))
        if link is not None:
            card = Card(
                type_label=notification.get_kind_display(),
                title=events.sentence(notification, link),
                url=events.open_url(notification),
                date=notification.created_at,
            )
            cards.setdefault(events.TOPIC_OF[notification.kind], []).append(card)
    return cards


def collect(user, since: datetime.datetime, notifications=()) -> list[dict]:
    """Sections (topic, title, items) for this member's weekly digest: only topics set to the weekly
    digest, the apps' items and the member's notifications of those topics (one link per item)."""
    from_events = _event_cards(user, notifications)
    sections = []
    for topic in digest_topics(user):
        items = [card for fn in sources(topic) for card in fn(user, since)]
        items += from_events.get(topic, [])
        if items:
            sections.append({"topic": topic, "title": topic_label(topic), "items": items})
    return _drop_hidden_pages(user, sections)


def _drop_hidden_pages(user, sections: list[dict]) -> list[dict]:
    paths = {urlparse(card.url).path for section in sections for card in section["items"]}
    if not paths:
        return sections
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return sections
    root = site.root_page.url_path  # e.g. "/home/"
    url_paths = {root + path.strip("/") + "/" if path.strip("/") else root: path for path in paths}
    pages = Page.objects.filter(url_path__in=url_paths)
    known = set(pages.values_list("url_path", flat=True))
    visible = set(access.visible_pages(user, pages).values_list("url_path", flat=True))
    hidden_paths = {url_paths[url_path] for url_path in known - visible}
    if hidden_paths:
        logger.warning("Digest for user %s: dropped %d item(s) the member may not see", user.pk, len(hidden_paths))
    cleaned = []
    for section in sections:
        items = [card for card in section["items"] if urlparse(card.url).path not in hidden_paths]
        if items:
            cleaned.append({**section, "items": items})
    return cleaned


def _absolute(url: str) -> str:
    return url if urlparse(url).scheme else absolute_url(url)


def render(user, sections: list[dict], *, week: str, daily: bool = False) -> tuple[str, str, str]:
    """(subject, text, html) in Dutch."""
    for section in sections:
        section["links"] = [(card, _absolute(card.url)) for card in section["items"]]
    context = {
        "user": user,
        "sections": sections,
        "week": week,
        "site_url": base_url(),
        "settings_url": _absolute("/leden/instellingen/meldingen/"),
        "unsubscribe_url": unsubscribe_url(user),
        "daily": daily,
    }
    with translation.override("nl"):
        subject = (
            _("Uw dagoverzicht van Kennisplein Scheiding") if daily else _("Uw weekoverzicht van Kennisplein Scheiding")
        )
        text = render_to_string("community/email/digest.txt", context)
        html = render_to_string("community/email/digest.html", context)
    return subject, text, html


def _recipients(week: str):
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name=settings.MEMBERS_GROUP) | Q(is_superuser=True))
        .exclude(email="")
        .exclude(sent_digests__week=week)
        .distinct()
        .order_by("pk")
    )


def send_digest(user, *, now: datetime.datetime | None = None) -> bool:
    """Send this member's digest for the week of ``now`` unless it went already; True when mailed."""
    now = now or timezone.now()
    week = week_key(now)
    last = SentDigest.objects.filter(user=user).order_by("-sent_at").values_list("sent_at", flat=True).first()
    since = max(last, now - datetime.timedelta(days=7)) if last else now - datetime.timedelta(days=7)
    notifications = _pending(user, digest_topics(user))
    sections = collect(user, since, notifications)
    return _send(user, sections, notifications, period=week, daily=False)


def _send(user, sections, notifications, *, period: str, daily: bool) -> bool:
    """Mail the digest once per period; the notifications in it (or no longer visible) count as mailed."""
    try:
        with transaction.atomic():
            claimed = Notification.objects.filter(pk__in=[n.pk for n in notifications], mailed_at__isnull=True)
            claimed.update(mailed_at=timezone.now())
            if not sections:
                return False
            SentDigest.objects.create(user=user, week=period, item_count=sum(len(s["items"]) for s in sections))
            subject, text, html = render(user, sections, week=period, daily=daily)
            send_member_mail(user, subject=subject, text=text, html=html, headers=headers(user))
    except IntegrityError:
        return False  # another run sent this period's digest already
    return True


def send_daily_digest(user, *, now: datetime.datetime | None = None) -> bool:
    """Mail this member's notifications of the topics set to the daily digest, once per day."""
    day = day_key(now or timezone.now())
    if SentDigest.objects.filter(user=user, week=day).exists():
        return False
    notifications = _pending(user, digest_topics(user, NotificationPreference.DAILY))
    cards = _event_cards(user, notifications)
    sections = [
        {"topic": topic, "title": topic_label(topic), "items": cards[topic]}
        for topic in NotificationPreference.TOPICS
        if cards.get(topic)
    ]
    return _send(user, sections, notifications, period=day, daily=True)


def send_daily_digests(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    User = get_user_model()
    waiting = Notification.objects.filter(mailed_at__isnull=True, recipient__is_active=True).exclude(
        channel__in=NOT_IN_DIGESTS
    )
    users = (
        User.objects.filter(pk__in=waiting.values("recipient"))
        .filter(Q(groups__name=settings.MEMBERS_GROUP) | Q(is_superuser=True))
        .exclude(email="")
        .exclude(sent_digests__week=day_key(now))
        .distinct()
        .order_by("pk")
    )
    sent = 0
    for user in users.iterator():
        access.forget(user)
        if send_daily_digest(user, now=now):
            sent += 1
    return sent


def send_weekly_digests(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    sent = 0
    for user in _recipients(week_key(now)).iterator():
        access.forget(user)
        if send_digest(user, now=now):
            sent += 1
    return sent
