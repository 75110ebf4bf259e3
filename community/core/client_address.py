"""The visitor's address, as seen by the outermost proxy we trust.

Behind a reverse proxy every request comes from the proxy's address (REMOTE_ADDR). Each trusted
proxy appends the address it received the request from to ``X-Forwarded-For``; with
``TRUSTED_PROXY_COUNT`` proxies in front, the client is the entry that many places from the right.
Entries further left were written by the client itself and can be forged, so they are never used.
Rate limits (community.core.ratelimit), allauth's log-in limits (community.accounts.adapter.AccountAdapter) and the
audit log all read the address here; ``ALLAUTH_TRUSTED_PROXY_COUNT`` is set from the same setting.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < trusted:
        # Reached us without passing all proxies (e.g. a health check on loopback): its own address.
        return remote
    return _valid(forwarded[-trusted]) or remote
