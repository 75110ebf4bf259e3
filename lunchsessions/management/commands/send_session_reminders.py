from django.core.management.base import BaseCommand

from lunchsessions.reminders import send_session_reminders


class Command(BaseCommand):
    help = "Verstuurt de herinnering voor de lunchsessies van morgen (idempotent; dagelijks draaien)."

    def handle(self, *args, **options):
        sent = send_session_reminders()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
