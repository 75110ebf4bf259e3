"""Notifications to members, respecting each member's settings.

Apps call ``notify(user, topic, subject=..., text=..., html=...)``. Immediate topics are mailed
at once; ``digest`` topics wait for the weekly digest (``community.notify.digest``); ``off`` drops them.
Every mail carries a signed one-click unsubscribe link for its topic.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from community.models import NotificationPreference
from community.notify.unsubscribe import headers, unsubscribe_url

TOPICS = NotificationPreference.TOPICS


def preference_for(user, topic: str) -> str:
    if topic not in TOPICS:
        raise ValueError(f"Unknown notification topic: {topic}")
    preferences = NotificationPreference.objects.filter(user=user).first()
    return getattr(preferences, topic) if preferences else NotificationPreference.DEFAULTS[topic]


def topic_label(topic: str) -> str:
    return str(NotificationPreference._meta.get_field(topic).verbose_name)


def unsubscribe_footer(user, topic: str) -> tuple[str, str]:
    """(text, html) footer with the unsubscribe link for this topic."""
    url = unsubscribe_url(user, topic)
    sentence = _("U krijgt deze e-mail omdat u meldingen over ‘%(topic)s’ hebt aangezet.") % {
        "topic": topic_label(topic)
    }
    action = _("Afmelden voor deze meldingen (zonder in te loggen)")
    text = f"\n\n-- \n{sentence}\n{action}: {url}\n"
    html = f'<hr><p>{escape(sentence)}<br><a href="{escape(url)}">{escape(action)}</a></p>'
    return text, html


def notify(user, topic: str, *, subject: str, text: str, html: str = "") -> bool:
    """Send now if the user wants this topic immediately; returns whether a mail was sent."""
    if not user.is_active or not user.email or preference_for(user, topic) != NotificationPreference.IMMEDIATE:
        return False
    footer_text, footer_html = unsubscribe_footer(user, topic)
    transaction.on_commit(
        lambda: send_member_mail(
            user,
            subject=subject,
            text=text + footer_text,
            html=html + footer_html if html else "",
            headers=headers(user, topic),
        )
    )
    return True


def send_member_mail(user, *, subject: str, text: str, html: str = "", headers: dict) -> None:
    """One mail to one member: the site's subject prefix, text and optional HTML, the unsubscribe headers."""
    message = EmailMultiAlternatives(
        subject=f"[Kennisplein Scheiding] {subject}", body=text, to=[user.email], headers=headers
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
