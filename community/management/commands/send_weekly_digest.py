from django.core.management.base import BaseCommand

from community.notify.digest import send_weekly_digests


class Command(BaseCommand):
    help = "Verstuurt het wekelijkse overzicht aan leden (idempotent: per lid hooguit één per week)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Als achtergrondtaak in de wachtrij zetten.")

    def handle(self, *args, **options):
        if options["enqueue"]:
            from community.tasks import send_weekly_digest

            result = send_weekly_digest.enqueue()
            self.stdout.write(f"Taak in de wachtrij gezet: {result.id}")
            return
        sent = send_weekly_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} weekoverzicht(en) verstuurd."))
