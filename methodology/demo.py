"""Demo content of the methodiek: the Ouderschap Blijft method from the seed texts, techniques,
guides, training modules and werkmaterialen. Idempotent: what exists (by slug or title) is left alone."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from community.core.permissions import grant_editors

from .models import GuidePage, MethodologyIndexPage, Phase, Technique, TrainingModulePage
from .pdf import text_pdf

INDEX_INTRO = (
    "Ouderschap Blijft is de methodiek voor omgangsbemiddeling en -begeleiding die het Nederlands Jeugdinstituut "
    "samen met jeugdhulpinstellingen ontwikkelde. Hier vindt u het traject fase voor fase, de handleidingen, de "
    "training en de werkmaterialen."
)


def _h(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _p(html):
    return {"type": "paragraph", "value": html}


def _phase(slug, note=""):
    return {"type": "phase", "value": {"phase": Phase.objects.get(slug=slug).pk, "note": note}}


def _technique(slug, note=""):
    return {"type": "technique", "value": {"technique": Technique.objects.get(slug=slug).pk, "note": note}}


def _callout(text, title="", kind="attention"):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


def _quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def _document(document, description=""):
    return {"type": "document", "value": {"document": document.pk, "description": description}}


def _table(caption, rows):
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {"first_row_is_table_header": True, "first_col_is_header": False, "data": rows},
        },
    }


INDEX_BODY = [
    _h("Wat is Ouderschap Blijft?"),
    _p(
        "<p>Omgangsbegeleiding is begeleide omgang met ouders en kinderen en bemiddeling tussen ouders bij "
        "scheiding. Het helpt ouders om onderlinge afspraken te maken over gedeeld ouderschap. Het belang van het "
        "kind en zijn recht op omgang met beide ouders staan daarbij centraal. In de contacten wordt gewerkt aan "
        "communicatieherstel tussen beide ouders en indien nodig aan contactherstel tussen de uitwonende ouder en "
        "het kind.</p>"
    ),
    _h("Van lichte naar zwaardere hulp"),
    _p(
        "<p>De methodische visie van Ouderschap Blijft verbindt lichte en zwaardere hulp. Zo ontstaat één "
        "professioneel model dat bruikbaar is bij aanbieders van jeugdhulp én in de vrij toegankelijke zorg van "
        "het Centrum voor Jeugd en Gezin of het wijkteam. De methodiek is bedoeld voor ouders die lichte hulp "
        "nodig hebben, maar ook voor ouders die begeleiding opgelegd kregen door de rechter of de "
        "jeugdbescherming.</p>"
    ),
    _h("Voor wie?"),
    _p(
        "<p>De methodiek is beschikbaar voor organisaties die te maken hebben met kinderen en ouders tijdens en na "
        "een echtscheiding: organisaties voor jeugd- en opvoedhulp, wijkteams, Centra voor Jeugd en Gezin en "
        "andere organisaties voor lokaal preventief jeugdbeleid, zoals algemeen maatschappelijk werk en "
        "jeugdgezondheidszorg. Organisaties die Ouderschap Blijft willen uitvoeren, worden lid van de Vereniging "
        "OKK Ouderschap Blijft.</p>"
    ),
    {
        "type": "video",
        "value": {
            "url": "https://www.ouderschapblijft.nl/",
            "title": "Hoe de methodiek in de praktijk wordt toegepast",
            "duration": "",
            "transcript": "Een video van de Vereniging OKK Ouderschap Blijft over de toepassing van de methodiek "
            "in het Omgangshuis: van intake tot terugkomafspraak.",
        },
    },
]

TECHNIQUES = [
    (
        "mediationtechnieken",
        "Mediationtechnieken",
        "Onpartijdig bemiddelen: belangen achter standpunten verkennen en ouders zelf tot afspraken laten komen.",
        "<p>De hulpverlener kiest geen partij. Hij of zij helpt ouders het met elkaar eens te worden door "
        "belangen achter standpunten te verkennen, samen te vatten en opties te laten bedenken. Soms neemt de "
        "hulpverlener wel een standpunt in, omdat dat het beste is voor het kind.</p>",
    ),
    (
        "oplossingsgericht-werken",
        "Oplossingsgericht werken",
        "Kijken naar wat al werkt en naar kleine stappen vooruit, in plaats van naar de schuldvraag.",
        "<p>Met schaalvragen, uitzonderingsvragen en de wondervraag richt de hulpverlener de aandacht op wat ouders "
        "willen bereiken voor hun kind. Een sterke vraag is: hoe wilt u uw kind zien als het 25 jaar is?</p>",
    ),
    (
        "motiverende-gespreksvoering",
        "Motiverende gespreksvoering",
        "Ambivalentie bespreekbaar maken en de eigen motivatie van ouders versterken.",
        "<p>Ouders die begeleiding opgelegd kregen, zijn niet altijd gemotiveerd. Met open vragen, reflecties en "
        "het uitlokken van verandertaal sluit de hulpverlener aan bij wat ouders zelf belangrijk vinden.</p>",
    ),
    (
        "netwerk-betrekken",
        "Netwerk betrekken",
        "Grootouders, nieuwe partners en andere belangrijke mensen rond het kind betrekken bij de afspraken.",
        "<p>Afspraken houden beter stand wanneer het netwerk ze steunt. De hulpverlener brengt in kaart wie "
        "belangrijk is voor het kind en wie kan helpen bij bijvoorbeeld overdrachten.</p>",
    ),
    (
        "psycho-educatie",
        "Psycho-educatie",
        "Ouders uitleggen wat een scheiding en een aanhoudend conflict met kinderen doen.",
        "<p>Kennis over loyaliteit, de ontwikkeling van kinderen en de gevolgen van ouderlijke strijd helpt ouders "
        "om de scheiding door de ogen van hun kind te zien.</p>",
    ),
]

DOCUMENTS = [
    # (collection key, title, filename, paragraphs)
    (
        "vereniging",
        "Samenwerkingsovereenkomst Ouderschap Blijft",
        "samenwerkingsovereenkomst.pdf",
        [
            "Deze overeenkomst wordt gesloten tussen beide ouders en het Omgangshuis na het kennismakingsgesprek.",
            "1. Doelen van het traject: ...",
            "2. Afspraken: beide ouders zijn bij alle bemiddelingsgesprekken aanwezig; er worden geen geluidsopnamen "
            "gemaakt; na elk gesprek ontvangen ouders een verslag.",
            "3. Duur: het traject duurt maximaal zoals vastgelegd in het Plan van Aanpak.",
            "Handtekening ouder 1: ____________    Handtekening ouder 2: ____________",
        ],
    ),
    (
        "vereniging",
        "Sjabloon gespreksverslag",
        "gespreksverslag.pdf",
        [
            "Datum gesprek: ______  Aanwezig: ______",
            "Wat is besproken:",
            "Welke afspraken zijn gemaakt:",
            "Wat bespreken we de volgende keer:",
        ],
    ),
    (
        "vereniging",
        "Sjabloon Plan van Aanpak",
        "plan-van-aanpak.pdf",
        [
            "Maximale duur van het traject: ______",
            "Voorstel omgang (maximaal 4x begeleide omgang, daarna maximaal 2x overdrachtsbegeleiding): ______",
            "Oudergesprekken en kinderbegeleiding: ______",
            "Huisregels en werkafspraken tussen ouders en Omgangshuis: ______",
        ],
    ),
    (
        "vereniging",
        "Evaluatieformulier voor ouders",
        "evaluatieformulier.pdf",
        [
            "Wat vond u van de begeleiding? Uw ervaringen helpen ons het aanbod te verbeteren.",
            "1. Hoe tevreden bent u over de gesprekken? (1-10)",
            "2. Zijn de afspraken over de kinderen duidelijker geworden?",
            "3. Wat zou u anders willen zien?",
        ],
    ),
    (
        "leden",
        "Checklist ouderschapsplan",
        "checklist-ouderschapsplan.pdf",
        [
            "Wettelijk verplichte onderdelen: verdeling van zorg- en opvoedingstaken of omgang; informatie en "
            "raadpleging over belangrijke onderwerpen; kosten van verzorging en opvoeding.",
            "Daarnaast: hoe zijn de kinderen betrokken? Hoe en wanneer evalueren ouders het plan?",
        ],
    ),
    (
        "ouders",
        "Folder Ouderschap Blijft voor ouders",
        "folder-ouders.pdf",
        [
            "Gaan jij en je partner uit elkaar? Het is belangrijk om goede afspraken te maken over de kinderen.",
            "Bij Ouderschap Blijft kijk je als ouders samen naar de beste manier om jullie kinderen op te voeden "
            "in de nieuwe situatie, onder begeleiding van een professional.",
        ],
    ),
]


def load(context) -> None:
    index = _index_page(context.home)
    techniques = _techniques()
    documents = _documents()
    guides = _guides(index, documents)
    modules = _modules(index, documents, techniques)
    context.methodology = {"index": index, "guides": guides, "modules": modules, "documents": documents}


def _index_page(home) -> MethodologyIndexPage:
    index = MethodologyIndexPage.objects.child_of(home).filter(slug="methodiek").first()
    if index is None:
        index = MethodologyIndexPage(title="Methodiek Ouderschap Blijft", slug="methodiek", intro=INDEX_INTRO)
        index.body = INDEX_BODY
        home.add_child(instance=index)
        index.save_revision().publish()
    grant_editors_publishing(index)
    return index


def grant_editors_publishing(index) -> None:
    """Redacteuren publish the methodiek (DESIGN.md): Editors may add, edit and publish under the index."""
    grant_editors(index)


def _techniques() -> dict:
    techniques = {}
    for slug, name, summary, description in TECHNIQUES:
        techniques[slug], _ = Technique.objects.get_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "description": description}
        )
    return techniques


def _collection(name, parent, group_name=None) -> Collection:
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(instance=Collection(name=name))
    if group_name and not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name=group_name)])
    return collection


def _documents() -> dict:
    root = Collection.get_first_root_node()
    materials = _collection("Werkmaterialen", root)
    collections = {
        "ouders": _collection("Voor ouders", materials),
        "leden": _collection("Voor leden", materials, settings.MEMBERS_GROUP),
        "vereniging": _collection("Vereniging", materials, settings.ASSOCIATION_GROUP),
    }
    Document = get_document_model()
    documents = {}
    for key, title, filename, paragraphs in DOCUMENTS:
        document = Document.objects.filter(title=title, collection=collections[key]).first()
        if document is None:
            document = Document(title=title, collection=collections[key])
            document.file.save(filename, ContentFile(text_pdf(title, paragraphs)), save=False)
            document.save()
        documents[filename.removesuffix(".pdf")] = document
    return documents


def _restrict(page, group_name) -> None:
    if group_name and not PageViewRestriction.objects.filter(page=page).exists():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name=group_name)])


def _add_page(index, page, group_name=None, tags=(), **relations):
    existing = type(page).objects.child_of(index).filter(slug=page.slug).first()
    if existing is not None:
        return existing
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    _restrict(page, group_name)
    return page


def _guides(index, documents) -> list:
    members, association = settings.MEMBERS_GROUP, settings.ASSOCIATION_GROUP
    guides = []
    guides.append(
        _add_page(
            index,
            GuidePage(
                title="Ouderschap Blijft in vogelvlucht",
                slug="in-vogelvlucht",
                teaser="Een korte kennismaking met de methodiek: voor wie ze bedoeld is, hoe we begeleiden en wat "
                "het oplevert.",
                intro="Voor wie de methodiek wil leren kennen: in tien minuten het hele traject, van intake tot "
                "terugkomafspraken.",
                last_reviewed=datetime.date(2025, 3, 1),
                reviewed_by="Marianne Berger, Nederlands Jeugdinstituut",
                body=[
                    _h("Wanneer bieden we Ouderschap Blijft aan?"),
                    _p(
                        "<ul><li>wanneer oudergesprekken met beide ouders samen in vrijwillig kader mogelijk "
                        "zijn;</li><li>wanneer ouders aan een ouderschapsplan of omgangsregeling willen "
                        "werken;</li><li>wanneer contactopbouw of -herstel tussen ouders en kinderen het doel van "
                        "beide ouders is.</li></ul>"
                    ),
                    _p(
                        "<p>Ook na een vechtscheiding kan Ouderschap Blijft passen, zolang beide ouders vrijwillig "
                        "meedoen en de veiligheid van het kind niet in het geding is.</p>"
                    ),
                    _h("Vanuit het kind"),
                    _p(
                        "<p>De omgangsregeling bekijken we vanuit de beleving en behoeften van het kind ten "
                        "aanzien van het contact met beide ouders, vanuit de mogelijkheden van elke ouder om "
                        "daarop aan te sluiten en vanuit de mogelijkheden tot respectvolle communicatie tussen "
                        "ouders onderling.</p>"
                    ),
                    _quote(
                        "Je blijft toch na de scheiding collega-ouders. Hoe doe je dat op een goede, duurzame manier?",
                        "Harmke Bergenhenegouwen, expert (complexe) scheidingen bij het NJi",
                    ),
                    _h("Het traject in het kort"),
                    _table(
                        "De fasen van Ouderschap Blijft",
                        [
                            ["Fase", "Wie", "Aantal"],
                            ["Intake", "Elke ouder apart", "2 gesprekken"],
                            ["Kindgesprek of interactie-observatie", "Het kind zonder ouders", "minimaal 1"],
                            ["Plan van Aanpak", "Omgangshuis en ouders", "1"],
                            ["Begeleide omgang", "Kind en uitwonende ouder", "maximaal 4"],
                            ["Overdrachtsbegeleiding", "Ouders en kind", "maximaal 2"],
                            ["Terugkomafspraken", "Ouders en kinderen", "4 in een half jaar"],
                        ],
                    ),
                    _h("Resultaat"),
                    _p(
                        "<p>Het traject is gemiddeld een half jaar intensief. Aan het eind daarvan hebben ouders "
                        "hun nieuwe afspraken vastgelegd in een ouderschapsplan. Daarna volgen in een half jaar "
                        "nog vier terugkomafspraken, waarin het ouderschapsplan kan worden aangepast aan de "
                        "ervaringen.</p>"
                    ),
                    _document(documents["folder-ouders"], "om mee te geven aan ouders"),
                ],
            ),
            tags=["ouderschapsplan", "omgangsregeling"],
        )
    )
    guides.append(
        _add_page(
            index,
            GuidePage(
                title="Handleiding uitvoering: van intake tot terugkomafspraken",
                slug="handleiding-uitvoering",
                teaser="De uitvoering fase voor fase: wie er meedoet, hoeveel bijeenkomsten er zijn en waar de "
                "grenzen liggen.",
                intro="Deze handleiding beschrijft per fase wat de hulpverlener doet, met welke technieken en met "
                "welke werkmaterialen.",
                last_reviewed=datetime.date(2025, 1, 15),
                reviewed_by="Werkgroep methodiekontwikkeling Vereniging OKK Ouderschap Blijft",
                body=[
                    _h("Intake met beide ouders apart"),
                    _phase("intake"),
                    _p(
                        "<p>In het kennismakingsgesprek bespreekt u de aanpak, de mogelijkheden en de grenzen van "
                        "Ouderschap Blijft. Spreek elke ouder apart, zodat ieder vrijuit kan vertellen. Daarna "
                        "maakt u met beide ouders een samenwerkingsovereenkomst met de doelen en afspraken.</p>"
                    ),
                    _technique("motiverende-gespreksvoering", "Sluit aan bij wat elke ouder zelf wil voor het kind."),
                    _callout(
                        "Begin pas met het traject als beide ouders de samenwerkingsovereenkomst hebben ondertekend.",
                    ),
                    _document(documents["samenwerkingsovereenkomst"]),
                    _h("Het kind aan het woord"),
                    _phase("kindgesprek"),
                    _p(
                        "<p>Spreek het kind zonder dat een van de ouders aanwezig is. Is het kind daarvoor echt te "
                        "klein, observeer dan de interactie tussen ouder(s) en kind in het Omgangshuis.</p>"
                    ),
                    _h("Plan van Aanpak"),
                    _phase("plan-van-aanpak"),
                    _p(
                        "<p>Leg in het Plan van Aanpak de maximale duur van het traject vast, met concrete "
                        "voorstellen voor omgang, oudergesprekken, kinderbegeleiding, de huisregels en de overige "
                        "werkafspraken.</p>"
                    ),
                    _document(documents["plan-van-aanpak"]),
                    _h("Begeleide omgang en overdrachten"),
                    _phase("begeleide-omgang"),
                    _phase("overdrachtsbegeleiding"),
                    _callout(
                        "Houd u aan de maxima: vier keer begeleide omgang en twee keer overdrachtsbegeleiding. "
                        "Daarna gaat de omgang verder zonder toezicht van het Omgangshuis.",
                        "Let op de grenzen",
                    ),
                    _h("Oudergesprekken"),
                    _phase("oudergesprekken"),
                    _technique("mediationtechnieken"),
                    _technique("oplossingsgericht-werken", "Vraag hoe ouders hun kind zien als het 25 jaar is."),
                    _p(
                        "<p>Maak na elk gesprek een verslag: wat is besproken, welke afspraken zijn gemaakt en "
                        "welke punten komen de volgende keer aan bod.</p>"
                    ),
                    _document(documents["gespreksverslag"]),
                    _h("Afronding en terugkomafspraken"),
                    _phase("omgang-zonder-toezicht"),
                    _phase("terugkomafspraken"),
                    _document(documents["checklist-ouderschapsplan"]),
                    _document(documents["evaluatieformulier"]),
                ],
            ),
            group_name=members,
            tags=["ouderschapsplan", "omgangsbegeleiding", "Omgangshuis"],
        )
    )
    guides.append(
        _add_page(
            index,
            GuidePage(
                title="Werken met het kind: kindgesprek en interactie-observatie",
                slug="werken-met-het-kind",
                teaser="Hoe u het kind een stem geeft in het traject, ook als het nog te jong is om te praten.",
                intro="Het belang van het kind en zijn recht op omgang met beide ouders staan centraal. Deze "
                "handleiding helpt u het kind te horen zonder het te belasten.",
                last_reviewed=datetime.date(2024, 11, 4),
                reviewed_by="Ingrid Bakker, gedragswetenschapper",
                body=[
                    _h("Voorbereiding"),
                    _phase("kindgesprek"),
                    _p(
                        "<p>Bespreek met beide ouders of en hoe het kind betrokken wordt bij beslissingen. Leg uit "
                        "dat het kind geen keuzes hoeft te maken en dat u ouders terugkoppelt wat het kind goed "
                        "vindt om te delen.</p>"
                    ),
                    _h("Het kindgesprek"),
                    _p(
                        "<p>Kies een rustige ruimte zonder ouders. Gebruik tekeningen, poppetjes of een "
                        "weekschema om het gesprek op gang te brengen. Let op signalen van een loyaliteitsconflict: "
                        "een kind dat niets over de andere ouder durft te vertellen, beschermt vaak een van beiden.</p>"
                    ),
                    _technique("psycho-educatie", "Leg in kindertaal uit wat er gebeurt als ouders uit elkaar gaan."),
                    _callout("Vraag een kind nooit te kiezen tussen zijn ouders.", kind="safety"),
                    _h("Interactie-observatie bij jonge kinderen"),
                    _p(
                        "<p>Is het kind te jong voor een gesprek, observeer dan ouder en kind samen in het "
                        "Omgangshuis: hoe maakt het kind contact, hoe stemt de ouder af op het kind?</p>"
                    ),
                ],
            ),
            group_name=members,
            tags=["kindgesprek", "jonge kinderen"],
        )
    )
    guides.append(
        _add_page(
            index,
            GuidePage(
                title="Als het niet lukt: melden bij Jeugdteam of Veilig Thuis",
                slug="melden-jeugdteam-veilig-thuis",
                teaser="Wanneer en hoe het Omgangshuis meldt dat ouders niet tot overeenstemming komen.",
                intro="Interne werkinstructie voor de organisaties van de Vereniging.",
                last_reviewed=datetime.date(2025, 2, 10),
                reviewed_by="Werkgroep kwaliteit Vereniging OKK Ouderschap Blijft",
                body=[
                    _h("Wanneer melden?"),
                    _phase("melding-jeugdteam-veilig-thuis"),
                    _p(
                        "<p>Lukt het ouders in maximaal het eerste half jaar niet om tot overeenstemming te komen "
                        "of tot een passende, zelfstandige omgangsregeling, dan meldt het Omgangshuis dit aan het "
                        "Jeugdteam en/of Veilig Thuis.</p>"
                    ),
                    _callout(
                        "Bij acute zorgen over de veiligheid van het kind wacht u niet tot het eind van het half "
                        "jaar: overleg direct met Veilig Thuis.",
                        "Veiligheid gaat voor",
                        kind="safety",
                    ),
                    _h("Hoe melden?"),
                    _p(
                        "<p>Bespreek de melding vooraf met beide ouders, tenzij dat de veiligheid van het kind of "
                        "van een ouder in gevaar brengt. Gebruik het verslag van de oudergesprekken en het Plan "
                        "van Aanpak als onderbouwing.</p>"
                    ),
                    _technique("netwerk-betrekken", "Ga na wie in het netwerk het kind kan steunen."),
                ],
            ),
            group_name=association,
            tags=["Veilig Thuis", "veiligheid"],
        )
    )
    return guides


def _modules(index, documents, techniques) -> list:
    members, association = settings.MEMBERS_GROUP, settings.ASSOCIATION_GROUP
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    modules = [
        _add_page(
            index,
            TrainingModulePage(
                title="Module 1: Kennismaken met Ouderschap Blijft",
                slug="module-kennismaken",
                teaser="Een open introductie op de methodiek voor wie overweegt ermee te gaan werken.",
                intro="In deze module leert u de visie, de doelgroep en de opbouw van het traject kennen.",
                audiences=["hulpverlener", "teamleider", "wijkteam"],
                duration_hours=2,
                path_position=1,
                learning_goals=[
                    {"type": "goal", "value": "de visie van Ouderschap Blijft uitleggen aan collega's en ouders"},
                    {"type": "goal", "value": "de fasen van het traject en hun grenzen benoemen"},
                    {"type": "goal", "value": "inschatten voor welke ouders de methodiek passend is"},
                ],
                materials=[
                    {"type": "document", "value": {"document": documents["folder-ouders"].pk, "description": ""}}
                ],
            ),
            tags=["training", "introductie"],
            phases=[phases["intake"], phases["plan-van-aanpak"]],
        ),
        _add_page(
            index,
            TrainingModulePage(
                title="Module 2: Basistraining omgangsbemiddeling en -begeleiding",
                slug="module-basistraining",
                teaser="De training voor hulpverleners die de methodiek gaan uitvoeren zoals die bedoeld is.",
                intro="Na deze training kunt u het traject Ouderschap Blijft zelfstandig uitvoeren, van intake tot "
                "terugkomafspraak.",
                audiences=["hulpverlener"],
                duration_hours=12,
                skj_points=12,
                path_position=2,
                prerequisites="Een afgeronde hbo-opleiding in het sociaal domein en SKJ-registratie.",
                learning_goals=[
                    {"type": "goal", "value": "een intake met elke ouder apart voeren"},
                    {"type": "goal", "value": "een Plan van Aanpak met maximale duur opstellen"},
                    {"type": "goal", "value": "begeleide omgang en overdrachtsbegeleiding binnen de maxima uitvoeren"},
                    {"type": "goal", "value": "oudergesprekken voeren met mediationtechnieken"},
                ],
                materials=[
                    {
                        "type": "document",
                        "value": {"document": documents["samenwerkingsovereenkomst"].pk, "description": ""},
                    },
                    {"type": "document", "value": {"document": documents["plan-van-aanpak"].pk, "description": ""}},
                    {"type": "document", "value": {"document": documents["gespreksverslag"].pk, "description": ""}},
                ],
            ),
            group_name=association,
            tags=["training", "omgangsbegeleiding"],
            phases=[
                phases[slug]
                for slug in (
                    "intake",
                    "plan-van-aanpak",
                    "begeleide-omgang",
                    "overdrachtsbegeleiding",
                    "oudergesprekken",
                )
            ],
            techniques=[techniques["mediationtechnieken"], techniques["motiverende-gespreksvoering"]],
        ),
        _add_page(
            index,
            TrainingModulePage(
                title="Module 3: Gespreksvoering met ouders in conflict",
                slug="module-gespreksvoering",
                teaser="Oplossingsgericht en motiverend werken met ouders die lijnrecht tegenover elkaar staan.",
                intro="Oefenen met de technieken die u in de oudergesprekken en terugkomafspraken nodig heeft.",
                audiences=["hulpverlener", "wijkteam"],
                duration_hours=6,
                skj_points=6,
                path_position=3,
                learning_goals=[
                    {"type": "goal", "value": "de-escaleren wanneer een oudergesprek vastloopt"},
                    {"type": "goal", "value": "oplossingsgerichte vragen stellen die ouders op het kind richten"},
                ],
            ),
            group_name=members,
            tags=["training", "gespreksvoering", "vechtscheiding"],
            phases=[phases["oudergesprekken"], phases["terugkomafspraken"]],
            techniques=[
                techniques["oplossingsgericht-werken"],
                techniques["motiverende-gespreksvoering"],
                techniques["psycho-educatie"],
            ],
        ),
        _add_page(
            index,
            TrainingModulePage(
                title="Module 4: Werkbegeleiding en gedragswetenschappelijke borging",
                slug="module-werkbegeleiding",
                teaser="Voor werkbegeleiders en gedragswetenschappers die de kwaliteit van de uitvoering bewaken.",
                intro="Hoe u hulpverleners begeleidt, casussen bespreekt en beslist over een melding.",
                audiences=["gedragswetenschapper", "werkbegeleider"],
                duration_hours=4,
                skj_points=4,
                path_position=4,
                prerequisites="Module 2 of ruime ervaring met omgangsbegeleiding.",
                learning_goals=[
                    {"type": "goal", "value": "casuïstiek bespreken aan de hand van de fasen en hun grenzen"},
                    {"type": "goal", "value": "samen met de hulpverlener besluiten over een melding bij Veilig Thuis"},
                ],
                materials=[
                    {"type": "document", "value": {"document": documents["evaluatieformulier"].pk, "description": ""}}
                ],
            ),
            group_name=association,
            tags=["training", "werkbegeleiding"],
            phases=[phases["melding-jeugdteam-veilig-thuis"]],
            techniques=[techniques["netwerk-betrekken"]],
        ),
    ]
    basis = modules[1]
    werkbegeleiding = modules[3]
    if not werkbegeleiding.prerequisite_modules.exists():
        werkbegeleiding.prerequisite_modules.set([basis])
        werkbegeleiding.save_revision().publish()
    return modules
