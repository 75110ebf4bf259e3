"""Outgoing e-mail goes through the task queue, so a slow or refusing mail server never breaks a request.

``QueuedEmailBackend`` (production's EMAIL_BACKEND) turns each message into its MIME bytes and enqueues
``community.tasks.send_email``; the worker sends it with the real backend (``KENNISPLEIN_EMAIL_BACKEND``,
SMTP from EMAIL_URL). A refused delivery leaves a failed task with the complete message in the database
(nothing is lost) and a log line naming the error, never the message body; ``manage.py retry_failed_mail``
enqueues those again.

Every message is cleaned first, in the backend (the one function all mail passes through: Django's
``send_mail``, ``EmailMessage.send``, allauth and Wagtail alike): ``clean_message`` strips control
characters from subject, bodies and headers, and turns line breaks in headers into spaces, so a casus or
session title with U+001B or a newline never breaks a header nor answers 500. Outside production
``CleanEmailBackend`` does the same in front of ``KENNISPLEIN_EMAIL_BACKEND`` (console, locmem).
"""

import base64
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailAlternative
from django.utils.functional import Promise

from .sanitize import strip_control_characters

logger = logging.getLogger("kennisplein.mail")
ADDRESS_FIELDS = ("to", "cc", "bcc", "reply_to")


def header_text(value):
    """A header value on one line without control characters (line breaks become spaces)."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    return strip_control_characters(" ".join(value.splitlines())).replace("\t", " ")


def clean_message(message) -> None:
    """Strip control characters from everything a message says, in place (attachments are left as they are)."""
    message.subject = header_text(message.subject)
    message.body = strip_control_characters(str(message.body) if isinstance(message.body, Promise) else message.body)
    message.from_email = header_text(message.from_email)
    for name in ADDRESS_FIELDS:
        setattr(message, name, [header_text(address) for address in getattr(message, name)])
    message.extra_headers = {header_text(key): header_text(value) for key, value in message.extra_headers.items()}
    alternatives = getattr(message, "alternatives", None)
    if alternatives:
        message.alternatives = [
            EmailAlternative(strip_control_characters(content), mimetype) for content, mimetype in alternatives
        ]


def serialise(message) -> dict:
    return {
        "from_email": message.from_email,
        "recipients": message.recipients(),
        "mime": base64.b64encode(message.message().as_bytes(linesep="\r\n")).decode("ascii"),
    }


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from community.tasks import send_email

        count = 0
        for message in email_messages:
            clean_message(message)
            if not message.recipients():
                continue
            try:
                send_email.enqueue(serialise(message))
            except Exception as error:
                logger.error("Could not queue an e-mail (%s).", type(error).__name__)
                if not self.fail_silently:
                    raise
                continue
            count += 1
        return count


class CleanEmailBackend(BaseEmailBackend):
    """Outside production: clean every message, then hand it to ``KENNISPLEIN_EMAIL_BACKEND``."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.inner = get_connection(settings.KENNISPLEIN_EMAIL_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, email_messages):
        messages = list(email_messages)
        for message in messages:
            clean_message(message)
        return self.inner.send_messages(messages)
