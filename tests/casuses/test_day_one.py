"""Issue 12 points 4, 7, 8 and issue 13 points 2-4 for casussen: replacements reach the server's
draft, the close form's warnings, bounded work, MFA for moderation, ownership, report handling."""

import time
import uuid

import pytest
from django.conf import settings
from django.test import Client

from casuses.models import CasusDraft, CasusPage, Reaction, ReactionReport
from community.demo.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW = "/casussen/nieuw/"
CHECK = "/casussen/controle/"
PERSONAL = "Moeder Fatima de Boer belde. Het BSN van het kind is 111222333, bel haar op 06-12345678."


def form_data(**overrides):
    data = {
        "title": "Overdracht loopt uit op ruzie",
        "situation": "[MOEDER] belde over [KIND 1]. De overdrachten lopen uit op ruzie.",
        "question": "Hoe zouden jullie dit oppakken?",
        "age_band": "4-8",
        "phase": "",
        "tags": "overdracht",
    }
    data.update(overrides)
    return data


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- 12.7: replacements change what the server stores ----------------------------------------------


def test_server_side_replacement_is_saved_in_the_draft(client_for, casus_index):
    client = client_for("lid")
    token = str(uuid.uuid4())
    client.post(NEW, form_data(situation=PERSONAL, token=token))
    client.post(NEW, form_data(situation=PERSONAL, token=token, replace="[BSN]|111222333"))
    assert "111222333" not in CasusDraft.objects.get().data["situation"]
    page = client.get(NEW).content.decode()
    assert "111222333" not in page and "[BSN]" in page


def test_replace_all_replaces_every_finding_in_draft_and_page(client_for, casus_index):
    client = client_for("lid")
    response = client.post(NEW, form_data(situation=PERSONAL, replace_all="1"), follow=True)
    stored = CasusDraft.objects.get().data["situation"]
    for raw in ("Fatima", "111222333", "06-12345678"):
        assert raw not in stored
        assert raw not in response.content.decode()
    assert "[BSN]" in stored and "[TELEFOONNUMMER]" in stored


def test_check_as_you_type_saves_the_draft_so_replaced_text_is_gone(client_for, casus_index):
    client = client_for("lid")
    token = str(uuid.uuid4())
    client.post(CHECK, form_data(situation=PERSONAL, token=token, form="casus"))
    client.post(CHECK, form_data(situation=PERSONAL.replace("111222333", "[BSN]"), token=token, form="casus"))
    assert "111222333" not in CasusDraft.objects.get().data["situation"]
    assert "111222333" not in client.get(NEW).content.decode()


def test_checking_redirects_so_a_reload_never_posts_old_text(client_for, casus_index):
    response = client_for("lid").post(NEW, form_data(situation=PERSONAL, replace="[BSN]|111222333"))
    assert response.status_code == 302 and response["Location"] == NEW


def test_findings_are_rendered_beside_their_field(client_for, casus_index):
    html = client_for("lid").post(NEW, form_data(situation=PERSONAL), follow=True).content.decode()
    field = html.index('id="id_situation"')
    findings = html.index('data-findings-for="situation"')
    next_field = html.index('id="id_question"')
    assert field < findings < next_field
    assert "Alles vervangen door rollen" in html


# --- 12.8: closing with warnings, nothing lost ----------------------------------------------------------


@pytest.fixture
def own_casus(make_casus, role_users):
    return make_casus(author=role_users["lid"])


def test_close_with_only_warnings_asks_confirmation_instead_of_500(client_for, own_casus):
    client = client_for("lid")
    follow_up = "De zoon van 8 jaar oud woont nu om de week bij elk van de ouders."
    response = client.post(f"/casussen/{own_casus.pk}/afsluiten/", {"follow_up": follow_up})
    assert response.status_code == 400
    assert "bevestig" in response.content.decode()
    assert follow_up in response.content.decode()
    response = client.post(f"/casussen/{own_casus.pk}/afsluiten/", {"follow_up": follow_up, "confirm_warnings": "on"})
    assert response.status_code == 302
    assert CasusPage.objects.get(pk=own_casus.pk).status == CasusPage.Status.CLOSED


def test_refused_reaction_keeps_text(client_for, own_casus):
    body = "Bel de moeder Fatima de Boer gewoon op 06-12345678."
    response = client_for("vereniging").post(f"/casussen/{own_casus.pk}/reageren/", {"body": body})
    assert response.status_code == 400
    assert "06-12345678" in response.content.decode() and not Reaction.objects.exists()


# --- 13.2: bounded work ---------------------------------------------------------------------------------


def test_a_megabyte_check_request_is_refused_unread(client_for, casus_index, monkeypatch):
    calls = []
    monkeypatch.setattr("casuses.checking.find_personal_data", lambda text: calls.append(text) or [])
    started = time.perf_counter()
    response = client_for("lid").post(CHECK, {"situation": "Jan de Vries " * 80_000, "form": "casus"})
    assert response.status_code == 413
    assert time.perf_counter() - started < 1.0
    assert calls == []


def test_over_long_field_is_refused_without_running_the_check(client_for, casus_index, monkeypatch):
    calls = []
    monkeypatch.setattr("casuses.checking.find_personal_data", lambda text: calls.append(text) or [])
    response = client_for("lid").post(NEW, form_data(situation="x" * 6001, action="submit"))
    assert response.status_code == 400
    assert "maximaal 6000 tekens" in response.content.decode()
    assert all(len(text) <= 2000 for text in calls)


def test_check_endpoint_is_rate_limited(client_for, casus_index):
    client = client_for("lid")
    statuses = [client.post(CHECK, {"form": "reaction", "body": ""}).status_code for _ in range(41)]
    assert statuses[:40] == [200] * 40 and statuses[40] == 429


# --- 13.3: moderation needs MFA -------------------------------------------------------------------------


def test_moderator_without_authenticator_is_sent_to_mfa_setup(casus_index, make_casus, role_users):
    moderator = UserFactory(username="zonder-mfa", groups=[settings.MEMBERS_GROUP, "Moderators"])
    casus = make_casus(author=role_users["lid"])
    reaction = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Tekst")
    client = logged_in(moderator)
    for response in (
        client.get("/casussen/moderatie/"),
        client.post(f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "Kwetsend"}),
    ):
        assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"]
    assert not Reaction.objects.get(pk=reaction.pk).hidden


# --- 13.4: ownership ----------------------------------------------------------------------------------


def test_someone_elses_draft_token_does_not_take_the_draft_over(client_for, casus_index, role_users):
    victim = CasusDraft.objects.create(author=role_users["vereniging"], data={"situation": "Geheim concept"})
    attacker = client_for("lid")
    attacker.post(NEW, form_data(token=str(victim.token), action="draft", situation="Overgenomen"))
    attacker.post(CHECK, form_data(token=str(victim.token), form="casus", situation="Overgenomen"))
    victim.refresh_from_db()
    assert victim.author == role_users["vereniging"] and victim.data["situation"] == "Geheim concept"
    assert CasusDraft.objects.get(author=role_users["lid"]).token != victim.token
    assert "Geheim concept" not in attacker.get(NEW).content.decode()


def test_reports_and_hiding_address_only_visible_open_reactions(client_for, own_casus, role_users):
    hidden = Reaction.objects.create(casus=own_casus, author=role_users["vereniging"], body="Weg", hidden=True)
    assert client_for("lid").post(f"/casussen/reacties/{hidden.pk}/melden/", {"reason": "x"}).status_code == 404
    report = ReactionReport.objects.create(reaction=hidden, reporter=role_users["lid"], reason="x")
    assert client_for("lid").post(f"/casussen/meldingen/{report.pk}/afhandelen/").status_code == 403


# --- 12.4: reports are handled, people are told ----------------------------------------------------------


def test_report_hide_and_resolve_with_mails(
    client_for, own_casus, role_users, mailoutbox, django_capture_on_commit_callbacks
):
    replier = MemberFactory(username="schrijver", email="schrijver@example.org")
    reaction = Reaction.objects.create(casus=own_casus, author=replier, body="Een scherpe reactie")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("vereniging").post(f"/casussen/reacties/{reaction.pk}/melden/", {"reason": "Te persoonlijk"})
    to_moderators = [m for m in mailoutbox if role_users["moderator"].email in m.to]
    assert to_moderators and "/casussen/moderatie/" in to_moderators[0].body and "/cms/" not in to_moderators[0].body

    moderator = client_for("moderator")
    queue = moderator.get("/casussen/moderatie/").content.decode()
    assert "Reactie verbergen" in queue and "Melding afhandelen" in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "Persoonlijke aanval", "next": "moderation"}
        )
    assert response["Location"] == "/casussen/moderatie/"
    assert Reaction.objects.get(pk=reaction.pk).hidden and not ReactionReport.objects.filter(resolved=False).exists()
    told = [m for m in mailoutbox if m.to == ["schrijver@example.org"]]
    assert told and "Persoonlijke aanval" in told[0].body


def test_resolving_a_report_keeps_the_reaction(client_for, own_casus, role_users):
    reaction = Reaction.objects.create(casus=own_casus, author=role_users["vereniging"], body="Prima reactie")
    report = ReactionReport.objects.create(reaction=reaction, reporter=role_users["lid"], reason="Twijfel")
    response = client_for("moderator").post(f"/casussen/meldingen/{report.pk}/afhandelen/")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved and not Reaction.objects.get(pk=reaction.pk).hidden


def test_moderators_get_our_mail_not_wagtails_and_author_gets_real_url(
    client_for, casus_index, role_users, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("lid").post(NEW, form_data(action="submit"))
    assert mailoutbox, "moderators are told of a new casus"
    assert all("/cms/" not in mail.body for mail in mailoutbox)
    assert any("/casussen/moderatie/" in mail.body for mail in mailoutbox if role_users["moderator"].email in mail.to)

    from casuses import moderation

    mailoutbox.clear()
    task_state = moderation.pending_task_states().get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for("moderator").post(f"/casussen/moderatie/{task_state.pk}/", {"action": "approve"})
    page = CasusPage.objects.get()
    to_author = [m for m in mailoutbox if m.to == [role_users["lid"].email]]
    assert to_author and page.url in to_author[0].body
    assert all("/cms/" not in mail.body for mail in mailoutbox)
    assert client_for("lid").get(page.url).status_code == 200
