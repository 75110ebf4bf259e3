"""The mail task of the core (run by the worker: `manage.py db_worker`).

It stays at this path: queued and failed mail is stored with ``community.tasks.send_email`` (see
``manage.py retry_failed_mail``). The digest task is in community/notify/tasks.py.
"""

import base64
import logging
import re
from email import message_from_bytes
from email.header import decode_header, make_header

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task

logger = logging.getLogger("kennisplein.mail")
FOLD = re.compile(r"\r?\n(?=[ \t])")


@task(queue_name="default")
def send_email(payload: dict) -> int:
    """Send one serialised message (community.core.mail.serialise) with the real e-mail backend."""
    backend = getattr(settings, "KENNISPLEIN_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    connection = get_connection(backend)
    raw = base64.b64decode(payload["mime"])
    try:
        if hasattr(connection, "open") and backend.endswith("smtp.EmailBackend"):
            connection.open()
            try:
                connection.connection.sendmail(payload["from_email"], payload["recipients"], raw)
            finally:
                connection.close()
        else:
            _rebuild(raw, payload, connection).send()
    except Exception as error:
        # The whole message stays in the task's arguments; the log names the error, never the content.
        logger.error(
            "E-mail to %d recipient(s) could not be sent: %s. It stays queued as a failed task; "
            "`manage.py retry_failed_mail` sends it again.",
            len(payload["recipients"]),
            type(error).__name__,
        )
        raise
    return len(payload["recipients"])


def _unfolded(header: str) -> str:
    """A long header is folded over lines in the MIME text (RFC 5322 2.2.3); a message object wants one."""
    return FOLD.sub("", header)


def _rebuild(raw: bytes, payload: dict, connection) -> EmailMultiAlternatives:
    """A message object again, for backends that need one (console, locmem in development and tests)."""
    parsed = message_from_bytes(raw)
    message = EmailMultiAlternatives(
        subject=_unfolded(str(make_header(decode_header(parsed.get("Subject", ""))))),
        from_email=payload["from_email"],
        to=payload["recipients"],
        connection=connection,
    )
    for part in parsed.walk():
        if part.is_multipart():
            continue
        content = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        if part.get_content_type() == "text/plain" and not message.body:
            message.body = content
        elif part.get_content_type() == "text/html":
            message.attach_alternative(content, "text/html")
    return message
