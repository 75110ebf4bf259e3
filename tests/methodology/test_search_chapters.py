"""A guide is found per chapter: one search document per chapter (url with the chapter's anchor) besides its overview."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from community.core import access
from methodology.factories import GuidePageFactory, heading, paragraph, phase_block, restrict
from methodology.models import GuidePage, Phase
from search import service
from search.engines import SearchQuery
from search.models import IndexedDocument

pytestmark = pytest.mark.django_db

BODY = [
    paragraph("<p>Voor wie deze handleiding leest: eerst een woord vooraf.</p>"),
    heading("Het kindgesprek"),
    paragraph("<p>Spreek het kind zonder ouders, met tekeningen of een weekschema.</p>"),
    heading("Begeleide omgang", level="h2"),
    heading("In het Omgangshuis", level="h3"),
    paragraph("<p>Hoogstens vier keer ziet het kind de ouder onder begeleiding.</p>"),
    heading("Afronding"),
    paragraph("<p>De ouders leggen hun afspraken vast in een ouderschapsplan.</p>"),
]


@pytest.fixture
def guide(index_page):
    page = GuidePageFactory(parent=index_page, title="Werken met ouders: de praktijk", slug="praktijk", body=BODY)
    page.tags.add("ouderschapsplan", "intake")
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)


def documents(page):
    return {row.key: row for row in IndexedDocument.objects.filter(object_ref=f"wagtailcore.page:{page.pk}")}


def test_a_guide_with_three_chapters_gives_an_overview_and_three_chapter_documents(guide):
    rows = documents(guide)
    assert set(rows) == {
        f"page:{guide.pk}",
        f"page:{guide.pk}#het-kindgesprek",
        f"page:{guide.pk}#begeleide-omgang",
        f"page:{guide.pk}#afronding",
    }
    overview = rows[f"page:{guide.pk}"]
    assert overview.url == "/methodiek/praktijk/" and overview.title == guide.title
    assert "woord vooraf" in overview.text and "Het kindgesprek" in overview.text  # the opening text and the contents
    assert set(overview.tags) == {"ouderschapsplan", "intake"}
    chapter = rows[f"page:{guide.pk}#begeleide-omgang"]
    assert chapter.url == "/methodiek/praktijk/#begeleide-omgang"
    assert chapter.title == "Begeleide omgang – Werken met ouders"
    assert "Hoogstens vier keer" in chapter.text and "ouderschapsplan" not in chapter.text
    assert chapter.tags == [] and rows[f"page:{guide.pk}#afronding"].tags == ["ouderschapsplan"]
    assert {row.audience for row in rows.values()} == {access.PUBLIC} and len({row.date for row in rows.values()}) == 1


def test_chapter_anchors_exist_in_the_rendered_guide(client, guide):
    html = client.get("/methodiek/praktijk/").content.decode()
    for row in documents(guide).values():
        if "#" in row.url:
            assert f'id="{row.url.split("#", 1)[1]}"' in html, row.url


def test_a_chapter_document_carries_the_chapter_phase(index_page):
    phase = Phase.objects.get(slug="begeleide-omgang")
    page = GuidePageFactory(
        parent=index_page,
        slug="fasen-gids",
        body=[heading("Eerst"), paragraph("<p>Tekst.</p>"), heading("Omgang"), phase_block(phase)],
    )
    page.save_revision().publish()
    rows = documents(page)
    chapter = rows[f"page:{page.pk}#omgang"]
    assert chapter.phase == "begeleide-omgang" and phase.name in chapter.text  # what the phase block shows
    assert rows[f"page:{page.pk}#eerst"].phase == "" and rows[f"page:{page.pk}"].phase == "begeleide-omgang"


def test_removing_a_chapter_removes_its_document(guide):
    guide.body = BODY[:-2]  # without the chapter "Afronding"
    guide.save_revision().publish()
    rows = documents(guide)
    assert f"page:{guide.pk}#afronding" not in rows
    assert f"page:{guide.pk}#het-kindgesprek" in rows and len(rows) == 3
    hits = service.search(AnonymousUser(), SearchQuery(q="ouderschapsplan")).hits
    assert [hit.url for hit in hits] == ["/methodiek/praktijk/"]  # the overview (by its tag), no longer the chapter


def test_renaming_a_chapter_moves_its_document_to_the_new_anchor(guide):
    guide.body = [heading("Gesprek met het kind") if block == BODY[1] else block for block in BODY]
    guide.save_revision().publish()
    rows = documents(guide)
    assert f"page:{guide.pk}#gesprek-met-het-kind" in rows and f"page:{guide.pk}#het-kindgesprek" not in rows
    hit = service.search(AnonymousUser(), SearchQuery(q="weekschema")).hits[0]
    assert hit.url == "/methodiek/praktijk/#gesprek-met-het-kind"


def test_unpublishing_removes_every_document_of_the_guide(guide):
    assert len(documents(guide)) == 4
    guide.unpublish()
    assert documents(guide) == {}


def test_chapters_of_a_restricted_guide_carry_its_audience(guide, client_for):
    restrict(guide, settings.MEMBERS_GROUP)
    rows = documents(guide)
    assert len(rows) == 4 and {row.audience for row in rows.values()} == {access.members_audience()}
    assert service.search(AnonymousUser(), SearchQuery(q="weekschema")).total == 0
    anonymous = client_for("anonymous").get("/zoeken/", {"q": "weekschema"}).content.decode()
    assert "/methodiek/praktijk/#" not in anonymous
    member = client_for("lid").get("/zoeken/", {"q": "weekschema"}).content.decode()
    assert 'href="/methodiek/praktijk/#het-kindgesprek"' in member


def test_the_results_page_links_to_the_chapter(client, guide):
    html = client.get("/zoeken/", {"q": "weekschema"}).content.decode()
    links = re.findall(r'<a href="(/methodiek/praktijk/[^"]*)"', html)
    assert links and links[0] == "/methodiek/praktijk/#het-kindgesprek"
    assert 'id="het-kindgesprek"' in client.get(links[0].split("#")[0]).content.decode()


def test_the_external_engine_follows_removed_chapters(guide, monkeypatch):
    """reindex mirrors to Elasticsearch: the removed chapter's key is deleted there, the others re-indexed."""

    class Recorder:
        name = "recorder"

        def __init__(self):
            self.deleted, self.indexed = [], []

        def delete(self, keys):
            self.deleted += list(keys)

        def index(self, rows, splitters):
            self.indexed += [row.key for row in rows]

    recorder = Recorder()
    monkeypatch.setattr("search.indexing.get_engine", lambda: recorder)
    guide.body = BODY[:-2]
    guide.save_revision().publish()
    assert recorder.deleted == [f"page:{guide.pk}#afronding"]
    assert set(recorder.indexed) == {
        f"page:{guide.pk}",
        f"page:{guide.pk}#het-kindgesprek",
        f"page:{guide.pk}#begeleide-omgang",
    }


def test_phases_and_techniques_are_found_and_follow_edits(db):
    from methodology.models import Technique
    from search import indexing

    indexing.rebuild()
    phase = Phase.objects.get(slug="overdrachtsbegeleiding")
    hit = service.search(AnonymousUser(), SearchQuery(q="overdrachtsbegeleiding")).hits[0]
    assert (hit.type, hit.url, hit.phase) == (
        "phase",
        "/methodiek/fasen/overdrachtsbegeleiding/",
        "overdrachtsbegeleiding",
    )
    phase.limits = "Nooit meer dan twee keer een warme overdracht."
    phase.save()
    assert service.search(AnonymousUser(), SearchQuery(q="warme overdracht")).hits[0].url == phase.get_absolute_url()
    Technique.objects.create(
        name="Meerzijdige partijdigheid", slug="meerzijdige-partijdigheid", summary="Voor beide ouders partij kiezen."
    )
    hit = service.search(AnonymousUser(), SearchQuery(q="meerzijdige partijdigheid")).hits[0]
    assert (hit.type, hit.url) == ("technique", "/methodiek/technieken/meerzijdige-partijdigheid/")
