"""Demo casussen: realistic, properly anonymised, across phases and age bands, with reactions."""

import datetime

from django.utils import timezone

from methodology.models import Phase

from .models import Appreciation, CasusPage, Reaction, ensure_index

# Phase slugs issue 3 may use; the first that exists is taken, else the casus has no phase.
PHASES = {
    "intake": ["intake", "intakegesprekken", "intake-beide-ouders"],
    "kindgesprek": ["kindgesprek", "kindgesprek-of-interactie-observatie", "interactie-observatie"],
    "plan": ["plan-van-aanpak"],
    "omgang": ["begeleide-omgang", "omgangsbegeleiding"],
    "overdracht": ["overdrachtsbegeleiding"],
    "oudergesprekken": ["oudergesprekken", "oudergesprek"],
    "terugkom": ["terugkomafspraken", "terugkomafspraak", "nazorg"],
    "escalatie": ["melding-jeugdteam-veilig-thuis", "escalatie"],
}

CASUSES = [
    {
        "slug": "puber-weigert-contact-met-vader",
        "title": "Puber weigert contact met vader na verhuizing",
        "author": "lid",
        "age_band": "12-16",
        "phase": "kindgesprek",
        "tags": ["contactverlies", "pubers", "kindgesprek"],
        "days_ago": 3,
        "situation": "[KIND 1] is een jongen in de onderbouw van de middelbare school. Sinds [VADER] een half jaar "
        "geleden naar een andere regio is verhuisd, wil [KIND 1] niet meer naar hem toe. Volgens [MOEDER] "
        "stimuleert zij het contact, maar [KIND 1] zegt dat vader 'alleen maar over mama klaagt'. In het "
        "kindgesprek was hij open over zijn schoolvrienden en zijn sport, maar klapte hij dicht zodra het over "
        "vader ging. [VADER] voelt zich buitengesloten en dreigt met een nieuwe procedure.",
        "question": "Hoe zouden jullie het contact tussen vader en zoon weer op gang brengen zonder de jongen onder "
        "druk te zetten? Werken jullie in zo'n situatie eerst met vader alleen?",
        "reactions": [
            (
                "vereniging",
                "jeugdhulp",
                "Ik zou eerst met vader alleen een paar gesprekken voeren over wat zijn zoon "
                "nodig heeft. Pubers haken af als een ouder negatief praat over de andere ouder. Als vader dat echt "
                "begrijpt, kun je een kort, laagdrempelig contact voorstellen, bijvoorbeeld samen sporten.",
                True,
            ),
            (
                "moderator",
                "gedragswetenschappelijk",
                "Let op loyaliteit: de weigering is vaak een manier om de ruzie te "
                "ontlopen. Laat de jongen zelf meedenken over de vorm van het contact (appen, een wandeling) in plaats "
                "van over het 'of'.",
                False,
            ),
            (
                "beheerder",
                "juridisch",
                "Een nieuwe procedure lost dit zelden op; de rechter hoort een kind van deze "
                "leeftijd wel, maar een uitspraak dwingt geen band af. Het kan helpen dat aan vader uit te leggen.",
                False,
            ),
        ],
    },
    {
        "slug": "overdracht-loopt-steeds-uit-op-ruzie",
        "title": "Overdracht loopt steeds uit op ruzie bij de voordeur",
        "author": "vereniging",
        "age_band": "4-8",
        "phase": "overdracht",
        "tags": ["overdracht", "conflict"],
        "days_ago": 6,
        "situation": "Na vier keer begeleide omgang in het Omgangshuis zijn we gestart met overdrachtsbegeleiding. "
        "Bij de tweede overdracht ontstond een woordenwisseling tussen [MOEDER] en [VADER] op de stoep. "
        "[KIND 1], een meisje in groep 3, stond erbij en begon te huilen. Beide ouders geven de ander de schuld.",
        "question": "Gaan jullie in zo'n geval terug naar begeleide omgang, of organiseren jullie de overdracht anders, "
        "bijvoorbeeld via school of de opvang?",
        "reactions": [
            (
                "lid",
                "jeugdhulp",
                "Wij laten de overdracht dan tijdelijk via de buitenschoolse opvang lopen: ouders "
                "zien elkaar niet en het kind heeft een vast moment. Ondertussen gaan de oudergesprekken door.",
                True,
            ),
            (
                "moderator",
                "mediation",
                "Bespreek in een oudergesprek wat er precies gebeurde en maak heel concrete "
                "afspraken: wie staat waar, wie zegt wat, hoe lang. Een script klinkt kinderachtig maar werkt.",
                False,
            ),
        ],
    },
    {
        "slug": "peuter-heeft-vader-lang-niet-gezien",
        "title": "Peuter heeft vader lang niet gezien: hoe opbouwen?",
        "author": "moderator",
        "age_band": "0-4",
        "phase": "kindgesprek",
        "tags": ["interactie-observatie", "contactherstel", "jonge kinderen"],
        "days_ago": 10,
        "situation": "Een peuter heeft sinds de scheiding, ruim een jaar geleden, vader niet meer gezien. Een "
        "kindgesprek is niet mogelijk, dus we starten met een interactie-observatie in het Omgangshuis. [VADER] "
        "is gespannen en wil direct een weekendregeling. [MOEDER] wil eerst korte contacten onder begeleiding.",
        "question": "Hoe leggen jullie aan vader uit waarom opbouwen in kleine stappen in het belang van zijn kind is, "
        "zonder dat hij afhaakt?",
        "reactions": [
            (
                "vereniging",
                "gedragswetenschappelijk",
                "Psycho-educatie over hechting helpt: laat vader zien hoe een "
                "peuter na een lange pauze moet wennen. Bespreek de observatie samen, met wat goed ging voorop.",
                True,
            ),
            (
                "lid",
                "jeugdhulp",
                "Maak het opbouwschema zichtbaar op papier met data en duur, zodat vader ziet dat er "
                "een einddoel is. Dat haalt veel spanning weg.",
                False,
            ),
        ],
    },
    {
        "slug": "vader-werkt-in-wisselende-diensten",
        "title": "Vader werkt in wisselende diensten: vaste omgang lukt niet",
        "author": "lid",
        "age_band": "8-12",
        "phase": "plan",
        "tags": ["omgangsregeling", "werk", "ouderschapsplan"],
        "days_ago": 14,
        "situation": "In het Plan van Aanpak staat een omgang om het weekend. [VADER] werkt echter in een "
        "rooster met wisselende diensten en moet regelmatig ruilen. [MOEDER] ervaart dat als onbetrouwbaar en "
        "wil vaste dagen. De twee kinderen, beiden op de basisschool, vinden het vooral vervelend dat ze vaak "
        "pas op het laatste moment horen of ze gaan.",
        "question": "Hoe gaan jullie om met onregelmatige werktijden in een omgangsregeling? Werkt een flexibel "
        "schema met vaste afspraken over het doorgeven van wijzigingen?",
        "reactions": [
            (
                "moderator",
                "mediation",
                "Wij werken met een gedeelde kalender en de afspraak dat het rooster uiterlijk "
                "vier weken vooruit wordt doorgegeven. Wijzigingen daarna regelt de ouder die wil ruilen zelf.",
                True,
            ),
            (
                "beheerder",
                "financieel",
                "Denk ook aan de kosten: als vader vaak ruilt, verschuift de zorgverdeling en "
                "soms ook de kinderalimentatie. Dat vooraf benoemen voorkomt een tweede conflict.",
                False,
            ),
            (
                "vereniging",
                "jeugdhulp",
                "Vraag de kinderen wat voor hen voorspelbaarheid betekent. Vaak is een vaste "
                "doordeweekse avond belangrijker dan het weekend.",
                False,
            ),
        ],
    },
    {
        "slug": "moeder-met-lichte-verstandelijke-beperking",
        "title": "Omgang met moeder met een lichte verstandelijke beperking",
        "author": "vereniging",
        "age_band": "4-8",
        "phase": "omgang",
        "tags": ["LVB", "begeleide omgang", "visuele afspraken"],
        "days_ago": 21,
        "situation": "[MOEDER] heeft een lichte verstandelijke beperking en wil omgang met haar dochter, die sinds "
        "anderhalf jaar bij [VADER] woont. Vader is bang dat moeder afspraken vergeet of te laat komt. Tijdens de "
        "begeleide omgang is moeder liefdevol en het meisje geniet zichtbaar.",
        "question": "Welke aanpassingen in de methodiek werken bij ouders met een beperking? Wie heeft ervaring met "
        "visuele afspraken of een vaste begeleider?",
        "reactions": [
            (
                "lid",
                "jeugdhulp",
                "Wij gebruiken een kalender met pictogrammen en sturen moeder de dag ervoor een "
                "herinnering. Een vaste begeleider maakt echt verschil.",
                False,
            ),
            (
                "moderator",
                "gedragswetenschappelijk",
                "Betrek het netwerk van moeder: vaak is er iemand die kan helpen "
                "met plannen. Leg in het Plan van Aanpak vast wie dat is.",
                True,
            ),
        ],
    },
    {
        "slug": "huiselijk-geweld-in-het-verleden",
        "title": "Huiselijk geweld in het verleden: past Ouderschap Blijft nog?",
        "author": "moderator",
        "age_band": "8-12",
        "phase": "intake",
        "tags": ["veiligheid", "intake", "Veilig Thuis"],
        "days_ago": 30,
        "situation": "Bij de intake met beide ouders apart werd duidelijk dat er in het verleden sprake is geweest "
        "van huiselijk geweld. Er loopt geen melding bij Veilig Thuis. Beide ouders willen graag dat de kinderen "
        "hun vader blijven zien en zeggen dat het nu rustig is.",
        "question": "Hoe maken jullie de afweging tussen starten met Ouderschap Blijft en eerst doorverwijzen naar het "
        "Jeugdteam voor een veiligheidsplan? Welke signalen zijn voor jullie doorslaggevend?",
        "reactions": [
            (
                "vereniging",
                "jeugdhulp",
                "Wij gebruiken een korte veiligheidsscreening bij elke intake en overleggen "
                "bij twijfel altijd met Veilig Thuis (anoniem advies kan). Zonder veiligheidsplan starten wij niet.",
                True,
            ),
            (
                "beheerder",
                "juridisch",
                "Leg de afweging goed vast in het dossier; als het later misgaat is dat je "
                "onderbouwing. De meldcode geeft de stappen.",
                False,
            ),
        ],
    },
    {
        "slug": "zestienjarige-wil-zelf-kiezen",
        "conversation_format": "rounds",  # an intervisie in rounds, now in the advice round
        "current_round": 2,
        "title": "Bijna volwassen dochter wil zelf bepalen wanneer ze bij wie is",
        "author": "lid",
        "age_band": "16-18",
        "phase": "oudergesprekken",
        "tags": ["pubers", "ouderschapsplan", "inspraak"],
        "days_ago": 45,
        "situation": "[KIND 1] zit in de bovenbouw van de middelbare school en wil niet meer volgens een vast "
        "schema tussen haar ouders pendelen. [VADER] houdt vast aan het ouderschapsplan, [MOEDER] vindt dat haar "
        "dochter oud genoeg is om te kiezen. In de oudergesprekken draait het steeds om wie er gelijk heeft.",
        "question": "Hoe geven jullie een bijna-volwassene een stem zonder haar verantwoordelijk te maken voor de ruzie "
        "van haar ouders?",
        "reactions": [
            (
                "moderator",
                "mediation",
                "Laat haar een eigen voorstel schrijven en bespreek dat eerst met haar alleen. "
                "Daarna brengen jullie het samen in; ouders reageren op het voorstel, niet op elkaar.",
                True,
            ),
            (
                "vereniging",
                "gedragswetenschappelijk",
                "Maak onderscheid tussen inspraak en beslissen: zij mag haar "
                "wensen inbrengen, ouders blijven verantwoordelijk voor de afspraak.",
                False,
            ),
        ],
    },
    {
        "slug": "terugval-na-terugkomafspraken",
        "title": "Terugval na de terugkomafspraken door een nieuwe partner",
        "author": "vereniging",
        "age_band": "8-12",
        "phase": "terugkom",
        "tags": ["nieuwe partner", "terugkomafspraak", "nazorg"],
        "days_ago": 60,
        "closed": True,
        "follow_up": "Ik heb één extra gesprek aangeboden met beide ouders, zonder een nieuw traject te starten. We "
        "hebben de rol van de nieuwe partner bij de overdrachten concreet afgesproken: de partner blijft in de auto. "
        "Twee maanden later gaven ouders aan dat het rustig is; de kinderen gaan weer zonder spanning heen en weer.",
        "situation": "Na de vier terugkomafspraken dreigt een terugval: [MOEDER] heeft een nieuwe relatie en [VADER] "
        "voelt zich buitengesloten. De kinderen vertellen dat ze het gezellig vinden met [NIEUWE PARTNER], wat "
        "vader pijn doet. Het traject is formeel afgerond.",
        "question": "Hoe gaan jullie om met ouders die na afloop opnieuw aankloppen? Starten jullie een nieuw traject of "
        "bieden jullie een los gesprek aan?",
        "reactions": [
            (
                "lid",
                "jeugdhulp",
                "Wij bieden een los 'onderhoudsgesprek' aan. Een heel nieuw traject voelt voor ouders "
                "als falen, terwijl een nieuwe partner juist een voorspelbaar moment van spanning is.",
                True,
            ),
            (
                "moderator",
                "mediation",
                "Nodig de nieuwe partner niet meteen uit, maar bespreek wel met beide ouders "
                "welke rol die partner heeft bij de kinderen.",
                True,
            ),
        ],
    },
    {
        "slug": "reiskosten-omgang-niet-te-betalen",
        "title": "Vader kan de reiskosten voor de omgang niet betalen",
        "author": "moderator",
        "age_band": "12-16",
        "phase": "escalatie",
        "tags": ["financiën", "schulden", "omgangsregeling"],
        "days_ago": 75,
        "situation": "[VADER] heeft schulden en kan de reiskosten voor de omgang niet meer betalen. [MOEDER] wil niet "
        "meebetalen. Het kind ziet vader daardoor nog maar eens per maand en mist hem. Ouders komen er samen niet uit "
        "en we overwegen het Jeugdteam in te schakelen.",
        "question": "Kennen jullie regelingen of creatieve oplossingen voor reiskosten bij omgang?",
        "reactions": [
            (
                "beheerder",
                "financieel",
                "Vraag bij de gemeente naar bijzondere bijstand voor omgangskosten; veel "
                "gemeenten vergoeden reiskosten voor omgang. Schuldhulpverlening kan dat meenemen in het budget.",
                True,
            ),
            (
                "lid",
                "jeugdhulp",
                "Soms kan het kind een deel zelfstandig reizen met een jongeren-ov-abonnement, dat scheelt veel.",
                False,
            ),
        ],
    },
]


def _phase(key):
    for slug in PHASES.get(key, []):
        phase = Phase.objects.filter(slug=slug).first()
        if phase is not None:
            return phase
    return None


def _appreciate(casus, context) -> None:
    """Colleagues find the helpful reactions "bruikbaar" and every other one "herkenbaar" (never their own)."""
    for offset, reaction in enumerate(casus.reactions.order_by("created_at")):
        kind = Appreciation.Kind.USABLE if reaction.helpful else Appreciation.Kind.RECOGNISABLE
        if not reaction.helpful and offset % 2:
            continue
        for user in context.users.values():
            if user is not None and user.pk != reaction.author_id and user.groups.exists():
                Appreciation.objects.get_or_create(reaction=reaction, member=user, kind=kind)


def load(context) -> None:
    index = ensure_index(context.home)
    now = timezone.now()
    for item in CASUSES:
        author = context.users.get(item["author"])
        casus = CasusPage.objects.filter(slug=item["slug"]).first()
        if casus is None:
            casus = CasusPage(
                title=item["title"],
                slug=item["slug"],
                situation=item["situation"],
                question=item["question"],
                age_band=item["age_band"],
                phase=_phase(item["phase"]),
                author=author,
                owner=author,
                status=CasusPage.Status.CLOSED if item.get("closed") else CasusPage.Status.OPEN,
                follow_up=item.get("follow_up", ""),
                conversation_format=item.get("conversation_format", "free"),
                current_round=item.get("current_round", 1),
            )
            index.add_child(instance=casus)
            casus.tags.set(item["tags"])
            casus.save_revision(user=author).publish(user=author, skip_permission_checks=True)
            casus.refresh_from_db()
        posted = now - datetime.timedelta(days=item["days_ago"])
        for offset, (role, perspective, body, helpful) in enumerate(item["reactions"]):
            Reaction.objects.get_or_create(
                casus=casus,
                body=body,
                defaults={
                    "author": context.users.get(role),
                    "perspective": perspective,
                    "helpful": helpful,
                    "round": item.get("current_round"),
                    "created_at": posted + datetime.timedelta(hours=5 * (offset + 1)),
                },
            )
        _appreciate(casus, context)
        last = casus.reactions.order_by("-created_at").values_list("created_at", flat=True).first() or posted
        CasusPage.objects.filter(pk=casus.pk).update(
            first_published_at=posted,
            reaction_count=casus.reactions.filter(hidden=False).count(),
            last_activity_at=last,
            closed_at=last if item.get("closed") else None,
        )
