"""Outgoing e-mail goes through the task queue, so a slow or refusing mail server never breaks a request.

``QueuedEmailBackend`` (production's EMAIL_BACKEND) turns each message into its MIME bytes and enqueues
``community.tasks.send_email``; the worker sends it with the real backend (``KENNISPLEIN_EMAIL_BACKEND``,
SMTP from EMAIL_URL). A refused delivery leaves a failed task with the complete message in the database
(nothing is lost) and a log line naming the error, never the message body; ``manage.py retry_failed_mail``
enqueues those again.
"""

import base64
import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("kennisplein.mail")


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
