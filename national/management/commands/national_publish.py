from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from national.models import CollectionRun
from national.publication import publication_read
from national.writing import publication_write


class Command(BaseCommand):
    help = (
        "Write a term's tables as Explore Education Statistics files (each with its meta "
        "file), each checked against the EES file standards before it is offered."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="The academic year, like 2025-26")
        parser.add_argument("--term", required=True, help="autumn, spring or summer")
        parser.add_argument("--out", required=True, type=Path, help="The folder to write to")

    def handle(self, *args, year, term, out, **options):
        run = CollectionRun.objects.filter(academic_year=year, term=term).first()
        if run is None:
            raise CommandError(f"No returns have been collected for the {term} term of {year}")
        if run.finished_at is None:
            raise CommandError(f"The {run} collection is still waiting for LAs to answer")
        publication = publication_read(run)
        written = publication_write(publication, out)
        for path in written.offered:
            self.stdout.write(f"Written {path}")
        for source in publication.missing:
            self.stdout.write(f"Missing: {source.la_name} ({source.old_la_code}), shown as x")
        if written.failures:
            for failure in written.failures:
                self.stderr.write(failure)
            raise CommandError(f"{len(written.failures)} failures of the EES file standards")
