"""Issue 18 (points 1, 2, 6): editing and withdrawing one's reaction, offering a hidden one again,
appreciation, "dit hielp mij verder", structured rounds, closing with a reminder. Per role; each test
checks the stored objects afterwards, not only the status code."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from casuses.conversation import send_follow_up_reminders
from casuses.models import Appreciation, CasusPage, Reaction, ReactionReport, ReactionVersion
from casuses.moderation import pending_task_states
from casuses.privacy import erase_casuses, export_casuses
from casuses.search import CasusAdapter

pytestmark = pytest.mark.django_db

OLD = "Ik zou eerst met beide ouders apart praten over de kwibbeltoets."
NEW = "Ik zou eerst de school om een neutrale overdrachtsplek vragen."
OTHER_ROLES = ["anonymous", "account", "vereniging", "moderator", "redacteur", "beheerder"]  # not the poster "lid"
NOT_THE_WRITER = ["anonymous", "account", "lid", "moderator", "redacteur", "beheerder"]  # not "vereniging"


@pytest.fixture
def casus(make_casus, role_users):
    return make_casus(role_users["lid"])


@pytest.fixture
def reaction(casus, role_users):
    """A reaction by the member "vereniging" on the casus of "lid"."""
    return Reaction.objects.create(casus=casus, author=role_users["vereniging"], body=OLD)


def edit_url(reaction):
    return f"/casussen/reacties/{reaction.pk}/bewerken/"


def withdraw_url(reaction):
    return f"/casussen/reacties/{reaction.pk}/intrekken/"


# --- editing -----------------------------------------------------------------------------------------------


def test_author_edits_and_page_shows_bewerkt_but_not_the_old_words(client_for, reaction, casus):
    author = client_for("vereniging")
    assert OLD in author.get(edit_url(reaction)).content.decode()
    response = author.post(edit_url(reaction), {"body": NEW, "perspective": "mediation"})
    assert response.status_code == 302 and response["Location"].endswith(f"#reactie-{reaction.pk}")
    reaction.refresh_from_db()
    assert reaction.body == NEW and reaction.edited_at is not None and reaction.perspective == "mediation"
    assert list(ReactionVersion.objects.values_list("body", flat=True)) == [OLD]
    for role in ("lid", "vereniging", "redacteur"):
        html = client_for(role).get(casus.url).content.decode()
        assert NEW in html and "bewerkt" in html and OLD not in html, role
    for role in ("moderator", "beheerder"):  # the admin moderates too
        html = client_for(role).get(casus.url).content.decode()
        assert OLD in html and "Eerdere versies (alleen moderatoren)" in html, role


def test_unchanged_edit_keeps_no_version(client_for, reaction):
    client_for("vereniging").post(edit_url(reaction), {"body": OLD})
    reaction.refresh_from_db()
    assert reaction.edited_at is None and not ReactionVersion.objects.exists()


@pytest.mark.parametrize("role", NOT_THE_WRITER)
def test_nobody_else_edits_or_withdraws(client_for, reaction, role):
    client = client_for(role)
    for url in (edit_url(reaction), withdraw_url(reaction)):
        assert client.get(url).status_code in (302, 403, 404), (role, url)
        assert client.post(url, {"body": NEW}).status_code in (302, 403, 404), (role, url)
    reaction.refresh_from_db()
    assert reaction.body == OLD and reaction.withdrawn_at is None and reaction.edited_at is None


@pytest.mark.parametrize(
    "added, finding",
    [
        ("Zijn BSN is 111222333.", "111222333"),
        ("Vader Johan Verbeek belde.", "Johan Verbeek"),
    ],
)
def test_edit_is_checked_like_a_new_reaction(client_for, reaction, casus, added, finding):
    response = client_for("vereniging").post(edit_url(reaction), {"body": f"{OLD} {added}"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "finding--block" in html and finding in html and added in html  # what was typed is kept
    posted = client_for("vereniging").post(f"/casussen/{casus.pk}/reageren/", {"body": f"{OLD} {added}"})
    assert posted.status_code == 400  # the same text is refused the same way on posting
    reaction.refresh_from_db()
    assert reaction.body == OLD and not ReactionVersion.objects.exists()


def test_edit_replacement_without_js_then_save(client_for, reaction):
    author = client_for("vereniging")
    body = f"{OLD} Bel 06-12345678 eens."
    replaced = author.post(edit_url(reaction), {"body": body, "replace": "[TELEFOONNUMMER]|06-12345678"})
    assert replaced.status_code == 200 and "Bel [TELEFOONNUMMER] eens." in replaced.content.decode()
    reaction.refresh_from_db()
    assert reaction.body == OLD  # a replacement shows the form again; nothing is saved yet
    everything = author.post(edit_url(reaction), {"body": "Vader Johan Verbeek belt 06-12345678.", "replace_all": "1"})
    assert "Johan Verbeek" not in everything.content.decode().split("<textarea")[1].split("</textarea>")[0]
    assert author.post(edit_url(reaction), {"body": f"{OLD} Bel [TELEFOONNUMMER] eens."}).status_code == 302
    reaction.refresh_from_db()
    assert reaction.body.endswith("Bel [TELEFOONNUMMER] eens.")


# --- withdrawing -------------------------------------------------------------------------------------------


def test_withdraw_removes_the_words_everywhere_and_keeps_the_notice(
    client_for, reaction, casus, role_users, django_capture_on_commit_callbacks
):
    author = client_for("vereniging")
    author.post(edit_url(reaction), {"body": NEW})
    Appreciation.objects.create(reaction=reaction, member=role_users["lid"], kind="usable")
    ReactionReport.objects.create(reaction=reaction, reporter=role_users["lid"], reason="Toon")
    assert "definitief intrekken" in author.get(withdraw_url(reaction)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert author.post(withdraw_url(reaction)).status_code == 302
    reaction.refresh_from_db()
    assert reaction.withdrawn_at and reaction.body == "" and not reaction.versions.exists()
    assert not reaction.appreciations.exists() and not reaction.reports.filter(resolved=False).exists()
    assert CasusPage.objects.get(pk=casus.pk).reaction_count == 0
    for role in ("lid", "vereniging", "moderator", "beheerder"):
        html = client_for(role).get(casus.url).content.decode()
        assert "Reactie ingetrokken door de auteur" in html and NEW not in html and OLD not in html, role
    document = CasusAdapter().to_document(CasusPage.objects.get(pk=casus.pk))
    assert NEW not in document.text and OLD not in document.text
    labels = ModelLogEntry.objects.filter(object_id=str(reaction.pk)).values_list("label", flat=True)
    assert labels and all(NEW not in label and OLD not in label for label in labels)
    assert client_for("vereniging").get(edit_url(reaction)).status_code == 404  # nothing left to edit


def test_search_api_never_finds_earlier_or_withdrawn_words(client_for, reaction, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("vereniging").post(edit_url(reaction), {"body": "Een neutrale plek hielp bij plumeauwerk."})
    for role in ("lid", "moderator", "beheerder"):
        found = client_for(role).get("/api/search", {"q": "plumeauwerk"}).json()
        assert found["total"] == 1, role
        assert client_for(role).get("/api/search", {"q": "kwibbeltoets"}).json()["total"] == 0, role
    for role in ("anonymous", "lid", "moderator"):
        for path in ("/lunchsessies/feed/", "/lunchsessies/agenda.ics", "/sitemap.xml", "/"):
            assert "kwibbeltoets" not in client_for(role).get(path).content.decode(), (role, path)
    with django_capture_on_commit_callbacks(execute=True):
        client_for("vereniging").post(withdraw_url(reaction))
    assert client_for("lid").get("/api/search", {"q": "plumeauwerk"}).json()["total"] == 0


# --- hidden by a moderator: the author is told why and may offer it again -----------------------------------


def hide(client_for, reaction, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("moderator").post(f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": "Te persoonlijk"})


def test_hidden_reaction_tells_only_its_author_why_and_can_be_offered_again(
    client_for, reaction, casus, role_users, django_capture_on_commit_callbacks
):
    hide(client_for, reaction, django_capture_on_commit_callbacks)
    own = client_for("vereniging").get(casus.url).content.decode()
    assert "Te persoonlijk" in own and OLD in own and "Aanpassen en opnieuw aanbieden" in own
    for role in ("lid", "redacteur"):
        html = client_for(role).get(casus.url).content.decode()
        assert OLD not in html and "Te persoonlijk" not in html, role
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for("vereniging").post(edit_url(reaction), {"body": NEW}).status_code == 302
    reaction.refresh_from_db()
    assert reaction.hidden and reaction.review_requested_at is not None
    assert any(role_users["moderator"].email in m.to and "ter beoordeling" in m.subject for m in mail.outbox)
    assert NEW not in client_for("lid").get(casus.url).content.decode()
    queue = client_for("moderator").get("/casussen/moderatie/").content.decode()
    assert NEW in queue and "Weer tonen" in queue
    assert client_for("lid").post(
        f"/casussen/reacties/{reaction.pk}/beoordelen/", {"action": "approve"}
    ).status_code in (
        302,
        403,
    )
    reaction.refresh_from_db()
    assert reaction.hidden  # a member cannot approve
    with django_capture_on_commit_callbacks(execute=True):
        client_for("moderator").post(f"/casussen/reacties/{reaction.pk}/beoordelen/", {"action": "approve"})
    reaction.refresh_from_db()
    assert not reaction.hidden and reaction.review_requested_at is None and reaction.hidden_reason == ""
    assert NEW in client_for("lid").get(casus.url).content.decode()
    assert CasusPage.objects.get(pk=casus.pk).reaction_count == 1
    assert any(role_users["vereniging"].email in m.to and "weer zichtbaar" in m.subject for m in mail.outbox)


def test_moderator_keeps_an_offered_reaction_hidden_with_a_reason(
    client_for, reaction, role_users, django_capture_on_commit_callbacks
):
    hide(client_for, reaction, django_capture_on_commit_callbacks)
    client_for("vereniging").post(edit_url(reaction), {"body": NEW})
    moderator = client_for("moderator")
    moderator.post(f"/casussen/reacties/{reaction.pk}/beoordelen/", {"action": "keep", "reason": ""})
    reaction.refresh_from_db()
    assert reaction.review_requested_at is not None  # no reason: nothing decided
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(f"/casussen/reacties/{reaction.pk}/beoordelen/", {"action": "keep", "reason": "Nog herkenbaar"})
    reaction.refresh_from_db()
    assert reaction.hidden and reaction.review_requested_at is None and reaction.hidden_reason == "Nog herkenbaar"
    assert any("Nog herkenbaar" in m.body for m in mail.outbox if role_users["vereniging"].email in m.to)


# --- appreciation ------------------------------------------------------------------------------------------


def appreciate(client, reaction, kind):
    return client.post(f"/casussen/reacties/{reaction.pk}/waarderen/", {"kind": kind})


def test_members_appreciate_once_per_kind_and_undo(client_for, reaction, casus, role_users):
    for role in ("lid", "moderator", "beheerder"):
        assert appreciate(client_for(role), reaction, "recognisable").status_code == 302
    appreciate(client_for("lid"), reaction, "usable")
    assert Appreciation.objects.filter(reaction=reaction, kind="recognisable").count() == 3
    html = client_for("lid").get(casus.url).content.decode()
    assert 'aria-pressed="true">Herkenbaar <span class="appreciation__count">3</span>' in html
    assert 'aria-pressed="true">Bruikbaar <span class="appreciation__count">1</span>' in html
    appreciate(client_for("lid"), reaction, "recognisable")  # undo
    assert not Appreciation.objects.filter(reaction=reaction, member=role_users["lid"], kind="recognisable").exists()
    html = client_for("lid").get(casus.url).content.decode()
    assert 'aria-pressed="false">Herkenbaar <span class="appreciation__count">2</span>' in html


@pytest.mark.parametrize("role", ["anonymous", "account"])
def test_non_members_cannot_appreciate(client_for, reaction, role):
    appreciate(client_for(role), reaction, "usable")
    assert not Appreciation.objects.exists()


def test_not_on_ones_own_reaction_nor_unknown_kinds_nor_hidden(client_for, reaction, make_casus, role_users):
    assert appreciate(client_for("vereniging"), reaction, "usable").status_code == 403
    assert appreciate(client_for("lid"), reaction, "geweldig").status_code == 404
    reaction.hidden = True
    reaction.save()
    assert appreciate(client_for("lid"), reaction, "usable").status_code == 404
    assert not Appreciation.objects.exists()


def test_helped_most_is_one_reaction_shown_first(client_for, casus, role_users):
    first = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Eerste advies")
    second = Reaction.objects.create(casus=casus, author=role_users["beheerder"], body="Tweede advies")
    assert client_for("vereniging").post(f"/casussen/reacties/{second.pk}/nuttig/").status_code == 403
    poster = client_for("lid")
    poster.post(f"/casussen/reacties/{first.pk}/nuttig/")
    poster.post(f"/casussen/reacties/{second.pk}/nuttig/")
    assert list(Reaction.objects.filter(helpful=True)) == [second]
    html = client_for("vereniging").get(casus.url).content.decode()
    assert html.index("Tweede advies") < html.index("Eerste advies")
    assert "Dit hielp de inbrenger verder" in html


# --- structured rounds -------------------------------------------------------------------------------------


@pytest.fixture
def rounds_casus(make_casus, role_users):
    return make_casus(role_users["lid"], conversation_format="rounds")


def test_rounds_guide_the_form_and_only_the_poster_moves_on(client_for, rounds_casus, role_users):
    url = rounds_casus.url
    html = client_for("vereniging").get(url).content.decode()
    assert "Uw verhelderende vraag" in html and 'aria-current="step"' in html and "Naar ronde 2" not in html
    client_for("vereniging").post(f"/casussen/{rounds_casus.pk}/reageren/", {"body": "Hoe oud is [KIND 1] precies?"})
    assert Reaction.objects.get().round == 1
    for role in OTHER_ROLES:
        client_for(role).post(f"/casussen/{rounds_casus.pk}/volgende-ronde/")
        assert CasusPage.objects.get(pk=rounds_casus.pk).current_round == 1, role
    poster = client_for("lid")
    assert "Naar ronde 2: adviezen" in poster.get(url).content.decode()
    poster.post(f"/casussen/{rounds_casus.pk}/volgende-ronde/")
    assert "Uw advies" in client_for("vereniging").get(url).content.decode()
    poster.post(f"/casussen/{rounds_casus.pk}/volgende-ronde/")
    assert CasusPage.objects.get(pk=rounds_casus.pk).current_round == 3
    other = client_for("vereniging").get(url).content.decode()
    assert "alleen de inbrenger" in other and "Reactie plaatsen" not in other
    client_for("vereniging").post(f"/casussen/{rounds_casus.pk}/reageren/", {"body": "Nog een advies."})
    assert Reaction.objects.count() == 1
    assert "Uw reflectie" in poster.get(url).content.decode()
    poster.post(f"/casussen/{rounds_casus.pk}/reageren/", {"body": "Ik neem de vragen over de overdracht mee."})
    assert Reaction.objects.filter(round=3, author=role_users["lid"]).exists()
    poster.post(f"/casussen/{rounds_casus.pk}/volgende-ronde/")
    assert CasusPage.objects.get(pk=rounds_casus.pk).current_round == 3


def test_round_and_conversation_state_survive_an_approved_edit(rounds_casus):
    CasusPage.objects.filter(pk=rounds_casus.pk).update(current_round=2, reaction_count=4)
    page = CasusPage.objects.get(pk=rounds_casus.pk)
    page.question = "Een aangepaste vraag?"
    page.save_revision().publish(skip_permission_checks=True)
    page = CasusPage.objects.get(pk=rounds_casus.pk)
    assert page.question == "Een aangepaste vraag?" and page.current_round == 2 and page.reaction_count == 4


def test_an_edit_approved_after_closing_does_not_reopen_the_casus(client_for, casus, role_users):
    data = {
        "title": casus.title,
        "situation": "[MOEDER] belt vaak; de overdracht loopt uit.",
        "question": casus.question,
        "age_band": "4-8",
        "action": "submit",
    }
    poster = client_for("lid")
    assert poster.post(f"/casussen/{casus.pk}/bewerken/", data).status_code == 302
    Reaction.objects.create(casus=casus, author=role_users["vereniging"], body=OLD)
    poster.post(f"/casussen/{casus.pk}/reageren/", {"body": "Dank, ik probeer het."})
    poster.post(f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Het oudergesprek hielp.", "remind_weeks": "4"})
    task_state = pending_task_states().get()
    client_for("moderator").post(f"/casussen/moderatie/{task_state.pk}/", {"action": "approve"})
    page = CasusPage.objects.get(pk=casus.pk)
    assert page.situation.startswith("[MOEDER] belt vaak")  # the edit is published ...
    assert page.status == "closed" and page.follow_up == "Het oudergesprek hielp."  # ... the conversation stays
    assert page.reaction_count == 2 and page.follow_up_remind_at is not None
    admin_form = client_for("beheerder").get(f"/cms/pages/{casus.pk}/edit/")
    assert admin_form.status_code == 200 and "Het oudergesprek hielp." in admin_form.content.decode()


def test_format_is_chosen_when_posting(client_for, casus_index):
    data = {
        "title": "Overdracht loopt uit op ruzie",
        "situation": "[MOEDER] en [VADER] maken ruzie bij de overdracht.",
        "question": "Hoe zouden jullie dit oppakken?",
        "age_band": "4-8",
        "conversation_format": "rounds",
        "action": "submit",
    }
    assert client_for("lid").post("/casussen/nieuw/", data).status_code == 302
    page = CasusPage.objects.get().get_latest_revision_as_object()
    assert page.conversation_format == "rounds"


# --- casus edits while open ---------------------------------------------------------------------------------


def test_edit_of_a_published_casus_waits_for_moderation(client_for, casus):
    data = {
        "title": casus.title,
        "situation": "Moeder Fatima de Boer belt vaak.",
        "question": casus.question,
        "age_band": "4-8",
        "action": "submit",
    }
    assert client_for("lid").post(f"/casussen/{casus.pk}/bewerken/", data).status_code == 400
    data["situation"] = "[MOEDER] belt vaak; de overdracht loopt uit."
    assert client_for("lid").post(f"/casussen/{casus.pk}/bewerken/", data).status_code == 302
    live = CasusPage.objects.get(pk=casus.pk)
    assert live.situation == casus.situation and live.has_unpublished_changes
    assert "[MOEDER] belt vaak" not in client_for("vereniging").get(casus.url).content.decode()
    assert "wacht op controle" in client_for("lid").get(casus.url).content.decode()


def test_a_closed_casus_is_no_longer_edited(client_for, casus):
    CasusPage.objects.filter(pk=casus.pk).update(status="closed")
    response = client_for("lid").get(f"/casussen/{casus.pk}/bewerken/")
    assert response.status_code == 302


# --- closing and the follow-up reminder ----------------------------------------------------------------------


def test_close_needs_a_follow_up_or_a_reminder(client_for, casus):
    assert client_for("lid").post(f"/casussen/{casus.pk}/afsluiten/", {}).status_code == 400
    assert client_for("lid").post(f"/casussen/{casus.pk}/afsluiten/", {"remind_weeks": "4"}).status_code == 302
    page = CasusPage.objects.get(pk=casus.pk)
    assert page.status == "closed" and page.follow_up == ""
    assert datetime.timedelta(days=27) < page.follow_up_remind_at - timezone.now() <= datetime.timedelta(weeks=4)


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_only_the_poster_closes_or_sets_a_reminder(client_for, casus, role):
    client_for(role).post(f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Klaar", "remind_weeks": "2"})
    page = CasusPage.objects.get(pk=casus.pk)
    assert page.status == "open" and page.follow_up_remind_at is None


def test_reminder_is_mailed_once_when_due_and_links_to_the_follow_up(client_for, casus, role_users):
    client_for("lid").post(f"/casussen/{casus.pk}/afsluiten/", {"remind_weeks": "2"})
    assert send_follow_up_reminders() == 0
    later = timezone.now() + datetime.timedelta(weeks=2, minutes=1)
    assert send_follow_up_reminders(now=later) == 1
    assert send_follow_up_reminders(now=later) == 0
    call_command("send_follow_up_reminders")
    reminders = [m for m in mail.outbox if m.subject.endswith("Hoe is het afgelopen?")]
    assert len(reminders) == 1 and reminders[0].to == [role_users["lid"].email]
    assert f"{casus.url}#vervolg" in reminders[0].body
    poster = client_for("lid")
    assert 'id="vervolg"' in poster.get(casus.url).content.decode()
    poster.post(f"/casussen/{casus.pk}/afsluiten/", {"follow_up": "Het extra oudergesprek werkte goed."})
    assert CasusPage.objects.get(pk=casus.pk).follow_up == "Het extra oudergesprek werkte goed."
    assert "Het extra oudergesprek werkte goed." in client_for("vereniging").get(casus.url).content.decode()


def test_no_reminder_for_a_withdrawn_casus(casus):
    CasusPage.objects.filter(pk=casus.pk).update(
        status="closed", follow_up_remind_at=timezone.now() - datetime.timedelta(days=1)
    )
    CasusPage.objects.get(pk=casus.pk).unpublish()
    assert send_follow_up_reminders() == 0
    assert not [m for m in mail.outbox if "afgelopen" in m.subject]


def test_personal_data_holds_versions_and_appreciations_and_erasure_removes_marks(client_for, reaction, role_users):
    client_for("vereniging").post(edit_url(reaction), {"body": NEW})
    appreciate(client_for("lid"), reaction, "usable")
    writer = export_casuses(role_users["vereniging"])
    assert [v["tekst"] for v in writer["eerdere_versies_van_reacties"]] == [OLD]
    assert export_casuses(role_users["lid"])["waarderingen"] == [{"reactie": reaction.pk, "soort": "usable"}]
    erase_casuses(role_users["lid"])
    assert not Appreciation.objects.exists()
