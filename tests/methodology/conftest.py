from types import SimpleNamespace

import pytest
from django.conf import settings

from methodology.factories import (
    GuidePageFactory,
    MethodologyIndexPageFactory,
    TrainingModulePageFactory,
    collection,
    document,
    document_block,
    heading,
    paragraph,
    phase_block,
    restrict,
)
from methodology.models import Phase


@pytest.fixture
def index_page(home_page):
    return MethodologyIndexPageFactory(parent=home_page)


@pytest.fixture
def methodiek(index_page):
    """A small methodiek: one guide and module per audience, and one document per audience."""
    materials = collection("Werkmaterialen")
    docs = SimpleNamespace(
        public=document("Folder voor ouders", collection("Voor ouders", parent=materials), "folder.pdf"),
        members=document(
            "Checklist ouderschapsplan", collection("Voor leden", settings.MEMBERS_GROUP, materials), "checklist.pdf"
        ),
        association=document(
            "Samenwerkingsovereenkomst",
            collection("Vereniging", settings.ASSOCIATION_GROUP, materials),
            "overeenkomst.pdf",
        ),
    )
    intake = Phase.objects.get(slug="intake")
    guides = SimpleNamespace(
        public=GuidePageFactory(parent=index_page, title="Openbare handleiding", slug="openbaar"),
        members=GuidePageFactory(
            parent=index_page,
            title="Handleiding voor leden",
            slug="leden",
            body=[
                heading("Intake"),
                phase_block(intake),
                paragraph("<p>Geheime hoofdtekst van de handleiding.</p>"),
                document_block(docs.association),
                document_block(docs.public),
            ],
        ),
        association=GuidePageFactory(parent=index_page, title="Handleiding voor de Vereniging", slug="vereniging"),
    )
    restrict(guides.members, settings.MEMBERS_GROUP)
    restrict(guides.association, settings.ASSOCIATION_GROUP)
    modules = SimpleNamespace(
        public=TrainingModulePageFactory(parent=index_page, title="Openbare module", slug="module-openbaar"),
        members=TrainingModulePageFactory(parent=index_page, title="Module voor leden", slug="module-leden"),
        association=TrainingModulePageFactory(
            parent=index_page, title="Module voor de Vereniging", slug="module-vereniging"
        ),
    )
    restrict(modules.members, settings.MEMBERS_GROUP)
    restrict(modules.association, settings.ASSOCIATION_GROUP)
    for module in (modules.public, modules.members, modules.association):
        module.phases.set([intake])
        module.save()
    return SimpleNamespace(index=index_page, guides=guides, modules=modules, documents=docs, intake=intake)
