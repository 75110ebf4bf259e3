"""Reactions: anonymity-checked, perspectives, notifications, helpful, close with follow-up, reports, hiding."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from casuses.models import CasusPage, Reaction, ReactionReport
from community.models import NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(make_casus, role_users):
    return make_casus(role_users["lid"])


def test_member_reacts_with_perspective_and_author_is_notified(
    client_for, casus, role_users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("vereniging").post(
            f"/casussen/{casus.pk}/reageren/",
            {"body": "Ik zou eerst met beide ouders apart praten.", "perspective": "mediation"},
        )
    assert response.status_code == 302
    reaction = Reaction.objects.get()
    assert reaction.perspective == "mediation" and reaction.author == role_users["vereniging"]
    assert CasusPage.objects.get(pk=casus.pk).reaction_count == 1
    assert any(role_users["lid"].email in m.to and "Nieuwe reactie" in m.subject for m in mail.outbox)
    page = client_for("lid").get(casus.url).content.decode()
    assert "Ik zou eerst met beide ouders apart praten." in page and "mediation" in page


def test_author_setting_off_means_no_mail(client_for, casus, role_users, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=role_users["lid"], casus_reactions="off")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("vereniging").post(f"/casussen/{casus.pk}/reageren/", {"body": "Goed punt om te bespreken."})
    assert Reaction.objects.exists()
    assert not [m for m in mail.outbox if role_users["lid"].email in m.to]


def test_reaction_with_personal_data_is_refused_and_highlighted(client_for, casus):
    response = client_for("vereniging").post(
        f"/casussen/{casus.pk}/reageren/", {"body": "Ik ken vader Johan Verbeek, bel hem op 06-12345678."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "finding--block" in html and "Vervang door [VADER]" in html
    assert "bel hem op 06-12345678" in html  # what was typed is kept
    assert not Reaction.objects.exists()
    assert "no-store" in response["Cache-Control"]


def test_reaction_replacement_without_js(client_for, casus):
    response = client_for("vereniging").post(
        f"/casussen/{casus.pk}/reageren/", {"body": "Bel 06-12345678 eens.", "replace": "[TELEFOONNUMMER]|06-12345678"}
    )
    assert response.status_code == 200
    assert "Bel [TELEFOONNUMMER] eens." in response.content.decode()
    assert not Reaction.objects.exists()


def test_only_the_author_marks_helpful(client_for, casus, role_users):
    reaction = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Advies")
    assert client_for("vereniging").post(f"/casussen/reacties/{reaction.pk}/nuttig/").status_code == 403
    assert client_for("lid").post(f"/casussen/reacties/{reaction.pk}/nuttig/").status_code == 302
    assert Reaction.objects.get(pk=reaction.pk).helpful


def test_author_closes_with_follow_up(client_for, casus, role_users):
    assert client_for("vereniging").post(f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "x"}).status_code == 403
    refused = client_for("lid").post(
        f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Ik sprak Fatima de Boer op 06-12345678."}
    )
    assert refused.status_code == 400
    response = client_for("lid").post(
        f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Ik heb een extra oudergesprek gevoerd; het werkte."}
    )
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.status == "closed" and "extra oudergesprek" in casus.follow_up
    page = client_for("vereniging").get(casus.url).content.decode()
    assert "extra oudergesprek" in page
    assert client_for("vereniging").post(f"/casussen/{casus.pk}/reageren/", {"body": "Nog iets"}).status_code == 302
    assert not Reaction.objects.exists()


def test_report_and_moderator_hides_with_reason(client_for, casus, role_users):
    reaction = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Een reactie die niet deugt")
    client_for("lid").post(f"/casussen/reacties/{reaction.pk}/melden/", {"reason": "Kwetsend"})
    assert ReactionReport.objects.filter(reaction=reaction, reason="Kwetsend").exists()
    assert "Kwetsend" in client_for("moderator").get("/casussen/moderatie/").content.decode()
    assert client_for("lid").post(f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "x"}).status_code == 403
    client_for("moderator").post(f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "Niet respectvol"})
    reaction.refresh_from_db()
    assert (
        reaction.hidden
        and reaction.hidden_reason == "Niet respectvol"
        and reaction.hidden_by == role_users["moderator"]
    )
    entry = ModelLogEntry.objects.get(action="casuses.reaction_hide")
    assert entry.data["reason"] == "Niet respectvol" and entry.user == role_users["moderator"]
    assert "Een reactie die niet deugt" not in client_for("lid").get(casus.url).content.decode()
    assert "Niet respectvol" in client_for("moderator").get(casus.url).content.decode()


def test_reactions_are_rate_limited(client_for, casus):
    client = client_for("vereniging")
    statuses = [client.post(f"/casussen/{casus.pk}/reageren/", {"body": f"Reactie {n}"}).status_code for n in range(31)]
    assert statuses[-1] == 429 and statuses[0] == 302
