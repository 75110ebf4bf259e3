"""Constant queries per page, whatever the amount of content."""

import pytest
from django.conf import settings

from methodology.factories import (
    GuidePageFactory,
    TechniqueFactory,
    TrainingModulePageFactory,
    collection,
    document,
    document_block,
    heading,
    paragraph,
    phase_block,
    restrict,
    technique_block,
)
from methodology.models import Phase

pytestmark = pytest.mark.django_db


def _count(client, django_assert_max_num_queries, url, limit):
    client.get(url)  # warm the caches that fill once per process (content types, site root paths)
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_index_queries_do_not_grow_with_content(client_for, index_page, django_assert_max_num_queries):
    client = client_for("vereniging")
    restrict(GuidePageFactory(parent=index_page), settings.MEMBERS_GROUP)
    TrainingModulePageFactory(parent=index_page).tags.add("tag-a")
    few = _count(client, django_assert_max_num_queries, "/methodiek/", 40)
    for n in range(6):
        guide = GuidePageFactory(parent=index_page)
        guide.tags.add("tag-a", f"tag-{n}")
        guide.save()
        module = TrainingModulePageFactory(parent=index_page)
        if n % 2:
            restrict(guide, settings.MEMBERS_GROUP)
            restrict(module, settings.ASSOCIATION_GROUP)
    many = _count(client, django_assert_max_num_queries, "/methodiek/", 40)
    assert many == few


def _thirty_blocks(phases, techniques, documents):
    blocks = []
    for chapter in range(6):
        blocks += [
            heading(f"Hoofdstuk {chapter}"),
            phase_block(phases[chapter % len(phases)]),
            technique_block(techniques[chapter % len(techniques)]),
            paragraph("<p>Tekst van het hoofdstuk.</p>"),
            document_block(documents[chapter % len(documents)]),
        ]
    assert len(blocks) == 30
    return blocks


def test_guide_with_30_blocks_has_constant_queries(client_for, index_page, django_assert_max_num_queries):
    phases = list(Phase.objects.all())
    techniques = [TechniqueFactory() for _ in range(3)]
    documents = [
        document("Openbaar", collection("Openbaar"), "a.pdf"),
        document("Vereniging", collection("Vereniging", settings.ASSOCIATION_GROUP), "b.pdf"),
    ]
    small = GuidePageFactory(
        parent=index_page,
        body=[heading("Een"), phase_block(phases[0]), technique_block(techniques[0]), document_block(documents[0])],
    )
    large = GuidePageFactory(parent=index_page, body=_thirty_blocks(phases, techniques, documents))
    client = client_for("lid")
    small_count = _count(client, django_assert_max_num_queries, small.url, 40)
    large_count = _count(client, django_assert_max_num_queries, large.url, 40)
    assert large_count == small_count


def test_phase_page_queries_do_not_grow_with_content(client_for, index_page, django_assert_max_num_queries):
    intake = Phase.objects.get(slug="intake")
    client = client_for("vereniging")
    restrict(GuidePageFactory(parent=index_page, body=[heading("Intake"), phase_block(intake)]), settings.MEMBERS_GROUP)
    first_module = TrainingModulePageFactory(parent=index_page)
    first_module.phases.set([intake])
    first_module.tags.add("training")
    first_module.save()
    few = _count(client, django_assert_max_num_queries, "/methodiek/fasen/intake/", 30)
    for _ in range(5):
        GuidePageFactory(parent=index_page, body=[heading("Intake"), phase_block(intake)])
        module = TrainingModulePageFactory(parent=index_page)
        module.phases.set([intake])
        module.tags.add("training")
        module.save()
    many = _count(client, django_assert_max_num_queries, "/methodiek/fasen/intake/", 30)
    assert many == few
