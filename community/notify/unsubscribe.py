"""Signed one-click unsubscribe links: they work without logging in, cannot be forged and expire.

A token names a user and a topic (or ``"all"``); following it turns that topic off.
"""

from django.core import signing
from django.urls import reverse

from community.core.links import absolute_url
from community.models import NotificationPreference

SALT = "community.notify.unsubscribe"
ALL = "all"
MAX_AGE = 60 * 60 * 24 * 90  # 90 days: older mails ask the member to log in and use the settings page


def make_token(user, topic: str = ALL) -> str:
    if topic != ALL and topic not in NotificationPreference.TOPICS:
        raise ValueError(f"Unknown notification topic: {topic}")
    return signing.dumps({"u": user.pk, "t": topic}, salt=SALT, compress=True)


def read_token(token: str, *, max_age: int | None = None) -> tuple[int, str]:
    """(user id, topic); raises signing.BadSignature (or its subclass SignatureExpired)."""
    data = signing.loads(token, salt=SALT, max_age=MAX_AGE if max_age is None else max_age)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("u"), int)
        or data.get("t") not in (ALL, *NotificationPreference.TOPICS)
    ):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data["u"], data["t"]


def unsubscribe_url(user, topic: str = ALL) -> str:
    return absolute_url(reverse("unsubscribe", args=[make_token(user, topic)]))


def unsubscribe(user, topic: str) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    topics = NotificationPreference.TOPICS if topic == ALL else (topic,)
    for name in topics:
        setattr(preference, name, NotificationPreference.OFF)
    preference.save()
    return preference


def headers(user, topic: str = ALL) -> dict:
    """RFC 8058 one-click unsubscribe headers for a mail to ``user``."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, topic)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
