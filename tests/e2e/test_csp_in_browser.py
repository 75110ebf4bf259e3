"""The Content-Security-Policy in a real browser: the site and the Wagtail admin work without violations."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests.conftest import make_role_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def page(browser):
    """A page with the Content-Security-Policy enforced (the shared context args bypass it for axe)."""
    context = browser.new_context(bypass_csp=False)
    yield context.new_page()
    context.close()


def sign_in_as(page, live_server, user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": live_server.url}]
    )


def collect_csp_violations(page) -> list[str]:
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return violations


def test_site_pages_have_no_csp_violations(page, live_server):
    violations = collect_csp_violations(page)
    for path in ["/", "/accounts/login/", "/accounts/signup/"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert violations == []


def test_wagtail_admin_works_under_its_policy(page, live_server):
    beheerder = make_role_user("beheerder")
    sign_in_as(page, live_server, beheerder)
    violations = collect_csp_violations(page)
    page.goto(live_server.url + "/cms/")
    page.wait_for_load_state("networkidle")
    # Wagtail's sidebar is rendered by its JavaScript: it appears only when the policy lets scripts run.
    page.get_by_role("navigation", name="Main menu").or_(
        page.get_by_role("navigation", name="Hoofdmenu")
    ).first.wait_for(timeout=10000)
    page.goto(live_server.url + "/cms/pages/2/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("form#page-edit-form").is_visible()
    page.goto(live_server.url + "/cms/auditlog/")
    page.wait_for_load_state("networkidle")
    # An editor sees the site's pages with the Wagtail user bar, under the strict policy.
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert violations == []
