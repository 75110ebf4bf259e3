"""Posting a casus at /casussen/nieuw/: anonymity check, replacements, drafts, bad input, submission."""

import pytest
from wagtail.models import WorkflowState

from casuses.models import CasusDraft, CasusPage

pytestmark = pytest.mark.django_db

NEW = "/casussen/nieuw/"
PERSONAL = "Moeder Fatima de Boer belde over Sem. Het BSN van Sem is 111222333."
CLEAN = "[MOEDER] belde over [KIND 1]. De overdrachten lopen steeds uit op ruzie bij de voordeur."


def form_data(**overrides):
    data = {
        "title": "Overdracht loopt uit op ruzie",
        "situation": CLEAN,
        "question": "Hoe zouden jullie dit oppakken?",
        "age_band": "4-8",
        "phase": "",
        "tags": "overdracht, conflict",
    }
    data.update(overrides)
    return data


def test_form_is_for_members(client_for, casus_index):
    assert client_for("lid").get(NEW).status_code == 200
    assert client_for("account").get(NEW).status_code == 403
    assert client_for("anonymous").get(NEW).status_code == 302


def test_route_wins_over_wagtail_pages(client_for, casus_index):
    response = client_for("lid").get(NEW)
    assert b"Nieuwe casus voorleggen" in response.content


def test_check_highlights_findings_with_replacement_buttons(client_for, casus_index):
    token = "7f1c5b1e-4b8a-4a51-9e1d-3d1a5b7c9e01"
    response = client_for("lid").post(NEW, form_data(situation=PERSONAL, action="check", token=token), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="finding finding--block" data-kind="name"' in html
    assert 'data-kind="bsn"' in html
    assert "Vervang door [MOEDER]" in html
    assert 'value="[BSN]|111222333"' in html
    # nothing typed is lost: a server-side draft
    assert CasusDraft.objects.get(token=token).data["situation"] == PERSONAL


def test_blocking_findings_refuse_submission_and_keep_text(client_for, casus_index):
    response = client_for("lid").post(NEW, form_data(situation=PERSONAL, action="submit"))
    assert response.status_code == 400
    assert "persoonsgegeven" in response.content.decode()
    assert PERSONAL.replace("'", "&#x27;") in response.content.decode()
    assert not CasusPage.objects.exists()


def test_one_click_replacement_replaces_every_occurrence(client_for, casus_index):
    client = client_for("lid")
    response = client.post(NEW, form_data(situation=PERSONAL, replace="[KIND 1]|Sem"), follow=True)
    assert response.status_code == 200
    text = response.context["form"].initial["situation"]
    assert "Sem" not in text and text.count("[KIND 1]") == 2


def test_warnings_need_confirmation(client_for, casus_index):
    client = client_for("lid")
    situation = CLEAN + " Het gezin woont in Zwolle."
    response = client.post(NEW, form_data(situation=situation, action="submit"))
    assert response.status_code == 400
    assert "bevestig" in response.content.decode()
    response = client.post(NEW, form_data(situation=situation, action="submit", confirm_warnings="on"))
    assert response.status_code == 302


def test_submission_creates_draft_page_in_moderation(client_for, casus_index, role_users):
    client = client_for("lid")
    response = client.post(NEW, form_data(action="submit", token="0b7f3c1e-4b8a-4a51-9e1d-3d1a5b7c9e02"))
    assert response.status_code == 302
    casus = CasusPage.objects.get()
    assert casus.live is False
    assert casus.author == role_users["lid"]
    assert casus.get_parent().specific == casus_index
    state = WorkflowState.objects.get(object_id=str(casus.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.specific.__class__.__name__ == "AnonymityCheckTask"
    assert not CasusDraft.objects.exists()
    assert sorted(t.name for t in casus.get_latest_revision_as_object().tags.all()) == ["conflict", "overdracht"]


def test_double_submit_creates_one_casus(client_for, casus_index):
    client = client_for("lid")
    data = form_data(action="submit", token="0b7f3c1e-4b8a-4a51-9e1d-3d1a5b7c9e03")
    assert client.post(NEW, data).status_code == 302
    second = client.post(NEW, data, follow=True)
    assert "al ingediend" in second.content.decode()
    assert CasusPage.objects.count() == 1


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"situation": "<script>alert(1)</script> en verder niets"}, "zonder HTML"),
        ({"situation": "a" * 6001}, "te lang"),
        ({"title": ""}, "titel"),
        ({"age_band": ""}, "leeftijdsgroep"),
    ],
)
def test_bad_input_gives_dutch_errors_and_keeps_text(client_for, casus_index, overrides, message):
    response = client_for("lid").post(NEW, form_data(action="submit", **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CasusPage.objects.exists()
    assert CasusDraft.objects.count() == 1


def test_draft_is_restored_on_return(client_for, casus_index):
    client = client_for("lid")
    client.post(NEW, form_data(situation="Half geschreven tekst over [KIND 1]", action="draft"))
    response = client.get(NEW)
    assert "Half geschreven tekst over [KIND 1]" in response.content.decode()


def test_check_endpoint_returns_findings_panel(client_for, casus_index):
    response = client_for("lid").post(
        "/casussen/controle/", {"situation": "Bel 06-12345678", "title": "", "question": ""}
    )
    assert response.status_code == 200
    assert "finding--block" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_submitting_is_rate_limited(client_for, casus_index):
    client = client_for("lid")
    for n in range(10):
        token = f"0b7f3c1e-4b8a-4a51-9e1d-3d1a5b7c9{n:03d}"
        assert client.post(NEW, form_data(action="submit", token=token)).status_code == 302
    response = client.post(NEW, form_data(action="submit", token="0b7f3c1e-4b8a-4a51-9e1d-3d1a5b7c9999"))
    assert response.status_code == 429


def test_a_situation_of_only_zero_width_characters_is_refused_and_the_rest_kept(client_for, casus_index):
    response = client_for("lid").post(NEW, form_data(situation="\u200b\u200c\u200d\u2060\ufeff", action="submit"))
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "onzichtbare tekens" in html
    assert "Overdracht loopt uit op ruzie" in html
    assert not CasusPage.objects.exists()
