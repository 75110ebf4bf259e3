"""A public relevance set: documents written for it (added to the demo content) and queries by kind.

Each query names the urls of which any one is a right answer. ``evaluate`` searches as a member (lid) through
``search.service`` and scores hit@3 (a right answer in the top three) and MRR (1 / rank of the first right answer).
The hidden set of issue 15 has the same kinds; tune to the kinds, never to one of these queries.
"""

import datetime

from django.conf import settings

from search.documents import SearchDocument

D = datetime.date
MEMBERS = f"group:{settings.MEMBERS_GROUP}"


DEFAULT_DATE = D(2025, 3, 1)


def _doc(key, type_, title, text, audience="public", tags=(), date=DEFAULT_DATE, url=None):
    return SearchDocument(
        type=type_,
        key=f"eval:{key}",
        title=title,
        text=text,
        url=url or f"/eval/{key}/",
        audience=audience,
        tags=list(tags),
        date=date,
    )


GUIDE = "/eval/handleiding-kinderbegeleiding/"
DOCS = [
    # A guide with chapters (they collapse under the guide)
    _doc(
        "gids",
        "guide",
        "Handleiding kinderbegeleiding",
        "De kinderbegeleiding loopt naast de oudergesprekken. Deze "
        "handleiding beschrijft de voorbereiding, de gesprekken met het kind en de terugkoppeling aan de ouders.",
        MEMBERS,
        ["kind"],
        url=GUIDE,
    ),
    _doc(
        "gids-voorbereiding",
        "guide",
        "Voorbereiding – Handleiding kinderbegeleiding",
        "Voor de eerste afspraak met het "
        "kind vraagt de kinderbegeleider beide ouders om toestemming en legt uit wat er met het verhaal van het kind "
        "gebeurt.",
        MEMBERS,
        url=GUIDE + "#voorbereiding",
    ),
    _doc(
        "gids-gesprekken",
        "guide",
        "Gesprekken met het kind – Handleiding kinderbegeleiding",
        "De kinderbegeleider "
        "voert drie gesprekken met het kind in een eigen ruimte, met tekeningen en een emotiekaart. Kinderen van "
        "gescheiden ouders vertellen vaak pas in het tweede gesprek wat hen bezighoudt.",
        MEMBERS,
        url=GUIDE + "#gesprekken-met-het-kind",
    ),
    _doc(
        "gids-terugkoppeling",
        "guide",
        "Terugkoppeling aan de ouders – Handleiding kinderbegeleiding",
        "Met toestemming "
        "van het kind koppelt de begeleider terug wat het kind nodig heeft. Ouders horen de boodschap samen.",
        MEMBERS,
        url=GUIDE + "#terugkoppeling-aan-de-ouders",
    ),
    _doc(
        "ouderschapsplan-lunch",
        "lunchsession",
        "Terugblik: samen een ouderschaps plan maken",
        "Zestig professionals "
        "bespraken hoe ouders met hulp een ouderschaps plan opstellen dat ze ook volhouden: zorgverdeling, vakanties, "
        "feestdagen en de kosten van de kinderen.",
        tags=["ouderschapsplan"],
    ),
    _doc(
        "school",
        "casus",
        "Ouders oneens over de schoolkeuze na een verhuizing",
        "Moeder verhuist naar Zwolle en wil "
        "een schoolwisseling voor de twee kinderen; vader wil dat ze op hun school blijven. De kinderen zijn tien en "
        "twaalf. Wie heeft ervaring met een schoolwisseling midden in het traject?",
        MEMBERS,
        ["school"],
    ),
    _doc(
        "raad",
        "casus",
        "Raad voor de Kinderbescherming start een onderzoek",
        "Na een melding doet de Raad voor de "
        "Kinderbescherming onderzoek naar het gezag. Moeten we ons traject stilleggen zolang het onderzoek loopt?",
        MEMBERS,
        ["onderzoek"],
    ),
    _doc(
        "cjg",
        "organisation",
        "Centrum voor Jeugd en Gezin Deventer",
        "Deventer. Het Centrum voor Jeugd en Gezin verwijst gescheiden ouders door naar Ouderschap Blijft.",
        tags=["Overijssel"],
    ),
    _doc(
        "mediation",
        "training",
        "Module 5: mediation voor hulpverleners",
        "In deze module oefent u de basis van "
        "mediation: belangen onder standpunten vinden, onderhandelen over de zorgverdeling en afspraken vastleggen.",
        MEMBERS,
        ["training"],
    ),
    _doc(
        "amhk",
        "guide",
        "Zorgen over veiligheid: wanneer schakelt u Veilig Thuis in?",
        "Bij vermoedens van huiselijk "
        "geweld of kindermishandeling overlegt u eerst met een collega en daarna met Veilig Thuis. Gebruik de "
        "meldcode en leg elke stap vast.",
        MEMBERS,
        ["veiligheid"],
    ),
    _doc(
        "consultatie",
        "lunchsession",
        "Collegiale consultatie bij vastgelopen zaken",
        "Twaalf hulpverleners brachten "
        "een vastgelopen zaak in en kregen in korte rondes vragen en adviezen van collega's.",
        MEMBERS,
        ["intervisie"],
    ),
    _doc(
        "komt-niet",
        "casus",
        "Vader komt steeds niet opdagen bij de omgang",
        "De vader zegt afspraken toe maar komt "
        "steeds niet. Het kind staat elke zaterdag klaar en is daarna verdrietig. Wat als een ouder steeds niet komt: "
        "stoppen we dan de begeleide omgang?",
        MEMBERS,
        ["omgang"],
    ),
    _doc(
        "grootouders",
        "guide",
        "Grootouders en het netwerk betrekken",
        "Grootouders kunnen een rol spelen in het "
        "traject: als steun voor het kind, bij de overdracht of als neutrale plek. Mogen grootouders meepraten? Alleen "
        "als beide ouders dat willen.",
        MEMBERS,
        ["netwerk"],
    ),
    _doc(
        "partner",
        "casus",
        "Nieuwe partner bemoeit zich met de overdracht",
        "De nieuwe partner van moeder staat bij "
        "elke overdracht mee aan de deur en begint een discussie met vader. Hoe bespreek je de rol van een nieuwe "
        "partner met beide ouders?",
        MEMBERS,
        ["overdracht"],
    ),
    _doc(
        "loyaliteit",
        "guide",
        "Loyaliteitsconflicten bij kinderen herkennen",
        "Een kind met een loyaliteitsconflict "
        "kiest zichtbaar geen kant, maar voelt zich verantwoordelijk voor het verdriet van een ouder. Signalen zijn "
        "buikpijn voor de omgang en een kind dat thuis niets vertelt.",
        MEMBERS,
        ["kind"],
    ),
    _doc(
        "verstoting",
        "lunchsession",
        "Terugblik: wanneer een kind een ouder afwijst",
        "Over ouderverstoting en "
        "contactweigering: hoe onderscheidt u een kind dat een ouder afwijst om eigen redenen van een kind dat klem zit "
        "tussen ouders?",
        tags=["ouderverstoting"],
    ),
    _doc(
        "vakantie",
        "casus",
        "Vakantieregeling in de zomer leidt tot ruzie",
        "Vader wil drie weken aaneengesloten op "
        "vakantie met de kinderen, moeder vindt dat te lang voor de jongste. De vakantieregeling in het ouderschapsplan "
        "is onduidelijk.",
        MEMBERS,
        ["vakantie"],
    ),
    _doc(
        "digitaal",
        "guide",
        "Digitaal contact tussen kind en ouder",
        "Beeldbellen en berichten kunnen het contact tussen "
        "het kind en de ouder bij wie het niet woont onderhouden, vooral bij grote afstand. Spreek vaste tijden af.",
        MEMBERS,
        ["contact"],
    ),
    _doc(
        "skj",
        "guide",
        "Registratie en herregistratie",
        "Hulpverleners die de methodiek uitvoeren staan geregistreerd in "
        "het Kwaliteitsregister Jeugd. Voor herregistratie telt de basistraining mee.",
        MEMBERS,
        ["registratie"],
    ),
    _doc(
        "zorgregeling",
        "guide",
        "Een zorgregeling die past bij de leeftijd",
        "Hoe jonger het kind, hoe korter en "
        "vaker de momenten bij elke ouder. Een zorgregeling voor een baby ziet er anders uit dan voor een puber.",
        MEMBERS,
        ["omgang"],
    ),
    _doc(
        "huisbezoek",
        "casus",
        "Huisbezoek bij moeder geweigerd",
        "Moeder weigert een huisbezoek, terwijl we dat in het "
        "plan van aanpak hadden afgesproken. Hoe gaan jullie om met een ouder die de afspraken niet nakomt?",
        MEMBERS,
        ["plan van aanpak"],
    ),
    _doc(
        "tolk",
        "casus",
        "Gesprekken met een tolk",
        "Vader spreekt alleen Arabisch. We werken met een tolk via de "
        "telefoon; de gesprekken duren daardoor twee keer zo lang. Tips voor oudergesprekken met een tolk?",
        MEMBERS,
        ["oudergesprekken"],
    ),
    _doc(
        "wachtlijst",
        "lunchsession",
        "Terugblik: werken met een wachtlijst",
        "Hoe houdt u gezinnen op een wachtlijst "
        "in beeld? Deelnemers deelden hoe zij ouders tijdens het wachten een eerste gesprek en informatie bieden.",
        tags=["wachtlijst"],
    ),
    _doc(
        "gezag",
        "guide",
        "Gezag en informatieplicht na de scheiding",
        "Beide ouders houden na de scheiding meestal het "
        "gezamenlijk gezag. De ouder bij wie het kind woont heeft een informatieplicht over school en gezondheid.",
        MEMBERS,
        ["gezag"],
    ),
    # Short documents that used to outrank what a member wanted
    _doc("org-kind", "organisation", "Kindpraktijk Zuid", "Eindhoven. Kinderbegeleiding en kindgesprekken."),
    _doc("org-omgang", "organisation", "Omgangshuis Oost", "Enschede. Begeleide omgang in een omgangshuis."),
    _doc("bijeenkomst-deventer", "parent_meeting", "Ouderbijeenkomst Deventer", "Deventer. Voor gescheiden ouders."),
    _doc(
        "bijeenkomst-zwolle", "parent_meeting", "Ouderbijeenkomst Zwolle-Zuid", "Zwolle. Voor ouders na een scheiding."
    ),
]

EXACT, INFLECTION, COMPOUND, SYNONYM, PHRASE, TYPO, QUESTION = (
    "exact",
    "inflection",
    "compound",
    "synonym",
    "phrase",
    "typo",
    "question",
)
KINDS = (EXACT, INFLECTION, COMPOUND, SYNONYM, PHRASE, TYPO, QUESTION)


def _e(key):
    return "/eval/" + key + "/"


PHASE = "/methodiek/fasen/"
KIND_GUIDE = "/methodiek/werken-met-het-kind/"
UITVOERING = "/methodiek/handleiding-uitvoering/"
LUNCH_CONTACT = "/lunchsessies/nieuwe-werkwijze-contactverlies/"
CASUS_CONTACT = "/casussen/puber-weigert-contact-met-vader/"

# (kind, query, right answers)
QUERIES = [
    (EXACT, "kinderbegeleiding", {GUIDE}),
    (EXACT, "schoolwisseling", {_e("school")}),
    (EXACT, "contactverlies", {LUNCH_CONTACT, CASUS_CONTACT}),
    (EXACT, "loyaliteitsconflict", {_e("loyaliteit")}),
    (EXACT, "vakantieregeling", {_e("vakantie")}),
    (EXACT, "tolk", {_e("tolk")}),
    (EXACT, "wachtlijst", {_e("wachtlijst")}),
    (EXACT, "informatieplicht", {_e("gezag")}),
    (EXACT, "overdrachtsbegeleiding", {PHASE + "overdrachtsbegeleiding/"}),
    (INFLECTION, "loyaliteitsconflicten", {_e("loyaliteit")}),
    (INFLECTION, "schoolwisselingen", {_e("school")}),
    (INFLECTION, "tolken", {_e("tolk")}),
    (INFLECTION, "wachtlijsten", {_e("wachtlijst")}),
    (INFLECTION, "huisbezoeken", {_e("huisbezoek")}),
    (INFLECTION, "vakantieregelingen", {_e("vakantie")}),
    (INFLECTION, "grootouder", {_e("grootouders")}),
    (INFLECTION, "zorgregelingen", {_e("zorgregeling")}),
    (
        INFLECTION,
        "kindgesprekken",
        {
            KIND_GUIDE + "#het-kindgesprek",
            KIND_GUIDE,
            PHASE + "kindgesprek/",
            "/lunchsessies/kindgesprek-in-de-praktijk/",
        },
    ),
    (COMPOUND, "kinder begeleiding", {GUIDE}),
    (COMPOUND, "school wisseling", {_e("school")}),
    (COMPOUND, "ouderschapsplan maken", {_e("ouderschapsplan-lunch")}),
    (COMPOUND, "vakantie regeling", {_e("vakantie")}),
    (COMPOUND, "loyaliteits conflict", {_e("loyaliteit")}),
    (COMPOUND, "zorg regeling leeftijd", {_e("zorgregeling")}),
    (COMPOUND, "informatie plicht", {_e("gezag")}),
    (COMPOUND, "huis bezoek", {_e("huisbezoek")}),
    (COMPOUND, "wacht lijst", {_e("wachtlijst")}),
    (SYNONYM, "rvdk onderzoek", {_e("raad")}),
    (SYNONYM, "cjg deventer", {_e("cjg")}),
    (SYNONYM, "bemiddeling module", {_e("mediation")}),
    (SYNONYM, "amhk", {_e("amhk"), PHASE + "melding-jeugdteam-veilig-thuis/"}),
    (SYNONYM, "intervisie vastgelopen zaak", {_e("consultatie")}),
    (SYNONYM, "contactweigering", {_e("verstoting")}),
    (SYNONYM, "pva huisbezoek", {_e("huisbezoek")}),
    (SYNONYM, "skj herregistratie", {_e("skj")}),
    (SYNONYM, "afsprakenplan vakantie", {_e("vakantie")}),
    (
        PHRASE,
        '"ouderschap blijft"',
        {
            "/methodiek/in-vogelvlucht/",
            "/methodiek/module-kennismaken/",
            "/methodiek/in-vogelvlucht/#wanneer-bieden-we-ouderschap-blijft-aan",
            "/methodiek/in-vogelvlucht/#het-traject-in-het-kort",
        },
    ),
    (PHRASE, '"begeleide omgang"', {PHASE + "begeleide-omgang/", UITVOERING + "#begeleide-omgang-en-overdrachten"}),
    (PHRASE, '"nieuwe partner"', {_e("partner")}),
    (PHRASE, '"eigen ruimte"', {GUIDE + "#gesprekken-met-het-kind", GUIDE}),
    (PHRASE, '"gezamenlijk gezag"', {_e("gezag")}),
    (PHRASE, '"vaste tijden"', {_e("digitaal")}),
    (PHRASE, '"raad voor de kinderbescherming" onderzoek', {_e("raad")}),
    (PHRASE, '"plan van aanpak" huisbezoek', {_e("huisbezoek")}),
    (PHRASE, '"grote afstand"', {_e("digitaal")}),
    (TYPO, "kinderbegeleidng", {GUIDE}),
    (TYPO, "schoolwiseling", {_e("school")}),
    (TYPO, "loyaliteitsconflikt", {_e("loyaliteit")}),
    (TYPO, "vakantieregelnig", {_e("vakantie")}),
    (TYPO, "informatiepligt", {_e("gezag")}),
    (TYPO, "grootouderz", {_e("grootouders")}),
    (TYPO, "wachtlijts", {_e("wachtlijst")}),
    (TYPO, "overdrachtsbegeleiing", {PHASE + "overdrachtsbegeleiding/"}),
    (TYPO, "contactverlis", {LUNCH_CONTACT, CASUS_CONTACT}),
    (QUESTION, "wat als een ouder steeds niet komt", {_e("komt-niet")}),
    (QUESTION, "mogen grootouders meepraten", {_e("grootouders")}),
    (QUESTION, "hoe bespreek je de rol van een nieuwe partner", {_e("partner")}),
    (QUESTION, "wat doe ik als een ouder geen huisbezoek wil", {_e("huisbezoek")}),
    (QUESTION, "hoe lang mag een vakantie met de kinderen duren", {_e("vakantie")}),
    (QUESTION, "welke zorgregeling past bij een baby", {_e("zorgregeling")}),
    (QUESTION, "hoe houd je contact bij grote afstand", {_e("digitaal")}),
    (QUESTION, "wie moet de school informeren", {_e("gezag")}),
    (QUESTION, "wat doe je als een kind een ouder afwijst", {_e("verstoting"), CASUS_CONTACT}),
]


def evaluate(search):
    """``search(q)`` returns, per result in order, the urls it stands for (a collapsed chapter: its guide's too).

    Returns {kind: (hit@3, MRR, n)} with "overall", and the misses.
    """
    scores = {kind: [] for kind in KINDS}
    misses = []
    for kind, q, right in QUERIES:
        urls = search(q)
        rank = next((i + 1 for i, hit_urls in enumerate(urls) if hit_urls & right), None)
        scores[kind].append(rank)
        if not rank or rank > 3:
            misses.append((kind, q, rank, [sorted(hit_urls)[0] for hit_urls in urls[:3]]))
    table = {}
    overall = [r for kind_ranks in scores.values() for r in kind_ranks]
    for kind, ranks in [*scores.items(), ("overall", overall)]:
        table[kind] = (
            sum(1 for r in ranks if r and r <= 3) / len(ranks),
            sum(1 / r for r in ranks if r) / len(ranks),
            len(ranks),
        )
    return table, misses


def format_table(title, table) -> str:
    lines = [title, f"{'kind':<12} {'n':>3} {'hit@3':>6} {'MRR':>6}"]
    lines += [f"{kind:<12} {n:>3} {hit:>6.2f} {mrr:>6.2f}" for kind, (hit, mrr, n) in table.items()]
    return "\n".join(lines)
