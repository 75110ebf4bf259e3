from django.core.management.base import BaseCommand

from casuses.privacy import archive_old_casuses, retention_months


class Command(BaseCommand):
    help = "Archiveert casussen zonder activiteit langer dan CASUS_RETENTION_MONTHS (standaard 24) maanden."

    def handle(self, *args, **options):
        count = archive_old_casuses()
        self.stdout.write(f"{count} casus(sen) gearchiveerd (bewaartermijn {retention_months()} maanden).")
