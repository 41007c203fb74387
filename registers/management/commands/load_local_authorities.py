"""manage.py load_local_authorities: create or update every English local authority."""

from django.core.management.base import BaseCommand

from registers.services.authorities import local_authorities_csv_rows, local_authorities_load


class Command(BaseCommand):
    help = "Create or update the English local authorities from registers/fixtures."

    def handle(self, *args, **options) -> None:
        rows = local_authorities_csv_rows()
        new, updated = local_authorities_load(rows=rows)
        self.stdout.write(f"{len(rows)} local authorities loaded ({new} new, {updated} updated)")
