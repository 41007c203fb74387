"""manage.py api_token_revoke: stop an API token working, from its next request on."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.actors import COMMAND
from registers.errors import ApplicationError
from registers.models.api import token_prefix
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.api_tokens import api_token_revoke


class Command(BaseCommand):
    help = "Revoke an API token, named by its prefix (or given whole)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("token", help="The token's prefix, as the staff page lists it")
        parser.add_argument("--authority", required=True, help="The LA's DfE number, like 878")

    def handle(self, *args, **options) -> None:
        given = options["token"].strip()
        try:
            authority = local_authority_get_by_number(dfe_number=options["authority"])
            token = api_token_revoke(
                authority=authority, prefix=token_prefix(given) or given, actor=COMMAND
            )
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Revoked token {token.prefix} ({token.name}) of {authority.name}")
