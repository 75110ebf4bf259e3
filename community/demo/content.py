"""Demo content of the core: groups' home page text, the 14 member organisations, one account per role."""

import datetime
import os
import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from community.models import (
    HomePage,
    MemberProfile,
    MembershipApplication,
    Offer,
    Organisation,
    ParentMeeting,
    ParentMeetingPartner,
    Region,
)

DEMO_DOMAIN = "demo.kennisplein.example"

ORGANISATIONS = [
    ("Juzt", "Breda"),
    ("Jeugdformaat", "Den Haag"),
    ("Horizon", "Rotterdam"),
    ("Lindenhout", "Arnhem"),
    ("Jarabee", "Zwolle"),
    ("Youké", "Almelo"),
    ("Parlan", "Heerhugowaard"),
    ("Pactum", "Arnhem"),
    ("Kompaan en De Bocht", "Tilburg"),
    ("Combinatie Jeugdzorg", "Eindhoven"),
    ("De Wering", "Oss"),
    ("Kontext", ""),
    ("Stek Jeugdhulp", "Den Haag"),
    ("Altra", "Amsterdam"),
]

# Demo network data (illustrative, not the organisations' real records):
# name -> (region slugs, offer slugs, certified since as (year, month) or None)
NETWORK = {
    "Juzt": (["breda"], ["ouderschap-blijft", "begeleide-omgang", "overdrachtsbegeleiding"], (2016, 3)),
    "Jeugdformaat": (["den-haag"], ["ouderschap-blijft", "begeleide-omgang"], (2017, 9)),
    "Horizon": (["rotterdam"], ["ouderschap-blijft", "kinderen-uit-de-knel"], (2018, 1)),
    "Lindenhout": (
        ["arnhem", "ede", "nijmegen"],
        ["ouderschap-blijft", "parallel-solo-ouderschap", "begeleide-omgang", "ouderbijeenkomsten"],
        (2015, 11),
    ),
    "Jarabee": (["zwolle", "apeldoorn"], ["ouderschap-blijft", "begeleide-omgang"], (2017, 4)),
    "Youké": (["twente"], ["ouderschap-blijft", "overdrachtsbegeleiding"], (2019, 6)),
    "Parlan": (["alkmaar"], ["ouderschap-blijft", "begeleide-omgang"], (2018, 10)),
    "Pactum": (
        ["arnhem", "apeldoorn"],
        ["ouderschap-blijft", "parallel-solo-ouderschap", "begeleide-omgang"],
        (2016, 5),
    ),
    "Kompaan en De Bocht": (["tilburg"], ["ouderschap-blijft", "kinderen-uit-de-knel", "begeleide-omgang"], (2019, 2)),
    "Combinatie Jeugdzorg": (
        ["eindhoven"],
        ["ouderschap-blijft", "begeleide-omgang", "overdrachtsbegeleiding"],
        (2020, 9),
    ),
    "De Wering": (["den-bosch"], ["ouderschap-blijft", "begeleide-omgang"], (2021, 1)),
    "Kontext": ([], ["ouderschap-blijft"], None),
    "Stek Jeugdhulp": (["den-haag"], ["ouderschap-blijft", "parallel-solo-ouderschap"], None),
    "Altra": (["amsterdam"], ["ouderschap-blijft", "begeleide-omgang", "kinderen-uit-de-knel"], (2017, 1)),
}

# region slug -> (days from the first load, venue, address, presenters, expected attendance, partners)
PARENT_MEETINGS = [
    (
        "arnhem",
        12,
        "Stadhuis Arnhem, Raadzaal",
        "Koningstraat 38, Arnhem",
        "Saskia Gubbels en Annelies van der Veldt",
        55,
        [
            ("gemeente", "Gemeente Arnhem", "", "regelt de locatie"),
            ("raad", "Raad voor de Kinderbescherming, regio Gelderland", "", "nodigt ouders in onderzoek uit"),
            ("rechtbank", "Rechtbank Gelderland", "", "stuurt uitnodigingen bij verzoeken op tegenspraak"),
            ("jeugdhulp", "Lindenhout", "Lindenhout", "ontvangt ouders en beantwoordt vragen"),
        ],
    ),
    (
        "nijmegen",
        26,
        "Wijkcentrum De Biezantijn",
        "Nijmegen",
        "twee professionals van het Sociaal Wijkteam",
        40,
        [
            ("gemeente", "Gemeente Nijmegen", "", "regelt de locatie"),
            ("jeugdhulp", "Lindenhout", "Lindenhout", "ontvangt ouders"),
        ],
    ),
    (
        "utrecht",
        33,
        "Bibliotheek Neude",
        "Neude 11, Utrecht",
        "twee jeugdprofessionals uit Utrecht",
        45,
        [
            ("gemeente", "Gemeente Utrecht", "", "regelt de locatie"),
            ("wijkteam", "Buurtteams Jeugd en Gezin Utrecht", "", "centrale aanmelding"),
        ],
    ),
    (
        "zwolle",
        40,
        "Stadkantoor Zwolle",
        "Lübeckplein 2, Zwolle",
        "twee gezinscoaches",
        35,
        [
            ("gemeente", "Gemeente Zwolle", "", "regelt de locatie"),
            ("jeugdhulp", "Jarabee", "Jarabee", "ontvangt ouders en beantwoordt vragen"),
        ],
    ),
    (
        "tilburg",
        54,
        "Cultureel centrum, zaal 2",
        "Tilburg",
        "twee professionals van Kompaan en De Bocht",
        50,
        [
            ("jeugdhulp", "Kompaan en De Bocht", "Kompaan en De Bocht", "presentatie en ontvangst"),
            (
                "raad",
                "Raad voor de Kinderbescherming, regio Zuidwest-Nederland",
                "",
                "nodigt ouders op de wachtlijst uit",
            ),
        ],
    ),
]

# role -> (local part, first name, last name, groups, superuser, profession, organisation)
ACCOUNTS = {
    "aanvrager": ("aanvrager", "Anouk", "de Vries", [], False, "Mediator", "Zelfstandig mediator"),
    "lid": ("lid", "Sanne", "Jansen", ["members"], False, "Jeugdhulpverlener", "Juzt"),
    "vereniging": (
        "vereniging",
        "Mehmet",
        "Yilmaz",
        ["members", "association"],
        False,
        "Omgangsbegeleider",
        "Lindenhout",
    ),
    "moderator": ("moderator", "Ingrid", "Bakker", ["members", "Moderators"], False, "Gedragswetenschapper", "Altra"),
    "redacteur": (
        "redacteur",
        "Pieter",
        "Smit",
        ["members", "Editors"],
        False,
        "Redacteur",
        "Nederlands Jeugdinstituut",
    ),
    "beheerder": ("beheerder", "Fatima", "El Amrani", ["members"], True, "Beheerder", "Kennisplein Scheiding"),
}

HOME_BODY = (
    "<p>Kennisplein Scheiding is de plek waar professionals die scheidende ouders en hun kinderen helpen, "
    "blijven delen wat werkt. Hier komen twee gemeenschappen samen: de <b>Vereniging OKK Ouderschap Blijft</b>, "
    "veertien jeugdhulporganisaties die de methodiek Ouderschap Blijft voor omgangsbemiddeling en "
    "-begeleiding uitvoeren, en de groep <b>Scheiden zonder Schade</b>, ruim 1.000 jeugdhulpverleners, advocaten, "
    "gedragswetenschappers en mediators.</p>"
    "<p>Leden lezen de methodiek en het trainingsmateriaal, leggen geanonimiseerde casussen aan elkaar voor "
    "(&lsquo;hoe zouden jullie dit oppakken?&rsquo;) en ontmoeten elkaar in online lunchsessies.</p>"
)


@dataclass
class DemoContext:
    stdout: object
    users: dict = field(default_factory=dict)
    home: HomePage | None = None

    def say(self, message: str) -> None:
        self.stdout.write(message)


def load(context: DemoContext) -> None:
    context.home = _home_page()
    organisations = _organisations()
    _network(organisations)
    _parent_meetings(organisations)
    context.users = _accounts(context, organisations)
    _profiles(context.users)
    _colleagues(organisations)


def _home_page() -> HomePage:
    home = HomePage.objects.get()
    if not home.body:
        home.intro = "Het kennisplatform voor professionals die scheidende ouders en hun kinderen helpen."
        home.body = HOME_BODY
        home.save_revision().publish()
    return home


def _organisations() -> dict[str, Organisation]:
    organisations = {}
    for name, place in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "place": place,
                "description": f"{name} is lid van de Vereniging OKK Ouderschap Blijft en voert de methodiek "
                "Ouderschap Blijft uit voor omgangsbemiddeling en -begeleiding.",
                **_example_contact(name),
            },
        )
        organisations[name] = organisation
    return organisations


def _example_contact(name: str) -> dict:
    """Contact details that are clearly examples: the seeds give no organisation's contact data, and a
    demo must never show a real-looking person or number. Reserved .example domains, the usual example
    number 012-3456789, a team instead of a person."""
    domain = f"{slugify(name)}.example"
    return {
        "website": f"https://www.{domain}/",
        "phone": "012-3456789",
        "street_address": "Voorbeeldstraat 1",
        "postcode": "1234 AB",
        "contact_name": "Team aanmelding (voorbeeld)",
        "contact_email": f"aanmelding@{domain}",
    }


def _group(key: str) -> Group:
    names = {"members": settings.MEMBERS_GROUP, "association": settings.ASSOCIATION_GROUP}
    return Group.objects.get(name=names.get(key, key))


def _accounts(context: DemoContext, organisations: dict[str, Organisation]) -> dict:
    User = get_user_model()
    password = None
    users = {}
    for role, (local, first, last, groups, superuser, profession, organisation) in ACCOUNTS.items():
        email = f"{local}@{DEMO_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            password = password or _demo_password(context)
            user = User.objects.create_user(
                username=local,
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                is_superuser=superuser,
                is_staff=superuser,
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.set([_group(key) for key in groups])
        if role == "aanvrager":
            MembershipApplication.objects.get_or_create(
                user=user,
                defaults={
                    "profession": profession,
                    "organisation": organisation,
                    "motivation": "Ik begeleid als mediator ouders in complexe scheidingen en wil graag leren "
                    "van de ervaringen van collega's met omgangsbemiddeling.",
                },
            )
        else:
            MemberProfile.objects.update_or_create(
                user=user,
                defaults={
                    "profession": profession,
                    "organisation": organisations.get(organisation),
                    "organisation_name": "" if organisation in organisations else organisation,
                },
            )
        users[role] = user
    return users


def _demo_password(context: DemoContext) -> str:
    password = os.environ.get("DEMO_PASSWORD")
    if password:
        context.say("Demo-accounts gebruiken het wachtwoord uit DEMO_PASSWORD.")
        return password
    password = secrets.token_urlsafe(12)
    context.say(f"Demo-accounts aangemaakt. Wachtwoord (wordt maar één keer getoond): {password}")
    return password


def _network(organisations: dict[str, Organisation]) -> None:
    regions = {region.slug: region for region in Region.objects.all()}
    offers = {offer.slug: offer for offer in Offer.objects.all()}
    for name, (region_slugs, offer_slugs, certified) in NETWORK.items():
        organisation = organisations[name]
        organisation.regions.set([regions[slug] for slug in region_slugs if slug in regions])
        organisation.offers.set([offers[slug] for slug in offer_slugs if slug in offers])
        since = datetime.date(*certified, 1) if certified else None
        if organisation.certified_since != since:
            organisation.certified_since = since
            organisation.save(update_fields=["certified_since"])


def _parent_meetings(organisations: dict[str, Organisation]) -> None:
    """A few upcoming ouderbijeenkomsten; dates are set on the first load only (re-running changes nothing)."""
    today = timezone.localdate()
    for slug, days, venue, address, presenters, attendance, partners in PARENT_MEETINGS:
        region = Region.objects.filter(slug=slug).first()
        if region is None or ParentMeeting.objects.filter(region=region, venue=venue).exists():
            continue
        day = today + datetime.timedelta(days=days)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19, 30)))
        meeting = ParentMeeting.objects.create(
            region=region,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            venue=venue,
            address=address,
            presenters=presenters,
            expected_attendance=attendance,
            description="Een avond voor ouders in elke fase van een scheiding: even op een andere manier naar uw "
            "situatie kijken, met de beleving van uw kind voorop. U hoeft niets te vertellen over uw eigen situatie.",
            registration="Aanmelden via het regionale samenwerkingsverband scheiding of via uw hulpverlener.",
        )
        for order, (kind, name, organisation, role) in enumerate(partners):
            ParentMeetingPartner.objects.create(
                meeting=meeting,
                sort_order=order,
                kind=kind,
                name=name,
                role=role,
                organisation=organisations.get(organisation),
            )


# role -> (region slug, expertise, bio)
PROFILES = {
    "lid": (
        "breda",
        ["omgangsbemiddeling", "ouderschapsplan", "kindgesprek"],
        "Ik werk als jeugdhulpverlener bij Juzt in West-Brabant en begeleid ouders in het traject Ouderschap Blijft.",
    ),
    "vereniging": (
        "arnhem",
        ["begeleide omgang", "overdrachtsbegeleiding", "Omgangshuis"],
        "Omgangsbegeleider in het Omgangshuis van Lindenhout. Bel me gerust over overdrachten die vastlopen.",
    ),
    "moderator": (
        "amsterdam",
        ["vechtscheiding", "contactverlies", "intervisie"],
        "Gedragswetenschapper bij Altra, met een hart voor kinderen in complexe scheidingen.",
    ),
    "redacteur": ("utrecht", ["methodiek", "training"], "Redacteur van Kennisplein Scheiding bij het NJi."),
}

# Extra colleagues so that the member directory has something to find (they cannot log in).
COLLEAGUES = [
    (
        "noor.visser",
        "Noor",
        "Visser",
        "Advocaat familierecht",
        None,
        "Advocatenkantoor Visser",
        "utrecht",
        ["ouderschapsplan", "gezag en omgang"],
        "Familierechtadvocaat, vaak betrokken bij verzoeken op tegenspraak.",
    ),
    (
        "joost.dekker",
        "Joost",
        "Dekker",
        "Mediator",
        None,
        "Dekker Mediation",
        "zwolle",
        ["mediation", "ouderschapsplan"],
        "MfN-registermediator voor scheidende ouders in IJsselland.",
    ),
    (
        "esther.mulder",
        "Esther",
        "Mulder",
        "Gedragswetenschapper",
        "Jarabee",
        "",
        "zwolle",
        ["interactie-observatie", "kindgesprek", "vechtscheiding"],
        "Gedragswetenschapper en werkbegeleider bij Jarabee.",
    ),
    (
        "sevda.kaya",
        "Sevda",
        "Kaya",
        "Jeugdhulpverlener",
        "Jeugdformaat",
        "",
        "den-haag",
        ["omgangsbemiddeling", "cultuursensitief werken"],
        "Ik begeleid ouders in Den Haag, ook in het Turks.",
    ),
    (
        "bart.hendriks",
        "Bart",
        "Hendriks",
        "Raadsonderzoeker",
        None,
        "Raad voor de Kinderbescherming",
        "arnhem",
        ["raadsonderzoek", "ouderbijeenkomsten"],
        "Raadsonderzoeker in Gelderland, betrokken bij de ouderbijeenkomsten.",
    ),
    (
        "lotte.bos",
        "Lotte",
        "Bos",
        "Wijkteammedewerker",
        None,
        "Sociaal Wijkteam Nijmegen",
        "nijmegen",
        ["scheiding", "psycho-educatie"],
        "Wijkteammedewerker; ik verwijs ouders naar Ouderschap Blijft en de ouderbijeenkomsten.",
    ),
]


def _profiles(users: dict) -> None:
    regions = {region.slug: region for region in Region.objects.all()}
    for role, (region, expertise, bio) in PROFILES.items():
        profile = MemberProfile.objects.filter(user=users.get(role)).first()
        if profile is None:
            continue
        if profile.region_id is None and not profile.bio:
            profile.region = regions.get(region)
            profile.bio = bio
            profile.save()
            profile.expertise.set(expertise)


def _colleagues(organisations: dict[str, Organisation]) -> None:
    User = get_user_model()
    members = _group("members")
    regions = {region.slug: region for region in Region.objects.all()}
    for local, first, last, profession, organisation, organisation_name, region, expertise, bio in COLLEAGUES:
        email = f"{local}@{DEMO_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is not None:
            continue
        user = User.objects.create_user(username=local, email=email, first_name=first, last_name=last)
        user.set_unusable_password()
        user.save()
        user.groups.add(members)
        profile = MemberProfile.objects.create(
            user=user,
            profession=profession,
            organisation=organisations.get(organisation),
            organisation_name=organisation_name,
            region=regions.get(region),
            bio=bio,
        )
        profile.expertise.set(expertise)
