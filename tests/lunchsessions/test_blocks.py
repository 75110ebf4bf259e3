"""Recap blocks in the admin: Dutch labels, and an empty block added by accident never blocks publishing."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lunchsessions.blocks import RecapBlock, RelatedStreamBlock, SlidesStreamBlock
from lunchsessions.models import LunchSessionPage

pytestmark = pytest.mark.django_db


def edit_form(session, **fields):
    data = {
        "title": session.title,
        "slug": session.slug,
        "teaser": "",
        "topic": session.topic,
        "start": session.start.strftime("%Y-%m-%d %H:%M"),
        "end": session.end.strftime("%Y-%m-%d %H:%M"),
        "description": rich_text(""),
        "capacity": "10",
        "meeting_url": "",
        "tags": "",
        "skj_category": "scholing",
        "accreditation_number": "",
        "skj_points": "",
        "speaker_links": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
        "attendees": "42",
        "recap": streamfield([]),
        "recording_embed_url": "",
        "transcript": "",
        "slides": streamfield([]),
        "related": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_redacteur_publishes_a_recap_with_an_empty_related_page_block(client_for, past_session):
    data = edit_form(
        past_session,
        recap=streamfield([("summary", rich_text("<p>Wat werkt bij contactverlies.</p>"))]),
        related=streamfield([("page", {"page": "", "note": ""})]),  # added by accident, kept by autosave
        slides=streamfield([("slides", {"title": "", "document": ""})]),
    )
    data["action-publish"] = "publish"
    response = client_for("redacteur").post(f"/cms/pages/{past_session.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session = LunchSessionPage.objects.get(pk=past_session.pk)
    assert session.live and not session.has_unpublished_changes
    assert len(session.related) == 0 and len(session.slides) == 0  # the empty blocks are gone, not stored
    assert session.attendees == 42 and "contactverlies" in session.recap[0].value.source
    html = client_for("anonymous").get(session.url).content.decode()
    assert "Wat werkt bij contactverlies." in html and "Gerelateerd" not in html


def test_a_half_filled_block_is_still_refused_at_the_block(client_for, past_session):
    data = edit_form(past_session, related=streamfield([("page", {"page": "", "note": "Zie de intake"})]))
    data["action-publish"] = "publish"
    response = client_for("redacteur").post(f"/cms/pages/{past_session.pk}/edit/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors["related"].as_data()[0]
    assert errors.block_errors[0].block_errors["page"]  # the error sits at the block's own field
    assert not LunchSessionPage.objects.get(pk=past_session.pk).related


def test_empty_blocks_stored_earlier_are_read_as_nothing():
    stream = RelatedStreamBlock().to_python([{"type": "page", "value": {"page": None, "note": ""}, "id": "a"}])
    assert len(stream) == 0
    recap = RecapBlock().to_python(
        [
            {"type": "key_points", "value": {"heading": "Belangrijkste punten", "points": [""]}, "id": "b"},
            {"type": "summary", "value": "<p></p>", "id": "c"},
            {"type": "quote", "value": {"quote": "Je blijft ouders.", "attribution": ""}, "id": "d"},
        ]
    )
    assert [child.block_type for child in recap] == ["quote"]
    assert len(SlidesStreamBlock().to_python([{"type": "slides", "value": {"title": "", "document": None}}])) == 0


def test_block_labels_are_dutch_with_a_capital():
    for stream in (RecapBlock(), RelatedStreamBlock(), SlidesStreamBlock()):
        for block in stream.child_blocks.values():
            assert block.label[0].isupper(), block.label
            for child in getattr(block, "child_blocks", {}).values():
                assert str(child.label)[0].isupper(), child.label
    assert RelatedStreamBlock().child_blocks["page"].label == "Gerelateerde pagina"


def test_every_recap_block_has_a_preview(client_for):
    client = client_for("redacteur")
    for stream in (RecapBlock(), RelatedStreamBlock(), SlidesStreamBlock()):
        for block in stream.child_blocks.values():
            assert block.is_previewable and block.meta.icon, block.label
            assert client.get("/cms/block-preview/", {"id": block.definition_prefix}).status_code == 200, block.label
