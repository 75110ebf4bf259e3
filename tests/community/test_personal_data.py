import json

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks

from community.core import personal_data
from community.core.hooks import PERSONAL_DATA, PersonalDataSource
from community.demo.factories import DEFAULT_PASSWORD
from community.models import MemberProfile, MembershipApplication, NotificationPreference, Region, SentDigest

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_casuses():
    """Stands in for the casus app: it holds content by the user that must be anonymised, not deleted."""
    store = {"casussen": []}

    def export(user):
        return [c for c in store["casussen"] if c["author"] == user.pk]

    def erase(user):
        for casus in store["casussen"]:
            if casus["author"] == user.pk:
                casus["author"] = None
                casus["author_name"] = personal_data.FORMER_MEMBER

    with hooks.register_temporarily(PERSONAL_DATA, lambda: PersonalDataSource("casussen", export=export, erase=erase)):
        yield store


@pytest.fixture
def member(role_users):
    user = role_users["lid"]
    profile = MemberProfile.objects.create(
        user=user, profession="Jeugdhulpverlener", region=Region.objects.get(slug="arnhem"), bio="Ik werk in Arnhem."
    )
    profile.expertise.set(["kindgesprek"])
    MembershipApplication.objects.create(
        user=user,
        profession="Jeugdhulpverlener",
        organisation="Lindenhout",
        motivation="Ik wil kennis delen met collega's.",
        status="approved",
    )
    NotificationPreference.objects.create(user=user, new_recaps="off")
    SentDigest.objects.create(user=user, week="2026-W40", item_count=3)
    return user


def test_download_contains_everything(client_for, member, fake_casuses):
    fake_casuses["casussen"].append({"author": member.pk, "title": "Vader ziet zoon niet meer", "author_name": "Sanne"})
    response = client_for("lid").get("/leden/instellingen/gegevens/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert {source.name for source in personal_data.sources()} <= set(
        data
    )  # every registered source is in the download
    core = data["kennisplein"]
    assert core["account"]["email"] == member.email
    assert core["profile"]["region"] == "Arnhem" and core["profile"]["expertise"] == ["kindgesprek"]
    assert core["profile"]["visibility"]["bio"] == "members"
    assert core["membership_application"]["organisation"] == "Lindenhout"
    assert core["notification_preferences"]["new_recaps"] == "off"
    assert core["sent_digests"][0]["week"] == "2026-W40"
    assert data["casussen"][0]["title"] == "Vader ziet zoon niet meer"


def test_download_needs_login(client):
    assert client.get("/leden/instellingen/gegevens/download/").status_code == 302


def test_my_data_page_offers_download_and_deletion(client_for):
    html = client_for("account").get("/leden/instellingen/gegevens/").content.decode()
    assert "/leden/instellingen/gegevens/download/" in html and "/leden/instellingen/account-verwijderen/" in html


def test_deletion_needs_the_right_password(client_for, member):
    client = client_for("lid")
    response = client.post("/leden/instellingen/account-verwijderen/", {"password": "fout-wachtwoord", "confirm": "on"})
    assert response.status_code == 200 and "Dit wachtwoord klopt niet." in response.content.decode()
    assert get_user_model().objects.filter(pk=member.pk).exists()
    response = client.post("/leden/instellingen/account-verwijderen/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_deletion_erases_account_and_anonymises_content(client_for, member, fake_casuses):
    fake_casuses["casussen"].append({"author": member.pk, "title": "Casus", "author_name": "Sanne"})
    client = client_for("lid")
    response = client.post("/leden/instellingen/account-verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not MemberProfile.objects.filter(user_id=member.pk).exists()
    assert not MembershipApplication.objects.filter(user_id=member.pk).exists()
    assert not NotificationPreference.objects.filter(user_id=member.pk).exists()
    assert fake_casuses["casussen"] == [{"author": None, "title": "Casus", "author_name": "een voormalig lid"}]
    assert client.get("/leden/instellingen/gegevens/").status_code == 302  # logged out


def test_deletion_is_all_or_nothing(client_for, member):
    def broken(user):
        raise RuntimeError("kan niet anonimiseren")

    with hooks.register_temporarily(
        PERSONAL_DATA, lambda: PersonalDataSource("kapot", export=lambda user: None, erase=broken)
    ):
        with pytest.raises(RuntimeError):
            client_for("lid").post(
                "/leden/instellingen/account-verwijderen/", {"password": DEFAULT_PASSWORD, "confirm": "on"}
            )
    assert get_user_model().objects.filter(pk=member.pk).exists()
    assert MemberProfile.objects.filter(user=member).exists()
