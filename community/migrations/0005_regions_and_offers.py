"""The regions of the Ouderbijeenkomsten network and the kinds of help organisations offer, as data."""

from django.db import migrations

# slug, name, province, latitude, longitude, description
REGIONS = [
    ("arnhem", "Arnhem", "Gelderland", "51.98510", "5.89870",
     "Hier begonnen in 2015 de ouderbijeenkomsten, samen met de Raad voor de Kinderbescherming, de gemeente Arnhem, "
     "Humanitas, jeugdhulporganisaties en de Rechtbank Gelderland."),
    ("nijmegen", "Nijmegen", "Gelderland", "51.84260", "5.85280", "Rijk van Nijmegen."),
    ("apeldoorn", "Apeldoorn", "Gelderland", "52.21120", "5.96990", "Apeldoorn, Midden-IJssel en Oost-Veluwe."),
    ("ede", "Ede", "Gelderland", "52.04000", "5.66490", "Ede en de regio Foodvalley."),
    ("zwolle", "Zwolle", "Overijssel", "52.51680", "6.08300", "Zwolle en IJsselland."),
    ("twente", "Twente", "Overijssel", "52.26600", "6.79000", "Enschede, Almelo, Hengelo en de andere Twentse gemeenten."),
    ("utrecht", "Utrecht", "Utrecht", "52.09070", "5.12140", "Utrecht stad en Utrecht West."),
    ("amersfoort", "Amersfoort", "Utrecht", "52.15610", "5.38760", "Amersfoort en Eemland."),
    ("amsterdam", "Amsterdam", "Noord-Holland", "52.37030", "4.89520", "Amsterdam en Amstelland."),
    ("alkmaar", "Alkmaar", "Noord-Holland", "52.63240", "4.75340", "Noord-Holland Noord."),
    ("den-haag", "Den Haag", "Zuid-Holland", "52.07050", "4.30070", "Den Haag en Haaglanden."),
    ("rotterdam", "Rotterdam", "Zuid-Holland", "51.92250", "4.47920", "Rotterdam-Rijnmond."),
    ("breda", "Breda", "Noord-Brabant", "51.58900", "4.77600", "West-Brabant."),
    ("tilburg", "Tilburg", "Noord-Brabant", "51.56060", "5.09130", "Hart van Brabant."),
    ("eindhoven", "Eindhoven", "Noord-Brabant", "51.44160", "5.46970", "Zuidoost-Brabant."),
    ("den-bosch", "'s-Hertogenbosch", "Noord-Brabant", "51.69780", "5.30370", "Noordoost-Brabant, met Oss."),
]

OFFERS = [
    ("ouderschap-blijft", "Ouderschap Blijft",
     "Omgangsbemiddeling en -begeleiding volgens de methodiek van de Vereniging OKK Ouderschap Blijft."),
    ("parallel-solo-ouderschap", "Parallel Solo Ouderschap",
     "Voor ouders die (nog) niet samen in gesprek kunnen: elke ouder werkt apart aan afspraken in het belang van het kind."),
    ("begeleide-omgang", "Begeleide omgang en bezoeken",
     "Begeleide bezoeken tussen kind en ouder in een Omgangshuis, ook als een kind uit huis is geplaatst."),
    ("overdrachtsbegeleiding", "Overdrachtsbegeleiding", "Begeleiding van de overdracht van het kind tussen de ouders."),
    ("kinderen-uit-de-knel", "Kinderen uit de Knel", "Groepsaanbod voor ouders en kinderen in een vechtscheiding."),
    ("ouderbijeenkomsten", "Ouderbijeenkomsten", "Regionale bijeenkomsten voor ouders in elke fase van een scheiding."),
]


def create(apps, schema_editor):
    Region = apps.get_model("community", "Region")
    Offer = apps.get_model("community", "Offer")
    for slug, name, province, latitude, longitude, description in REGIONS:
        Region.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "province": province, "latitude": latitude, "longitude": longitude,
                      "description": description},
        )
    for slug, name, description in OFFERS:
        Offer.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


def remove(apps, schema_editor):
    apps.get_model("community", "Region").objects.filter(slug__in=[r[0] for r in REGIONS]).delete()
    apps.get_model("community", "Offer").objects.filter(slug__in=[o[0] for o in OFFERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0004_network")]
    operations = [migrations.RunPython(create, remove)]
