from django.core.management.base import BaseCommand
from tqdm import tqdm

from search import indexing


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op (in porties; de site blijft tijdens het bouwen gewoon zoeken)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk tonen.")

    def handle(self, *args, batch_size, no_progress, **options):
        total = indexing.total_to_index()
        with tqdm(total=total, unit="doc", desc="Zoekindex", disable=no_progress, file=self.stderr._out) as bar:
            outcome = indexing.rebuild(progress=bar.update, batch_size=batch_size)
        self.stdout.write(
            self.style.SUCCESS(
                f"Zoekindex opnieuw opgebouwd: {outcome['written']} documenten geschreven, "
                f"{outcome['removed']} verouderde verwijderd."
            )
        )
