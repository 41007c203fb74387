"""manage.py seed_demo: demo children and demo staff accounts for trying the register."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.demo import DEMO_AUTHORITY_NUMBERS, DEMO_CHILDREN_PER_AUTHORITY, demo_seed
from registers.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN_URL
from registers.errors import ApplicationError
from registers.models import StaffRole


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
        self.stdout.write(f"Sign in at {DEMO_SIGN_IN_URL}")
        for officer in officers:
            self.stdout.write(f"  {officer.authority.name} officer: {officer.email}")
        self.stdout.write("  (managers are manager@…, LA admins admin@…, at the same domains;")
        self.stdout.write("  the national analyst is analyst@national.example.org)")
        self.stdout.write(f"Password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Get the security code with: make code   (or .venv/bin/python manage.py demo_code)"
        )
