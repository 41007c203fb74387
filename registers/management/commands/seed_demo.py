"""manage.py seed_demo: demo children and demo staff accounts for trying the register."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.urls import reverse

from registers.demo import DEMO_AUTHORITY_NUMBERS, DEMO_CHILDREN_PER_AUTHORITY, demo_seed
from registers.demo.accounts import DEMO_PASSWORD
from registers.errors import ApplicationError
from registers.models import StaffRole
from registers.services.links import link_url


def demo_code_command() -> str:
    """`manage.py demo_code` as it works from a plain shell: with DEBUG on (it refuses to run
    otherwise) and, for the SQLite demo, on the database just seeded."""
    database = ""
    if connection.vendor == "sqlite":
        database = f"DATABASE_URL=sqlite:///{connection.settings_dict['NAME']} "
    return f"DJANGO_DEBUG=true {database}.venv/bin/python manage.py demo_code"


class Command(BaseCommand):
    help = "Host demo local authorities and fill them with generated children and staff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--authorities",
            default=",".join(DEMO_AUTHORITY_NUMBERS),
            help="DfE local authority numbers, separated by commas (default: %(default)s)",
        )
        parser.add_argument(
            "--children",
            type=int,
            default=DEMO_CHILDREN_PER_AUTHORITY,
            help="Children per authority (default: %(default)s)",
        )

    def handle(self, *args, **options) -> None:
        # The password is published, so these accounts must never reach a real deployment.
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo makes demo accounts with a published password; "
                "it runs only with DJANGO_DEBUG on"
            )
        numbers = [number.strip() for number in options["authorities"].split(",")]
        try:
            seed = demo_seed(numbers=numbers, children=options["children"])
        except ApplicationError as error:
            raise CommandError(str(error)) from error

        for result in seed.results:
            name = result.authority.name
            if result.children_added:
                self.stdout.write(f"{name}: {result.children_added} demo children added")
            elif options["children"] == 0:
                self.stdout.write(f"{name}: no children asked for")
            else:
                self.stdout.write(f"{name} already has demo data: nothing added")
        officers = [user for user in seed.staff if user.role == StaffRole.OFFICER]
        self.stdout.write("")
        # On the demo's own address, which `make run` sets from the host and port it serves.
        self.stdout.write(f"Sign in at {link_url(path=reverse('staff:sign-in'))}")
        for officer in officers:
            self.stdout.write(f"  {officer.authority.name} officer: {officer.email}")
        self.stdout.write("  (managers are manager@…, LA admins admin@…, at the same domains;")
        self.stdout.write("  the national analyst is analyst@national.example.org)")
        self.stdout.write(f"Password: {DEMO_PASSWORD}")
        self.stdout.write(f"Get the security code with: make code   (or {demo_code_command()})")
