"""Demo content: /lunchsessies/ with the two sessions of 2023 as recaps (source: seeds/003) and two
upcoming sessions with registrations, one of them full with a waiting list. Idempotent."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from methodology.models import Phase

from .models import LunchSeries, LunchSessionIndexPage, LunchSessionPage, LunchSessionSpeaker, Registration, Speaker

INDEX_INTRO = (
    "<p>In de online lunchsessies van de groep <b>Scheiden zonder Schade</b> praten professionals een uur lang "
    "over één onderwerp: een nieuwe werkwijze, een onderzoek of een lastige casus. Leden melden zich aan; "
    "na afloop vindt u hier de terugblik, de opname en de dia's.</p>"
)

SPEAKERS = {
    "harmke": ("Harmke Bergenhenegouwen", "Expert (complexe) scheidingen", "Nederlands Jeugdinstituut"),
    "wendy": ("Wendy van Vliet", "Medeorganisator groep Scheiden zonder Schade", "Kenniscentrum Kind en Scheiding"),
    "ingrid": ("Ingrid Bakker", "Gedragswetenschapper", "Altra"),
    "mehmet": ("Mehmet Yilmaz", "Omgangsbegeleider", "Lindenhout"),
}


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


ARCHIVE = [
    {
        "slug": "interventies-gezinnen-gescheiden-ouders",
        "title": "Interventies voor gezinnen met gescheiden ouders",
        "topic": "Welke interventies helpen gezinnen met gescheiden ouders, en wanneer zet je welke in?",
        "teaser": "Negentig professionals vergeleken interventies voor gezinnen met gescheiden ouders: van "
        "omgangsbemiddeling tot begeleide omgang.",
        "day": datetime.date(2023, 6, 28),
        "attendees": 90,
        "speakers": ["harmke", "wendy"],
        "tags": ["interventies", "omgangsbemiddeling", "complexe scheiding"],
        "phase_hint": "omgang",
        "recap": [
            (
                "summary",
                "<p>Op 28 juni 2023 kwamen 90 professionals online samen om verschillende interventies voor "
                "gezinnen met gescheiden ouders te bespreken. Jeugdhulpverleners, advocaten, "
                "gedragswetenschappers en mediators deelden welke aanpak zij kiezen als ouders er samen niet "
                "uitkomen, en wat ze nodig hebben van elkaar.</p>"
                "<p>Een rode draad: bij complexe scheidingen zijn vaak veel professionals betrokken, van "
                "financieel en juridisch tot psychosociaal. Juist daarom helpt het om van elkaars aanbod te "
                "weten, zodat ouders niet van loket naar loket gaan.</p>",
            ),
            (
                "key_points",
                {
                    "heading": "Belangrijkste punten",
                    "points": [
                        "Omgangsbemiddeling en -begeleiding volgens Ouderschap Blijft verbinden lichte hulp (CJG, "
                        "wijkteam) met zwaardere hulp na een uitspraak van de rechter.",
                        "Het belang van het kind en zijn recht op omgang met beide ouders staan centraal.",
                        "Begin met een intake met beide ouders apart en een kindgesprek zonder ouders erbij.",
                        "Kennis (NJi) en praktijk (Kenniscentrum Kind en Scheiding) samenbrengen maakt het aanbod "
                        "sterker.",
                    ],
                },
            ),
            (
                "chat_question",
                {
                    "question": "Wanneer verwijs je door naar begeleide omgang in plaats van bemiddeling?",
                    "answer": "<p>Als er (nog) geen lopende omgangsregeling is of het contact tussen kind en "
                    "ouder moet worden opgebouwd. Dan start de omgang in het Omgangshuis met maximaal vier keer "
                    "begeleide omgang en daarna twee keer overdrachtsbegeleiding.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": "We hebben elkaar hard nodig om aan te vullen waar de behoeftes liggen.",
                    "attribution": "Wendy van Vliet, Kenniscentrum Kind en Scheiding",
                },
            ),
        ],
        "transcript": "Welkom allemaal bij de lunchsessie van Scheiden zonder Schade. Vandaag bespreken we "
        "interventies voor gezinnen met gescheiden ouders. We beginnen met omgangsbemiddeling volgens de "
        "methodiek Ouderschap Blijft: een intake met beide ouders apart, een kindgesprek, en daarna een Plan "
        "van Aanpak met de maximale duur van het traject.",
    },
    {
        "slug": "nieuwe-werkwijze-contactverlies",
        "title": "Een nieuwe werkwijze bij contactverlies na een complexe scheiding",
        "topic": "Niet de strijd tussen ouders, maar het gezamenlijke doel: het belang van het kind.",
        "teaser": "120 professionals bespraken een nieuwe werkwijze bij contactverlies na een complexe scheiding.",
        "day": datetime.date(2023, 11, 29),
        "attendees": 120,
        "speakers": ["harmke"],
        "tags": ["contactverlies", "complexe scheiding", "duurzaam samenwerken"],
        "phase_hint": "omgang",
        "recap": [
            (
                "summary",
                "<p>Op 29 november 2023 bespraken 120 professionals een nieuwe werkwijze bij contactverlies na "
                "een complexe scheiding. De werkwijze is eigenlijk een nieuwe visie: ze focust niet op de strijd "
                "tussen de ouders, maar op het gezamenlijke doel, het belang van het kind.</p>"
                "<p>De kernvraag aan ouders: hoe zou je je kind het liefst willen zien als het 25 jaar is? Wat "
                "heb je dan willen meegeven? Het antwoord is bijna altijd hetzelfde voor beide ouders, ook als "
                "ze het over veel andere dingen niet eens zijn. Daar kun je naartoe werken.</p>",
            ),
            (
                "key_points",
                {
                    "heading": "Belangrijkste punten",
                    "points": [
                        "Ouders blijven na de scheiding collega-ouders; de vraag is hoe je dat goed en duurzaam doet.",
                        "Verleg de aandacht van het conflict naar het gezamenlijke doel: het belang van het kind.",
                        "Vraag ouders hoe zij hun kind als jongvolwassene willen zien; die wens delen ze bijna altijd.",
                        "De kansrijke elementen worden de komende twee jaar onderzocht binnen Duurzaam samenwerken "
                        "na scheiding, een pijler van het programma Scheiden zonder Schade – Een goed begin.",
                    ],
                },
            ),
            (
                "chat_question",
                {
                    "question": "Wat doe je als een ouder het gesprek over het gezamenlijke doel blijft afwijzen?",
                    "answer": "<p>Blijf terugkomen op de wens voor het kind, in eigen woorden van de ouder. Het "
                    "gaat niet om het eens worden over het verleden, maar om wat beide ouders hun kind willen "
                    "meegeven.</p>",
                },
            ),
            (
                "quote",
                {
                    "quote": "Je blijft toch na de scheiding collega-ouders. Hoe doe je dat op een goede, duurzame manier?",
                    "attribution": "Harmke Bergenhenegouwen, NJi",
                },
            ),
            (
                "quote",
                {
                    "quote": "Ze willen dat hun kind een prettig persoon wordt, die goed in zijn vel zit.",
                    "attribution": "Harmke Bergenhenegouwen, NJi",
                },
            ),
        ],
        "transcript": "Vandaag gaat het over contactverlies na een complexe scheiding. De werkwijze die we "
        "presenteren is eigenlijk een nieuwe visie. Die focust niet op de strijd tussen de ouders, maar op het "
        "gezamenlijke doel: het belang van het kind. Hoe zou je je kind het liefst willen zien als die 25 jaar "
        "is? Wat heb je dan willen meegeven?",
    },
]

UPCOMING = [
    {
        "slug": "kindgesprek-in-de-praktijk",
        "title": "Het kindgesprek in de praktijk",
        "topic": "Hoe geef je de stem van het kind een plek in omgangsbemiddeling, zonder het kind te belasten?",
        "teaser": "Twee omgangsbegeleiders laten zien hoe zij het kindgesprek voeren en wat ze met de uitkomst doen.",
        "description": "<p>In Ouderschap Blijft volgt na de intake met beide ouders een kindgesprek, zonder dat een "
        "van de ouders aanwezig is. Is het kind daarvoor te klein, dan start het traject met een "
        "interactie-observatie in het Omgangshuis.</p><p>In deze lunchsessie laten Mehmet Yilmaz en Ingrid Bakker "
        "zien hoe zij het gesprek opbouwen, hoe ze het kind vertellen wat er met zijn woorden gebeurt, en hoe de "
        "uitkomst in het Plan van Aanpak terechtkomt. Neem gerust uw eigen vragen mee.</p>",
        "days": 10,
        "capacity": 120,
        "speakers": ["mehmet", "ingrid"],
        "tags": ["kindgesprek", "omgangsbemiddeling"],
        "phase_hint": "kindgesprek",
        "members_only": False,
        "registered": ["lid", "vereniging"],
        "waitlisted": [],
    },
    {
        "slug": "intervisielunch-overdrachtsbegeleiding",
        "title": "Intervisielunch: vastgelopen overdrachten",
        "topic": "Intervisie in een kleine groep over casussen waarin de overdrachtsbegeleiding vastloopt.",
        "teaser": "Een intervisielunch in een kleine groep: leden brengen een geanonimiseerde casus in over "
        "overdrachtsbegeleiding.",
        "description": "<p>Na maximaal vier keer begeleide omgang volgen in Ouderschap Blijft hooguit twee "
        "overdrachtsbegeleidingen. Wat doet u als de overdracht dan nog steeds niet lukt? In deze intervisielunch "
        "bespreken we in een kleine groep twee ingebrachte casussen volgens een vaste intervisiemethode.</p>"
        "<p>Om goed te kunnen praten is het aantal plaatsen beperkt. Is de sessie vol, dan kunt u zich op de "
        "wachtlijst zetten.</p>",
        "days": 24,
        "capacity": 4,
        "speakers": ["ingrid"],
        "tags": ["intervisie", "overdrachtsbegeleiding"],
        "phase_hint": "overdracht",
        "members_only": True,
        "registered": ["lid", "vereniging", "moderator", "redacteur"],
        "waitlisted": ["beheerder"],
    },
]


def load(context) -> None:
    index = _index(context.home)
    speakers = {key: _speaker(*values) for key, values in SPEAKERS.items()}
    for item in ARCHIVE:
        _session(index, item, speakers, start=_at(item["day"], 12, 0), end=_at(item["day"], 13, 0))
    today = timezone.localdate()
    for item in UPCOMING:
        day = today + datetime.timedelta(days=item["days"])
        session = _session(index, item, speakers, start=_at(day, 12, 15), end=_at(day, 13, 15))
        if item["members_only"] and not PageViewRestriction.objects.filter(page=session).exists():
            restriction = PageViewRestriction.objects.create(page=session, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([Group.objects.get(name=settings.MEMBERS_GROUP)])
        _registrations(context, session, item)


def _index(home) -> LunchSessionIndexPage:
    index = LunchSessionIndexPage.objects.filter(slug="lunchsessies").first()
    if index is None:
        index = LunchSessionIndexPage(title="Lunchsessies", slug="lunchsessies", intro=INDEX_INTRO)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _speaker(name, role, organisation) -> Speaker:
    speaker, _created = Speaker.objects.get_or_create(name=name, defaults={"role": role, "organisation": organisation})
    return speaker


def _series(title: str):
    """Sessions titled "Intervisielunch: …" form the demo's one series, for members to follow."""
    if not title.startswith("Intervisielunch"):
        return None
    return LunchSeries.objects.get_or_create(
        name="Intervisielunch", defaults={"description": "Samen een vastgelopen casus doordenken, elke maand."}
    )[0]


def _phase(hint: str):
    return Phase.objects.filter(name__icontains=hint).order_by("order").first() if hint else None


def _session(index, item, speakers, *, start, end) -> LunchSessionPage:
    session = LunchSessionPage.objects.filter(slug=item["slug"]).first()
    if session is not None:
        return session
    session = LunchSessionPage(
        title=item["title"],
        slug=item["slug"],
        topic=item["topic"],
        teaser=item["teaser"],
        search_description=item["teaser"],
        description=item.get("description", ""),
        start=start,
        end=end,
        capacity=item.get("capacity", 150),
        meeting_url="https://vergaderen.kennisplein-scheiding.nl/lunchsessie" if "days" in item else "",
        attendees=item.get("attendees"),
        recap=item.get("recap", []),
        transcript=item.get("transcript", ""),
        phase=_phase(item.get("phase_hint", "")),
        series=_series(item["title"]),
    )
    index.add_child(instance=session)
    session.tags.set(item["tags"])
    for order, key in enumerate(item["speakers"]):
        session.speaker_links.add(LunchSessionSpeaker(speaker=speakers[key], sort_order=order))
    session.save_revision().publish()
    return session


def _registrations(context, session, item) -> None:
    base = timezone.now() - datetime.timedelta(days=2)
    for offset, role in enumerate(item["registered"] + item["waitlisted"]):
        user = context.users.get(role)
        if user is None:
            continue
        status = Registration.Status.REGISTERED if role in item["registered"] else Registration.Status.WAITLISTED
        Registration.objects.get_or_create(
            session=session,
            user=user,
            defaults={"status": status, "status_changed_at": base + datetime.timedelta(minutes=offset)},
        )
