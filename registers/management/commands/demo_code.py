"""manage.py demo_code: the current security code of a demo account (DEBUG only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.demo.accounts import DEMO_OFFICER_EMAIL, demo_code_get
from registers.errors import ApplicationError


class Command(BaseCommand):
    help = "Print the current security code of a demo account's authenticator."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--email", default="", help=f"The demo account (default: {DEMO_OFFICER_EMAIL})"
        )

    def handle(self, *args, **options) -> None:
        # Demo accounts share a published secret; outside DEBUG, codes are the user's alone.
        if not settings.DEBUG:
            raise CommandError(
                "demo_code shows the security codes of demo accounts; "
                "it runs only with DJANGO_DEBUG on"
            )
        try:
            result = demo_code_get(email=options["email"])
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        seconds = "second" if result.seconds_left == 1 else "seconds"
        self.stdout.write(
            f"{result.code}   security code for {result.email}, "
            f"valid for {result.seconds_left} more {seconds}"
        )
