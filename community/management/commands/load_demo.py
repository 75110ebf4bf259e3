from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from community.demo.content import ACCOUNTS, DEMO_DOMAIN, DemoContext

# Each app may contribute demo content in its own `demo.py` with `load(context)`; order matters.
DEMO_APPS = ["community", "methodology", "casuses", "lunchsessions", "development", "search"]


class Command(BaseCommand):
    help = "Laadt realistische demo-inhoud (idempotent). Weigert te draaien met productie-instellingen."

    def handle(self, *args, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError(
                "load_demo draait niet met productie-instellingen: demo-accounts horen niet in productie."
            )
        context = DemoContext(stdout=self.stdout)
        for app in DEMO_APPS:
            if find_spec(f"{app}.demo") is None:
                continue
            with transaction.atomic():
                import_module(f"{app}.demo").load(context)
            self.stdout.write(f"  {app}: demo-inhoud geladen")
        accounts = ", ".join(f"{local}@{DEMO_DOMAIN}" for local, *_ in ACCOUNTS.values())
        self.stdout.write(self.style.SUCCESS(f"Demo-inhoud staat klaar. Accounts: {accounts}"))
