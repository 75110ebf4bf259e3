"""Logging helpers: nothing a user typed (request bodies, casus text) ends up in the logs."""

import logging


class RedactFilter(logging.Filter):
    """Drop the request object Django attaches to request errors, so no handler can print its body,
    and cut query strings (search terms) from paths in the message arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request", None) is not None:
            record.request = None
        if isinstance(record.args, tuple):
            record.args = tuple(
                arg.split("?", 1)[0] if isinstance(arg, str) and arg.startswith("/") else arg for arg in record.args
            )
        return True
