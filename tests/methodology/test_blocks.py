"""Methodiek blocks: Dutch labels with a capital, previews, and empty blocks that never block saving."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from methodology import blocks
from methodology.models import GuidePage

pytestmark = pytest.mark.django_db

STREAMS = [blocks.GuideBodyBlock(), blocks.IndexBodyBlock(), blocks.LearningGoalsBlock(), blocks.MaterialsBlock()]


def test_every_block_and_field_label_is_dutch_with_a_capital():
    for stream in STREAMS:
        for block in stream.child_blocks.values():
            assert str(block.label)[0].isupper(), block.label
            assert block.meta.icon and block.get_template(block.get_default()), block.label
            for child in getattr(block, "child_blocks", {}).values():
                assert str(child.label)[0].isupper(), f"{block.label}: {child.label}"
    assert blocks.GuideBodyBlock().child_blocks["paragraph"].label == "Tekst"
    assert blocks.GuideBodyBlock().child_blocks["heading"].label == "Kop"


def test_every_block_has_a_preview(client_for):
    client = client_for("redacteur")
    for stream in STREAMS:
        for block in stream.child_blocks.values():
            assert block.is_previewable, block.label
            response = client.get("/cms/block-preview/", {"id": block.definition_prefix})
            assert response.status_code == 200, block.label


@pytest.fixture
def index_page(index_page):
    from methodology.demo import grant_editors_publishing

    grant_editors_publishing(index_page)
    return index_page


def test_an_empty_phase_block_does_not_stop_publishing_a_guide(client_for, index_page):
    data = nested_form_data(
        {
            "title": "Handleiding overdrachten",
            "slug": "overdrachten",
            "teaser": "",
            "intro": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Spreek vooraf af waar de overdracht plaatsvindt.</p>")),
                    ("phase", {"phase": "", "note": ""}),
                    ("heading", {"text": "", "level": "h2"}),
                ]
            ),
            "last_reviewed": "2025-04-01",
            "reviewed_by": "Pieter Smit",
            "tags": "",
            "action-publish": "publish",
        }
    )
    response = client_for("redacteur").post(f"/cms/pages/add/methodology/guidepage/{index_page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    guide = GuidePage.objects.get(slug="overdrachten")
    assert guide.live and [child.block_type for child in guide.body] == ["paragraph"]
