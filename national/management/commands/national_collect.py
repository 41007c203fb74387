from django.core.management.base import BaseCommand, CommandError

from national.services import NationalInputError
from national.tasks import collection_start


class Command(BaseCommand):
    help = "Collect every LA's return for a term: one task per LA, run by the Celery workers."

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="The academic year, like 2025-26")
        parser.add_argument("--term", required=True, help="autumn, spring or summer")

    def handle(self, *args, year, term, **options):
        try:
            run = collection_start(academic_year=year, term=term)
        except NationalInputError as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Collecting the returns for the {run}: {run.results.count()} LAs")
