from django.core.management.base import BaseCommand

from community.notify.digest import send_daily_digests
from community.notify.tasks import send_daily_digest


class Command(BaseCommand):
    help = "Verstuurt het dagelijkse overzicht van meldingen aan leden (idempotent: per lid hooguit één per dag)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Als achtergrondtaak in de wachtrij zetten.")

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_daily_digest.enqueue()
            self.stdout.write(f"Taak in de wachtrij gezet: {result.id}")
            return
        sent = send_daily_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} dagoverzicht(en) verstuurd."))
