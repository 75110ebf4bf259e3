"""Behind a reverse proxy every request comes from the proxy: the client address must come from
X-Forwarded-For (as many entries from the right as there are trusted proxies), for allauth's log-in
limits, the site's rate limits and the audit log alike."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory, override_settings

from community.core import audit, ratelimit
from community.core.client_address import client_ip
from community.demo.factories import UserFactory
from community.models import AuditEvent

pytestmark = pytest.mark.django_db
PROXY = "127.0.0.1"
BEHIND_ONE_PROXY = override_settings(TRUSTED_PROXY_COUNT=1)  # allauth follows through the adapter
PASSWORD = "een-lang-testwachtwoord-42"


def through_proxy(client_address: str) -> Client:
    """A browser at client_address whose requests nginx forwards (it appends $remote_addr)."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@BEHIND_ONE_PROXY
def test_five_failed_log_ins_from_one_address_do_not_lock_out_another():
    victim = UserFactory(password=PASSWORD)
    attacker = through_proxy("203.0.113.9")
    for attempt in range(5):  # five different accounts: the per-address limit, not the per-account one
        attacker.post("/accounts/login/", {"login": f"gok{attempt}@example.org", "password": "fout"})
    refused = attacker.post("/accounts/login/", {"login": "gok9@example.org", "password": "fout"})
    assert "Te veel inlogpogingen" in refused.content.decode()

    colleague = through_proxy("198.51.100.20")
    answer = colleague.post("/accounts/login/", {"login": victim.email, "password": PASSWORD})
    assert "Te veel inlogpogingen" not in answer.content.decode()
    assert answer.status_code == 302 and colleague.session.get("_auth_user_id") == str(victim.pk)


@BEHIND_ONE_PROXY
def test_rate_limits_and_the_audit_log_use_the_forwarded_address():
    request = request_from(PROXY, "198.51.100.7")
    request.user = AnonymousUser()
    assert ratelimit.client_key(request) == "ip:198.51.100.7"

    through_proxy("198.51.100.8").post("/accounts/login/", {"login": "niemand@example.org", "password": "x"})
    assert AuditEvent.objects.get(event=audit.LOGIN_FAILED).ip_address == "198.51.100.8"


@BEHIND_ONE_PROXY
def test_addresses_the_client_wrote_itself_are_not_believed():
    # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the real address.
    assert client_ip(request_from(PROXY, "1.2.3.4, 192.0.2.44")) == "192.0.2.44"
    assert client_ip(request_from(PROXY, "not-an-address")) == PROXY
    assert client_ip(request_from("192.0.2.1")) == "192.0.2.1"  # reached gunicorn directly


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_trusted_proxies():
    assert client_ip(request_from(PROXY, "1.2.3.4, 192.0.2.44, 10.0.0.2")) == "192.0.2.44"


def test_without_a_trusted_proxy_the_header_is_ignored():
    assert client_ip(request_from("192.0.2.5", "1.2.3.4")) == "192.0.2.5"
