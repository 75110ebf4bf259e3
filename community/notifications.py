"""Notifications to members, respecting each member's settings.

Apps call ``notify(user, topic, subject=..., text=..., html=...)``. Immediate topics are mailed
at once; ``digest`` topics wait for the weekly digest; ``off`` drops them.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from .models import NotificationPreference

TOPICS = NotificationPreference.TOPICS


def preference_for(user, topic: str) -> str:
    if topic not in TOPICS:
        raise ValueError(f"Unknown notification topic: {topic}")
    preferences = NotificationPreference.objects.filter(user=user).first()
    return getattr(preferences, topic) if preferences else NotificationPreference.DEFAULTS[topic]


def notify(user, topic: str, *, subject: str, text: str, html: str = "") -> bool:
    """Send now if the user wants this topic immediately; returns whether a mail was sent."""
    if not user.is_active or not user.email or preference_for(user, topic) != NotificationPreference.IMMEDIATE:
        return False

    def send():
        message = EmailMultiAlternatives(subject=f"[Kennisplein Scheiding] {subject}", body=text, to=[user.email])
        if html:
            message.attach_alternative(html, "text/html")
        message.send()

    transaction.on_commit(send)
    return True
