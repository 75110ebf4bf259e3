"""Demo content of the core: groups' home page text, the 14 member organisations, one account per role."""

import os
import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from .models import HomePage, MemberProfile, MembershipApplication, Organisation

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

# role -> (local part, first name, last name, groups, superuser, profession, organisation)
ACCOUNTS = {
    "aanvrager": ("aanvrager", "Anouk", "de Vries", [], False, "Mediator", "Zelfstandig mediator"),
    "lid": ("lid", "Sanne", "Jansen", ["members"], False, "Jeugdhulpverlener", "Juzt"),
    "vereniging": ("vereniging", "Mehmet", "Yilmaz", ["members", "association"], False, "Omgangsbegeleider", "Lindenhout"),
    "moderator": ("moderator", "Ingrid", "Bakker", ["members", "Moderators"], False, "Gedragswetenschapper", "Altra"),
    "redacteur": ("redacteur", "Pieter", "Smit", ["members", "Editors"], False, "Redacteur", "Nederlands Jeugdinstituut"),
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
    context.users = _accounts(context, organisations)


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
            },
        )
        organisations[name] = organisation
    return organisations


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
                username=local, email=email, password=password, first_name=first, last_name=last,
                is_superuser=superuser, is_staff=superuser,
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
