"""Real-browser tests: Debian's Chromium driven by Playwright, axe-core from node_modules."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The axe fixture injects axe-core as an inline script, which the site's strict CSP would block.
    # tests/e2e/test_csp_in_browser.py opens its own contexts with the CSP enforced.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def axe(page):
    """Run axe-core on the current page; return serious and critical violations (WCAG 2.x A/AA)."""

    def run(context_selector: str | None = None) -> list[dict]:
        page.add_script_tag(path=str(AXE_SCRIPT))
        results = page.evaluate(
            """async (selector) => await axe.run(selector || document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
            })""",
            context_selector,
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run


@pytest.fixture
def login(page, live_server):
    """Sign in through the real log-in form."""

    def _login(email: str, password: str):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Wachtwoord:", exact=True).fill(password)
        page.locator("main").get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    return _login


@pytest.fixture(autouse=True)
def _serialized_contents_in_this_context(migrated_data):
    """Let serialized_rollback work under Playwright.

    Playwright's greenlets give browser tests another connection object than the one the test
    database was set up on, so Django's serialized rows must be attached to it as well.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    from search import store

    connections["default"]._test_serialized_contents = migrated_data
    # The flush after a transactional test with serialized_rollback skips post_migrate, so the search
    # index's full-text rows (no Django model) outlive their documents: remove them as migrate would.
    store.drop_orphans()
    # Restoring the rows builds Wagtail pages before their content types are back; Page.__init__ then
    # asks ContentType.get_for_model, which would insert a duplicate row unless the type is cached.
    ContentType.objects.get_for_models(*apps.get_models())


def totp_code(user) -> str:
    """The current code of the user's authenticator app (set up with community.demo.factories.give_totp)."""
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_adapter().decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture
def login_form(page):
    """Fill in the log-in form the page shows now (after following a link), with the TOTP step for staff."""

    def _login(user, password: str):
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Wachtwoord:", exact=True).fill(password)
        page.locator("main").get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        code = page.locator("input[name=code]")
        if code.count():
            code.fill(totp_code(user))
            page.locator("main").get_by_role("button").first.click()
            page.wait_for_load_state()

    return _login


def mailed_link(message, pattern: str = r"https?://\S+") -> str:
    import re

    return re.search(pattern, message.body).group(0)
