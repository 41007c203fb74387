import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from national.services import population_load

COLUMNS = ("new_la_code", "population", "mid_year")


class Command(BaseCommand):
    help = (
        "Load the ONS mid-year estimates of children aged 5 to 16 by LA, the rates' "
        "denominators, from a CSV with columns new_la_code, population, mid_year."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        rows = []
        with path.open(newline="", encoding="utf-8-sig") as lines:
            reader = csv.DictReader(lines)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise CommandError(f"The file's columns must be {', '.join(COLUMNS)}")
            for number, row in enumerate(reader, start=2):
                try:
                    rows.append((row["new_la_code"], int(row["population"]), int(row["mid_year"])))
                except ValueError as error:
                    raise CommandError(f"Line {number}: {error}") from error
        self.stdout.write(f"Loaded the population of {population_load(rows)} LAs")
