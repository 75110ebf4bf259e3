"""Table of contents, chapters and reading time, computed from a guide's StreamField."""

import pytest

from methodology import outline
from methodology.factories import GuidePageFactory, TechniqueFactory, heading, paragraph, phase_block, technique_block
from methodology.models import Phase


def raw(*blocks):
    return [dict(block, id=f"b{i}") for i, block in enumerate(blocks)]


def test_toc_nests_paragraph_headings_under_chapters_and_makes_unique_anchors():
    result = outline.build(
        raw(
            paragraph("<p>Voorwoord</p>"),
            heading("Intake"),
            heading("Het eerste gesprek", "h3"),
            heading("Het tweede gesprek", "h3"),
            heading("Intake"),
            heading("Afronding & evaluatie"),
        )
    )
    assert [(entry.anchor, entry.title) for entry in result.toc] == [
        ("intake", "Intake"),
        ("intake-2", "Intake"),
        ("afronding-evaluatie", "Afronding & evaluatie"),
    ]
    assert [child.anchor for child in result.toc[0].children] == ["het-eerste-gesprek", "het-tweede-gesprek"]
    assert result.anchors == {
        "b1": "intake",
        "b2": "het-eerste-gesprek",
        "b3": "het-tweede-gesprek",
        "b4": "intake-2",
        "b5": "afronding-evaluatie",
    }
    # The text before the first chapter heading is a chapter of its own, without anchor.
    assert [chapter.anchor for chapter in result.chapters] == ["", "intake", "intake-2", "afronding-evaluatie"]


def test_headings_never_take_the_ids_of_the_page_landmarks():
    result = outline.build(raw(heading("Main"), heading("Inhoud")))
    assert [entry.anchor for entry in result.toc] == ["main-2", "inhoud-2"]


def test_chapters_know_their_phases_and_techniques():
    result = outline.build(
        raw(
            heading("Intake"),
            {"type": "phase", "value": {"phase": 7, "note": ""}},
            heading("Oudergesprekken"),
            {"type": "technique", "value": {"technique": 3, "note": "Vraag door."}},
            {"type": "phase", "value": {"phase": 8, "note": ""}},
        )
    )
    assert [c.title for c in result.chapters_with_phase(7)] == ["Intake"]
    assert [c.title for c in result.chapters_with_phase(8)] == ["Oudergesprekken"]
    assert [c.title for c in result.chapters_with_technique(3)] == ["Oudergesprekken"]
    assert "Vraag door." in result.chapters[1].text


def test_reading_time_counts_words_of_all_blocks():
    words = " ".join(["woord"] * 450)
    result = outline.build(raw(heading("Lang"), paragraph(f"<p>{words}</p>")))
    assert result.reading_minutes() == 3  # 451 words at 200 a minute
    assert outline.build([]).reading_minutes() == 1


def test_plain_text_strips_markup_and_reads_tables():
    assert outline.plain_text("<p>Een &amp; <b>twee</b></p>") == "Een & twee"
    assert outline.plain_text({"caption": "Tabel", "table": {"data": [["a", "b"], ["c", None]]}}) == "Tabel a b c"


@pytest.mark.django_db
def test_guide_page_renders_the_toc_with_anchors(client, index_page):
    technique = TechniqueFactory(name="Psycho-educatie", slug="psycho-educatie")
    guide = GuidePageFactory(
        parent=index_page,
        body=[
            heading("Intake met beide ouders"),
            phase_block(Phase.objects.get(slug="intake")),
            heading("Voorbereiding", "h3"),
            paragraph("<p>Tekst</p>"),
            heading("Het kind"),
            technique_block(technique, "Leg het uit in kindertaal."),
        ],
    )
    html = client.get(guide.url).content.decode()
    assert '<nav class="toc" aria-labelledby="toc-title">' in html
    assert '<a href="#intake-met-beide-ouders">Intake met beide ouders</a>' in html
    assert '<a href="#voorbereiding">Voorbereiding</a>' in html
    assert '<h2 id="intake-met-beide-ouders"' in html
    assert '<h3 id="voorbereiding">' in html
    assert 'href="/methodiek/technieken/psycho-educatie/"' in html
    assert "Leestijd: 1 minuut" in html
