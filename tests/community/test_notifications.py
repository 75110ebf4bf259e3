import datetime
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from community.core.cards import Card
from community.core.hooks import DIGEST_SOURCES, DigestSource
from community.demo.factories import MemberFactory
from community.models import NotificationPreference, SentDigest
from community.notify import digest, unsubscribe
from community.notify.notifications import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    def page(title, slug, group=None):
        child = home_page.add_child(instance=Page(title=title, slug=slug))
        if group:
            restriction = PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([Group.objects.get(name=group)])
        return child

    return {
        "public": page("Terugblik: contactverlies na een complexe scheiding", "terugblik-openbaar"),
        "members": page("Terugblik: de werkwijze duurzaam samenwerken", "terugblik-leden", settings.MEMBERS_GROUP),
        "association": page("Trainingsverslag Vereniging", "training-vereniging", settings.ASSOCIATION_GROUP),
    }


@pytest.fixture
def leaky_source(pages):
    """A source that (wrongly) returns everything: the digest must still not leak."""

    def source(user, since):
        return [Card(type_label="Terugblik", title=p.title, url=p.url, summary="Samenvatting") for p in pages.values()]

    with hooks.register_temporarily(DIGEST_SOURCES, lambda: DigestSource("new_recaps", source)):
        yield source


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


SEES = {
    "lid": {"public", "members"},
    "vereniging": {"public", "members", "association"},
    "moderator": {"public", "members"},
    "beheerder": {"public", "members", "association"},
}


@pytest.mark.parametrize("role", list(SEES))
def test_digest_contains_only_what_the_member_may_see(role_users, pages, leaky_source, role):
    digest.send_weekly_digests()
    [message] = mails_to(role_users[role])
    html = message.alternatives[0][0]
    for key, page in pages.items():
        assert (page.title in message.body) == (key in SEES[role]), f"{key} in text for {role}"
        assert (page.title in html) == (key in SEES[role]), f"{key} in html for {role}"
    assert "Uw weekoverzicht" in message.subject and "Beste" in message.body
    assert "http://testserver/terugblik-openbaar/" in message.body
    assert "/meldingen/afmelden/" in message.body and "/meldingen/afmelden/" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_non_members_get_no_digest(role_users, pages, leaky_source):
    digest.send_weekly_digests()
    assert mails_to(role_users["account"]) == []


def test_digest_is_sent_once_per_week(role_users, pages, leaky_source):
    now = timezone.now()
    first = digest.send_weekly_digests(now=now)
    assert first == 5  # lid, vereniging, moderator, redacteur, beheerder
    assert digest.send_weekly_digests(now=now + datetime.timedelta(hours=1)) == 0
    call_command("send_weekly_digest")
    assert len(mail.outbox) == 5
    assert SentDigest.objects.filter(week=digest.week_key(now)).count() == 5
    assert digest.send_weekly_digests(now=now + datetime.timedelta(days=7)) == 5


def test_task_sends_the_digest(role_users, pages, leaky_source):
    from community.notify.tasks import send_weekly_digest

    result = send_weekly_digest.enqueue()
    assert result.return_value == 5


def test_topics_not_set_to_digest_stay_out(role_users, pages, leaky_source):
    NotificationPreference.objects.create(user=role_users["lid"], new_recaps=NotificationPreference.IMMEDIATE)
    NotificationPreference.objects.create(user=role_users["vereniging"], new_recaps=NotificationPreference.OFF)
    digest.send_weekly_digests()
    assert mails_to(role_users["lid"]) == [] and mails_to(role_users["vereniging"]) == []
    assert len(mails_to(role_users["moderator"])) == 1


def test_empty_digest_is_not_sent(role_users):
    assert digest.send_weekly_digests() == 0
    assert not SentDigest.objects.exists()


def test_source_receives_since_of_last_digest(role_users):
    seen = []
    source = DigestSource("new_casuses", lambda user, since: seen.append(since) or [])
    with hooks.register_temporarily(DIGEST_SOURCES, lambda: source):
        now = timezone.now()
        SentDigest.objects.create(user=role_users["lid"], week="2000-W01")
        digest.send_digest(role_users["lid"], now=now)
    assert now - seen[0] < datetime.timedelta(minutes=1)


# Unsubscribe links


def test_valid_token_asks_to_confirm_then_unsubscribes_without_login(role_users):
    user = role_users["lid"]
    token = unsubscribe.make_token(user, "new_recaps")
    client = Client()
    response = client.get(f"/meldingen/afmelden/{token}/")
    assert response.status_code == 200 and "Ja, afmelden" in response.content.decode()
    assert not NotificationPreference.objects.filter(user=user).exists()  # a GET changes nothing
    response = client.post(f"/meldingen/afmelden/{token}/")
    assert response.status_code == 200 and "U bent afgemeld" in response.content.decode()
    preference = NotificationPreference.objects.get(user=user)
    assert preference.new_recaps == "off" and preference.casus_reactions == "immediate"


def test_one_click_post_from_a_mail_program_needs_no_csrf_token(role_users):
    user = role_users["lid"]
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/meldingen/afmelden/{unsubscribe.make_token(user)}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    preference = NotificationPreference.objects.get(user=user)
    assert all(getattr(preference, topic) == "off" for topic in NotificationPreference.TOPICS)


def test_tampered_token_is_refused(role_users):
    user, other = role_users["lid"], role_users["vereniging"]
    token = unsubscribe.make_token(user)
    forged = unsubscribe.make_token(other)[:-3] + token[-3:]
    for bad in (forged, token[:-1] + ("A" if token[-1] != "A" else "B"), "niet-een-token", token.replace(":", ";", 1)):
        response = Client().post(f"/meldingen/afmelden/{bad}/")
        assert response.status_code == 400
        assert "ongeldig" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_token_with_other_salt_is_refused(role_users):
    from django.core import signing

    token = signing.dumps({"u": role_users["lid"].pk, "t": "all"}, compress=True)  # no unsubscribe salt
    assert Client().post(f"/meldingen/afmelden/{token}/").status_code == 400


def test_expired_token_is_refused(role_users):
    user = role_users["lid"]
    long_ago = time.time() - unsubscribe.MAX_AGE - 3600
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = unsubscribe.make_token(user)
    response = Client().post(f"/meldingen/afmelden/{token}/")
    assert response.status_code == 400 and "verlopen" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_token_of_deleted_user_is_refused(role_users):
    user = MemberFactory()
    token = unsubscribe.make_token(user)
    user.delete()
    assert Client().post(f"/meldingen/afmelden/{token}/").status_code == 400


def test_notify_mails_carry_the_unsubscribe_link(role_users, django_capture_on_commit_callbacks):
    user = role_users["lid"]
    with django_capture_on_commit_callbacks(execute=True):
        assert notify(
            user, "casus_reactions", subject="Nieuwe reactie", text="Er is een reactie.", html="<p>Reactie</p>"
        )
    [message] = mail.outbox
    assert "/meldingen/afmelden/" in message.body and "/meldingen/afmelden/" in message.alternatives[0][0]
    token = message.extra_headers["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe.read_token(token) == (user.pk, "casus_reactions")


# Settings page


def test_settings_page_saves_choices(client_for, role_users):
    client = client_for("account")
    assert client.get("/leden/instellingen/meldingen/").status_code == 200
    data = {
        "casus_reactions": "daily",
        "mentions": "off",
        "new_casuses": "off",
        "new_recaps": "immediate",
        "upcoming_sessions": "weekly",
    }
    assert client.post("/leden/instellingen/meldingen/", data).status_code == 302
    preference = NotificationPreference.objects.get(user=role_users["account"])
    assert (preference.casus_reactions, preference.mentions, preference.new_casuses, preference.new_recaps) == (
        "daily",
        "off",
        "off",
        "immediate",
    )


def test_settings_page_refuses_unknown_choice(client_for):
    response = client_for("lid").post("/leden/instellingen/meldingen/", {"casus_reactions": "altijd"})
    assert response.status_code == 200 and "Controleer" in response.content.decode()
