"""The search adapters and the home page section."""

import pytest
from django.conf import settings

from community.core import access
from methodology.models import GuidePage, TrainingModulePage
from search.documents import adapter_for_model, adapters

pytestmark = pytest.mark.django_db


def test_adapters_are_registered():
    types = {adapter.type for adapter in adapters()}
    assert {"guide", "training"} <= types
    assert adapter_for_model(GuidePage).type == "guide"
    assert adapter_for_model(TrainingModulePage).type == "training"


def test_guide_documents_carry_audience_text_tags_and_phase(methodiek):
    adapter = adapter_for_model(GuidePage)
    guide = methodiek.guides.members
    overview, chapter = adapter.to_documents(guide)
    assert overview.key == f"page:{guide.pk}" and adapter.to_document(guide).key == overview.key
    assert overview.audience == chapter.audience == access.members_audience()
    assert "Intake" in overview.text and overview.phase == "intake"  # the chapter titles as table of contents
    assert overview.url == "/methodiek/leden/"
    assert chapter.key == f"page:{guide.pk}#intake" and chapter.url == "/methodiek/leden/#intake"
    assert "Geheime hoofdtekst" in chapter.text and "Geheime hoofdtekst" not in overview.text
    assert chapter.phase == "intake" and methodiek.intake.name in chapter.text
    assert adapter.to_document(methodiek.guides.public).audience == access.PUBLIC
    assert adapter.to_document(methodiek.guides.association).audience == access.association_audience()
    assert set(adapter.queryset()) == {methodiek.guides.public, methodiek.guides.members, methodiek.guides.association}


def test_training_documents(methodiek):
    adapter = adapter_for_model(TrainingModulePage)
    document = adapter.to_document(methodiek.modules.association)
    assert document.type == "training"
    assert document.audience == access.association_audience()
    assert "Geheim leerdoel" in document.text and "Hulpverlener" in document.text
    assert document.phase == "intake"


def test_unpublished_pages_are_not_indexed(methodiek):
    guide = methodiek.guides.public
    guide.unpublish()
    guide.refresh_from_db()
    assert adapter_for_model(GuidePage).to_document(guide) is None


def test_home_section_shows_only_visible_items(client_for, methodiek):
    anonymous = client_for("anonymous").get("/").content.decode()
    assert "Methodiek" in anonymous
    assert "Openbare handleiding" in anonymous
    assert "Handleiding voor de Vereniging" not in anonymous and "Module voor leden" not in anonymous
    association = client_for("vereniging").get("/").content.decode()
    assert "Module voor de Vereniging" in association or "Handleiding voor de Vereniging" in association


def test_demo_content_loads_and_is_idempotent(home_page):
    from io import StringIO

    from wagtail.documents import get_document_model

    from community.demo.content import DemoContext
    from methodology import demo
    from methodology.models import Technique

    context = DemoContext(stdout=StringIO(), home=home_page)
    demo.load(context)
    counts = (
        GuidePage.objects.count(),
        TrainingModulePage.objects.count(),
        Technique.objects.count(),
        get_document_model().objects.count(),
    )
    demo.load(context)
    assert counts == (
        GuidePage.objects.count(),
        TrainingModulePage.objects.count(),
        Technique.objects.count(),
        get_document_model().objects.count(),
    )
    assert counts[0] >= 3 and counts[1] >= 3 and counts[2] == 5
    audiences = {access.page_audience(page) for page in GuidePage.objects.all()} | {
        access.page_audience(page) for page in TrainingModulePage.objects.all()
    }
    assert audiences == {access.PUBLIC, access.members_audience(), access.association_audience()}
    restricted = get_document_model().objects.filter(collection__name="Vereniging")
    assert restricted.exists()
    assert all(access.collection_audience(doc.collection) == access.association_audience() for doc in restricted)
    assert settings.ASSOCIATION_GROUP in access.association_audience()


def test_phase_labels_are_read_once_and_an_edited_name_shows_at_once(django_assert_num_queries):
    from methodology.models import Phase

    phase_adapter = next(adapter for adapter in adapters() if adapter.type == "phase")
    assert phase_adapter.facet_labels("phase", ["intake", "onbekend"]) == {
        "intake": Phase.objects.get(slug="intake").name
    }
    with django_assert_num_queries(0):
        phase_adapter.facet_labels("phase", ["intake"])
    intake = Phase.objects.get(slug="intake")
    intake.name = "Intake met beide ouders apart"
    intake.save()  # public content changed: the content version moves
    assert phase_adapter.facet_labels("phase", ["intake"]) == {"intake": "Intake met beide ouders apart"}
    assert phase_adapter.facet_labels("tag", ["intake"]) == {}
