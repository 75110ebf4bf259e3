import re

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from community.demo.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_up_requires_e_mail_verification(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nieuw@example.org",
            "first_name": "Noor",
            "last_name": "Peters",
            "password1": "Scheiding-zonder-schade-1",
            "password2": "Scheiding-zonder-schade-1",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nieuw@example.org")
    assert (user.first_name, user.last_name) == ("Noor", "Peters")
    assert not user.groups.exists()
    assert len(mail.outbox) == 1 and "confirm-email" in mail.outbox[0].body
    # Unverified: logging in is refused until the address is confirmed.
    client.logout()
    response = client.post("/accounts/login/", {"login": "nieuw@example.org", "password": "Scheiding-zonder-schade-1"})
    assert "/accounts/confirm-email/" in response["Location"]


def test_refused_sign_up_keeps_the_typed_values(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "first_name": "Noor", "last_name": "", "password1": "kort", "password2": "kort"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="nieuw@example.org"' in body and 'value="Noor"' in body
    assert not get_user_model().objects.filter(email="nieuw@example.org").exists()


def test_log_in_and_out_with_e_mail(client):
    user = UserFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == user
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_failed_log_ins_are_rate_limited(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": user.email, "password": "fout-wachtwoord"})
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not client.get("/").context["user"].is_authenticated


def test_password_reset_mails_a_link(client):
    user = UserFactory()
    response = client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert re.search(r"/accounts/password/reset/key/\S+", mail.outbox[0].body)


def test_change_e_mail_page_is_available(client):
    client.force_login(UserFactory())
    assert client.get("/accounts/email/").status_code == 200


def test_staff_without_authenticator_are_sent_to_set_one_up(client):
    editor = UserFactory(groups=["Editors", settings.MEMBERS_GROUP])
    client.post("/accounts/login/", {"login": editor.email, "password": DEFAULT_PASSWORD})
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get(response["Location"]).status_code == 200  # the log-in just now was the password check


def test_staff_with_authenticator_open_the_admin(client):
    from community.demo.factories import give_totp

    editor = UserFactory(groups=["Editors"])
    give_totp(editor)
    client.force_login(editor)
    assert client.get("/cms/").status_code == 200
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()


def test_mfa_is_asked_at_log_in_once_enabled(client):
    from community.demo.factories import give_totp

    user = UserFactory()
    give_totp(user)
    response = client.post("/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not client.get("/").context["user"].is_authenticated


def test_members_can_enable_mfa_voluntarily(client):
    user = UserFactory()
    client.post("/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": DEFAULT_PASSWORD})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert "svg" in response.content.decode().lower()  # the QR code


def test_the_wagtail_login_goes_through_allauth(client):
    response = client.get("/cms/login/?next=/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sessions_end_after_thirty_idle_minutes(client):
    client.force_login(UserFactory())
    response = client.get("/")
    # Written at most once a minute (tests/speed/test_sessions.py), so stored for 30 + 1 minutes.
    assert response.cookies["sessionid"]["max-age"] == ""
    assert client.session.get_expiry_age() == 31 * 60


def test_cms_after_log_in_goes_straight_to_authenticator_setup_without_asking_password_again(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.post("/accounts/login/", {"login": admin.email, "password": DEFAULT_PASSWORD})
    response = client.get("/cms/", follow=True)
    assert [url for url, _status in response.redirect_chain] == ["/accounts/2fa/totp/activate/"]
    assert "reauthenticate" not in response.request["PATH_INFO"]


def test_reauthentication_is_asked_again_once_the_log_in_is_no_longer_fresh(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.post("/accounts/login/", {"login": admin.email, "password": DEFAULT_PASSWORD})
    session = client.session
    for record in session["account_authentication_methods"]:
        record["at"] -= 3600
    session.save()
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")
