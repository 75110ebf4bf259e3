"""One voice: every account page speaks Dutch and says "u"; the English switch translates it all."""

import re

import pytest
from django.core import mail
from django.test import Client

from community.demo.factories import UserFactory

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/ongeldige-sleutel/",
    "/accounts/password/reset/key/1-ongeldig/",
]
ACCOUNT_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.I)
ENGLISH = re.compile(
    r"\b(the|your|you|please|password|sign|email|account settings|confirm|remember|forgot|"
    r"verification|characters|common|numeric|too short)\b",
    re.I,
)


def visible_main_text(response) -> str:
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def assert_dutch_and_formal(text: str, url: str):
    assert not INFORMAL.findall(text), (url, INFORMAL.findall(text), text)
    assert not ENGLISH.findall(text), (url, ENGLISH.findall(text), text)


@pytest.fixture
def account_client():
    user = UserFactory(username="stem", email="stem@example.org")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_account_pages_say_u_in_dutch(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert_dutch_and_formal(visible_main_text(response), url)


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_signed_in_account_pages_say_u_in_dutch(account_client, url):
    response = account_client.get(url, follow=True)
    assert response.status_code == 200
    assert_dutch_and_formal(visible_main_text(response), url)


def test_log_in_page_and_header_use_the_same_word(client):
    text = visible_main_text(client.get("/accounts/login/"))
    assert "Inloggen" in text and "Aanmelden" not in text


def test_signup_password_errors_are_dutch_and_shown_once(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nieuw@example.org",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "password1": "abc",
            "password2": "abc",
        },
    )
    text = visible_main_text(response)
    assert_dutch_and_formal(text, "signup errors")
    assert text.count("Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten.") == 1
    assert "Controleer de gemarkeerde velden" in text
    assert 'value="nieuw@example.org"' in response.content.decode()  # nothing the user typed is lost


def test_signup_mail_is_dutch_and_formal(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "post@example.org",
            "first_name": "Piet",
            "last_name": "Post",
            "password1": "Lang-genoeg-wachtwoord-9",
            "password2": "Lang-genoeg-wachtwoord-9",
        },
    )
    message = mail.outbox[-1]
    assert_dutch_and_formal(message.subject, "subject")
    body_without_links = re.sub(r"https?://\S+", "", message.body)
    assert not INFORMAL.findall(body_without_links), body_without_links
    assert "U ontvangt deze e-mail" in message.body


def test_resending_confirmation_says_bevestigingsmail(account_client):
    response = account_client.post("/accounts/email/", {"action_send": "", "email": "stem@example.org"}, follow=True)
    text = visible_main_text(response)
    assert "Bevestigings e-mail" not in text
    assert "Bevestigingsmail verstuurd naar stem@example.org" in text


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_english_switch_translates_account_pages(client, url):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = visible_main_text(client.get(url))
    assert not re.search(r"\b(u|uw|wachtwoord|inloggen|aanmelden|heeft)\b", text, re.I), text


def test_english_log_in_page_matches_header(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = visible_main_text(client.get("/accounts/login/"))
    assert "Log in" in text and "Sign In" not in text
