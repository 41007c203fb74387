"""manage.py authority_contact: the email address, phone number and postal address an LA's
contact page gives (and its receipt emails quote)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.actors import COMMAND
from registers.errors import ApplicationError
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.authority_settings import authority_contact_set


class Command(BaseCommand):
    help = "Set the contact details an LA's contact page gives. Each left out is cleared."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dfe_number", help="The LA's DfE number, like 878")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument(
            "--address-line",
            action="append",
            default=[],
            dest="address_lines",
            help="One line of the postal address; repeat it for each line",
        )

    def handle(self, *args, **options) -> None:
        try:
            authority = authority_contact_set(
                authority=local_authority_get_by_number(dfe_number=options["dfe_number"]),
                email=options["email"],
                phone=options["phone"],
                address_lines=options["address_lines"],
                actor=COMMAND,
            )
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{authority.name}'s contact details are set.")
