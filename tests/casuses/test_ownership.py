"""Issue 13.4: every id-addressed casus object belongs to someone; another member cannot act on it.

The draft token is in test_day_one.py (test_someone_elses_draft_token_does_not_take_the_draft_over); here:
the casus itself (edit, check, close, withdraw), its reactions (helpful, hide) and the reports on them.
Each test checks the object afterwards, not only the status code."""

import uuid

import pytest
from django.test import Client

from casuses.models import CasusDraft, CasusPage, Reaction, ReactionReport
from community.demo.factories import MemberFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def casus(make_casus, role_users):
    return make_casus(role_users["lid"], title="Eigen casus van het lid")


@pytest.fixture
def other(client_for):
    return client_for("vereniging")  # a member, not the author, no moderator


def test_another_member_cannot_edit_or_check_against_someone_elses_casus(casus, other):
    data = {
        "title": "Overgenomen",
        "situation": "Andere tekst over de overdracht.",
        "question": "Wat nu?",
        "action": "submit",
    }
    assert other.post(f"/casussen/{casus.pk}/bewerken/", data).status_code == 404
    # The as-you-type check saves a draft only with a token; for someone else's casus it refuses.
    token = str(uuid.uuid4())
    assert (
        other.post("/casussen/controle/", {**data, "form": "casus", "casus": casus.pk, "token": token}).status_code
        == 404
    )
    assert not CasusDraft.objects.filter(casus=casus).exists()
    casus.refresh_from_db()
    assert casus.title == "Eigen casus van het lid" and casus.get_latest_revision().content["title"] == casus.title


def test_another_member_cannot_close_or_withdraw_someone_elses_casus(casus, other):
    assert other.post(f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Opgelost."}).status_code == 403
    assert other.post(f"/casussen/{casus.pk}/intrekken/").status_code == 404
    casus.refresh_from_db()
    assert casus.live and casus.status == CasusPage.Status.OPEN and casus.follow_up == ""


def test_only_the_casus_author_marks_a_reaction_helpful_and_only_moderators_hide_it(casus, other, role_users):
    reaction = Reaction.objects.create(casus=casus, author=role_users["redacteur"], body="Een reactie")
    assert other.post(f"/casussen/reacties/{reaction.pk}/nuttig/").status_code == 403
    assert other.post(f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "Weg ermee"}).status_code == 403
    reaction.refresh_from_db()
    assert not reaction.helpful and not reaction.hidden
    # Even the reaction's own author may not mark it helpful on someone else's casus.
    assert signed_in(role_users["redacteur"]).post(f"/casussen/reacties/{reaction.pk}/nuttig/").status_code == 403
    assert not Reaction.objects.get(pk=reaction.pk).helpful


def test_a_report_belongs_to_its_reporter(casus, other, role_users):
    reaction = Reaction.objects.create(casus=casus, author=role_users["redacteur"], body="Een reactie")
    first = ReactionReport.objects.create(reaction=reaction, reporter=role_users["lid"], reason="Te persoonlijk")
    other.post(f"/casussen/reacties/{reaction.pk}/melden/", {"reason": "Iets anders", "reporter": role_users["lid"].pk})
    first.refresh_from_db()
    assert first.reason == "Te persoonlijk" and first.reporter == role_users["lid"] and not first.resolved
    theirs = ReactionReport.objects.exclude(pk=first.pk).get()
    assert theirs.reporter == role_users["vereniging"] and theirs.reason == "Iets anders"
    # Neither the reporter nor another member resolves a report: only moderators do.
    for client in (other, signed_in(role_users["lid"])):
        assert client.post(f"/casussen/meldingen/{first.pk}/afhandelen/").status_code == 403
    assert not ReactionReport.objects.get(pk=first.pk).resolved


def test_a_member_leaving_does_not_hand_their_casus_to_another(casus, role_users):
    newcomer = MemberFactory(username="nieuw-lid")
    assert signed_in(newcomer).post(f"/casussen/{casus.pk}/intrekken/").status_code == 404
    assert CasusPage.objects.get(pk=casus.pk).author == role_users["lid"]
