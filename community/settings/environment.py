"""Reading production configuration from environment variables, with clear errors.

Every helper names the variable in its error, so a deployment that forgot or mistyped one stops at
start-up with a message saying which one and why, instead of failing later on a request.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def _fail(name: str, problem: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"Environment variable {name} {problem}")


def optional(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def required(name: str) -> str:
    value = optional(name)
    if not value:
        raise _fail(name, "is required in production but is not set.")
    return value


def csv_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def boolean(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise _fail(name, f"must be true or false (1/0, yes/no, on/off), not {raw!r}.")


def integer(name: str, default: int, minimum: int = 0) -> int:
    raw = optional(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _fail(name, f"must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise _fail(name, f"must be at least {minimum}, not {value}.")
    return value


def url(name: str, schemes: set[str], *, value: str | None = None) -> str:
    """A URL with one of the given schemes and a host (or, for unix sockets, a path)."""
    raw = value if value is not None else optional(name)
    parts = urlsplit(raw)
    if parts.scheme not in schemes:
        raise _fail(
            name, f"must start with one of {', '.join(sorted(s + '://' for s in schemes))} (got {_safe(raw)!r})."
        )
    if parts.scheme != "unix" and not parts.hostname:
        raise _fail(name, f"has no host name (got {_safe(raw)!r}).")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise _fail(name, f"has an invalid port (got {_safe(raw)!r}).") from None
    return raw


def _safe(raw: str) -> str:
    """A URL for an error message, without its password."""
    parts = urlsplit(raw)
    if parts.password:
        return raw.replace(f":{parts.password}@", ":***@")
    return raw


def origins(name: str) -> list[str]:
    values = csv_list(name)
    for value in values:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path not in {"", "/"}:
            raise _fail(name, f"must list origins like https://kennisplein.example, not {value!r}.")
    return values


def email_settings(name: str = "EMAIL_URL") -> dict:
    """Django e-mail settings from a URL.

    ``smtp://user:password@host:587?tls=true`` (STARTTLS), ``smtps://user:password@host:465`` (TLS from
    the start; also ``smtp://...?ssl=true``), ``console://`` (print) or ``dummy://`` (drop). User and
    password may be percent-encoded. ``timeout`` (seconds, default 10) bounds every connection attempt.
    """
    raw = required(name)
    parts = urlsplit(raw)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "dummy":
        return {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    url(name, {"smtp", "smtps"}, value=raw)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = set(query) - {"tls", "ssl", "timeout"}
    if unknown:
        raise _fail(name, f"has unknown options: {', '.join(sorted(unknown))} (use tls, ssl, timeout).")

    def flag(option: str) -> bool:
        value = query.get(option, "false").lower()
        if value not in TRUE | FALSE:
            raise _fail(name, f"option {option} must be true or false, not {value!r}.")
        return value in TRUE

    use_ssl = parts.scheme == "smtps" or flag("ssl")
    use_tls = flag("tls")
    if use_ssl and use_tls:
        raise _fail(name, "cannot use both tls (STARTTLS) and ssl; choose one.")
    try:
        timeout = float(query.get("timeout", "10"))
    except ValueError:
        raise _fail(name, f"option timeout must be a number of seconds, not {query['timeout']!r}.") from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": timeout,
    }
