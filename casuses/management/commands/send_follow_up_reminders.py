from django.core.management.base import BaseCommand

from casuses.conversation import send_follow_up_reminders
from casuses.tasks import send_follow_up_reminders_task


class Command(BaseCommand):
    help = (
        "Verstuurt de herinneringen 'Hoe is het afgelopen?' die inbrengers bij het afsluiten kozen en die nu aan "
        "de beurt zijn (idempotent: elke herinnering hooguit één keer). Dagelijks draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Als achtergrondtaak in de wachtrij zetten.")

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_follow_up_reminders_task.enqueue()
            self.stdout.write(f"Taak in de wachtrij gezet: {result.id}")
            return
        sent = send_follow_up_reminders()
        self.stdout.write(self.style.SUCCESS(f"{sent} herinnering(en) verstuurd."))
