"""Factories for the methodiek (factory_boy / wagtail-factories).

Pages need a parent: ``GuidePageFactory(parent=index)``. ``restrict(page, group_name)`` adds a
group view restriction (members: settings.MEMBERS_GROUP, Vereniging: settings.ASSOCIATION_GROUP).
"""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .models import GuidePage, MethodologyIndexPage, Phase, Technique, TrainingModulePage
from .pdf import text_pdf


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testfase {n}")
    slug = factory.Sequence(lambda n: f"testfase-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    summary = "Een fase om mee te testen."


class TechniqueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Technique
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Techniek {n}")
    slug = factory.Sequence(lambda n: f"techniek-{n}")
    summary = "Een gesprekstechniek."


class MethodologyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MethodologyIndexPage

    title = "Methodiek"
    slug = "methodiek"
    intro = "De methodiek Ouderschap Blijft."


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def phase_block(phase, note=""):
    return {"type": "phase", "value": {"phase": phase.pk, "note": note}}


def technique_block(technique, note=""):
    return {"type": "technique", "value": {"technique": technique.pk, "note": note}}


def document_block(document, description=""):
    return {"type": "document", "value": {"document": document.pk, "description": description}}


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Handleiding {n}")
    slug = factory.Sequence(lambda n: f"handleiding-{n}")
    teaser = "Een korte samenvatting die iedereen mag zien."
    intro = "Inleiding van de handleiding."
    body = factory.LazyFunction(
        lambda: [heading("Eerste hoofdstuk"), paragraph("<p>Geheime hoofdtekst van de handleiding.</p>")]
    )


class TrainingModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    teaser = "Een korte samenvatting van de module."
    intro = "Wat u in deze module leert."
    audiences = factory.LazyFunction(lambda: ["hulpverlener"])
    duration_hours = 3
    path_position = factory.Sequence(lambda n: n + 1)
    learning_goals = factory.LazyFunction(lambda: [{"type": "goal", "value": "Geheim leerdoel van de module"}])


def restrict(page, group_name):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=group_name)])
    return restriction


def collection(name, group_name=None, parent=None):
    parent = parent or Collection.get_first_root_node()
    child = parent.add_child(instance=Collection(name=name))
    if group_name:
        restriction = CollectionViewRestriction.objects.create(
            collection=child, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name=group_name)])
    return child


def document(title, in_collection, filename="werkmateriaal.pdf"):
    Document = get_document_model()
    doc = Document(title=title, collection=in_collection)
    doc.file.save(filename, ContentFile(text_pdf(title, ["Inhoud van het werkmateriaal."])), save=False)
    doc.save()
    return doc
