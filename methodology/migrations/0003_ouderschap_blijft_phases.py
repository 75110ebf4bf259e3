"""The phases of Ouderschap Blijft as data, in every environment (source: the methodiek description)."""

from django.db import migrations

PHASES = [
    {
        "slug": "intake",
        "name": "Intake met beide ouders apart",
        "order": 10,
        "kind": "step",
        "summary": "Het traject begint met een intakegesprek met elke ouder apart.",
        "goal": "Ieder verhaal horen, de hulpvraag en de veiligheid verkennen en nagaan of Ouderschap Blijft past: "
        "zijn gezamenlijke oudergesprekken in vrijwillig kader mogelijk en willen beide ouders werken aan een "
        "ouderschapsplan of omgangsregeling?",
        "participants": "Elke ouder apart, met de hulpverlener",
        "condition": "",
        "typical_sessions": 2,
        "max_sessions": None,
        "duration_weeks": None,
        "limits": "Ouders worden apart gesproken, zodat ieder vrijuit kan vertellen.\n"
        "Na de intake tekenen beide ouders de samenwerkingsovereenkomst met doelen en afspraken.",
    },
    {
        "slug": "kindgesprek",
        "name": "Kindgesprek of interactie-observatie",
        "order": 20,
        "kind": "step",
        "summary": "Het kind wordt gehoord zonder dat een van de ouders erbij is; is het kind daarvoor echt te "
        "klein, dan volgt een interactie-observatie in het Omgangshuis.",
        "goal": "De beleving en behoeften van het kind ten aanzien van het contact met beide ouders in beeld brengen.",
        "participants": "Het kind met de hulpverlener, zonder ouders; bij een jong kind ouder(s) en kind samen",
        "condition": "Interactie-observatie in plaats van een gesprek wanneer het kind te jong is om te praten",
        "typical_sessions": 1,
        "max_sessions": None,
        "duration_weeks": None,
        "limits": "Minimaal één gesprek met elk kind dat daar oud genoeg voor is.",
    },
    {
        "slug": "plan-van-aanpak",
        "name": "Plan van Aanpak",
        "order": 30,
        "kind": "step",
        "summary": "Het Omgangshuis stelt een Plan van Aanpak op met de maximale duur van het traject.",
        "goal": "Vastleggen wat er gaat gebeuren: concrete voorstellen voor omgang, oudergesprekken en "
        "kinderbegeleiding, de huisregels en de werkafspraken tussen ouders en Omgangshuis.",
        "participants": "Het Omgangshuis met beide ouders",
        "condition": "",
        "typical_sessions": 1,
        "max_sessions": None,
        "duration_weeks": 26,
        "limits": "Het plan noemt de maximale duur van het traject: gemiddeld een half jaar intensief.",
    },
    {
        "slug": "begeleide-omgang",
        "name": "Begeleide omgang",
        "order": 40,
        "kind": "step",
        "summary": "Zonder lopende omgangsregeling start de omgang in het Omgangshuis onder begeleiding.",
        "goal": "Het contact tussen kind en uitwonende ouder veilig opbouwen of herstellen.",
        "participants": "Het kind en de uitwonende ouder, met een omgangsbegeleider",
        "condition": "Wanneer er (nog) geen lopende omgangsregeling is",
        "typical_sessions": 4,
        "max_sessions": 4,
        "duration_weeks": None,
        "limits": "Maximaal vier keer begeleide omgang in het Omgangshuis.",
    },
    {
        "slug": "overdrachtsbegeleiding",
        "name": "Overdrachtsbegeleiding",
        "order": 50,
        "kind": "step",
        "summary": "Aansluitend begeleidt het Omgangshuis de overdracht van het kind tussen de ouders.",
        "goal": "Ouders leren de overdracht van het kind rustig en zelfstandig te doen.",
        "participants": "Beide ouders en het kind, met een omgangsbegeleider",
        "condition": "Na de begeleide omgang",
        "typical_sessions": 2,
        "max_sessions": 2,
        "duration_weeks": None,
        "limits": "Maximaal twee keer overdrachtsbegeleiding vanuit het Omgangshuis.",
    },
    {
        "slug": "omgang-zonder-toezicht",
        "name": "Omgang zonder toezicht en ouderschapsplan",
        "order": 60,
        "kind": "step",
        "summary": "De omgang gaat verder zonder toezicht van het Omgangshuis; aan het eind van het intensieve "
        "half jaar leggen ouders hun afspraken vast in een ouderschapsplan.",
        "goal": "Een passende, zelfstandige omgangsregeling en een ouderschapsplan dat beide ouders onderschrijven.",
        "participants": "Beide ouders en de kinderen; de hulpverlener op afstand",
        "condition": "",
        "typical_sessions": None,
        "max_sessions": None,
        "duration_weeks": 26,
        "limits": "Het intensieve deel van het traject duurt gemiddeld een half jaar.\n"
        "Na alle gesprekken ontvangen ouders een eindverslag met hun afspraken.",
    },
    {
        "slug": "terugkomafspraken",
        "name": "Terugkomafspraken",
        "order": 70,
        "kind": "step",
        "summary": "Na het intensieve half jaar volgen nog vier terugkomafspraken in een half jaar.",
        "goal": "Evalueren hoe de afspraken werken en het ouderschapsplan zo nodig aanpassen aan de opgedane ervaringen.",
        "participants": "Ouders en kinderen, met de hulpverlener",
        "condition": "",
        "typical_sessions": 4,
        "max_sessions": 4,
        "duration_weeks": 26,
        "limits": "Vier terugkomafspraken, verspreid over een half jaar.\n"
        "Bij de afsluiting vullen ouders een evaluatieformulier in.",
    },
    {
        "slug": "oudergesprekken",
        "name": "Oudergesprekken",
        "order": 35,
        "kind": "parallel",
        "summary": "Parallel aan de omgangsafspraken voeren ouders gezamenlijke gesprekken om de knelpunten "
        "tussen hen op te lossen.",
        "goal": "Communicatieherstel tussen de ouders: knelpunten oplossen en afspraken maken over het "
        "ouderschap in de nieuwe situatie.",
        "participants": "Beide ouders samen, met de hulpverlener als bemiddelaar",
        "condition": "Parallel aan de omgang, vanaf het Plan van Aanpak tot de afronding",
        "typical_sessions": 6,
        "max_sessions": None,
        "duration_weeks": 26,
        "limits": "Beide ouders zijn bij alle bemiddelingsgesprekken aanwezig; alleen met een goede reden is een "
        "één-op-één gesprek mogelijk.\nNa elk gesprek krijgen ouders een verslag. Geluidsopnamen zijn niet toegestaan.",
    },
    {
        "slug": "melding-jeugdteam-veilig-thuis",
        "name": "Melding bij Jeugdteam of Veilig Thuis",
        "order": 90,
        "kind": "escalation",
        "summary": "Lukt het ouders niet om tot overeenstemming te komen, dan meldt het Omgangshuis dit bij het "
        "Jeugdteam en/of Veilig Thuis.",
        "goal": "Zorgen dat het kind passende hulp of bescherming krijgt wanneer vrijwillige begeleiding niet volstaat.",
        "participants": "Het Omgangshuis; het Jeugdteam en/of Veilig Thuis",
        "condition": "Wanneer ouders binnen maximaal het eerste half jaar niet tot overeenstemming of tot een "
        "passende, zelfstandige omgangsregeling komen",
        "typical_sessions": None,
        "max_sessions": None,
        "duration_weeks": None,
        "limits": "De melding volgt uiterlijk aan het eind van het eerste half jaar. Bij acute zorgen over de "
        "veiligheid van het kind wordt niet gewacht.",
    },
]


def create_phases(apps, schema_editor):
    Phase = apps.get_model("methodology", "Phase")
    for data in PHASES:
        values = dict(data)
        slug = values.pop("slug")
        Phase.objects.update_or_create(slug=slug, defaults=values)


def remove_phases(apps, schema_editor):
    Phase = apps.get_model("methodology", "Phase")
    Phase.objects.filter(slug__in=[data["slug"] for data in PHASES]).delete()


class Migration(migrations.Migration):
    dependencies = [("methodology", "0002_process_techniques_pages")]

    operations = [migrations.RunPython(create_phases, remove_phases)]
