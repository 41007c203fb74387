"""manage.py api_token_create: issue an API token for one LA's system, printed once."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.actors import COMMAND
from registers.errors import ApplicationError
from registers.intake.api_token import api_token_request_validate
from registers.models import ApiScope
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.api_tokens import api_token_issue


class Command(BaseCommand):
    help = "Issue an API token for one local authority's system; it is printed once, here."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--authority", required=True, help="The LA's DfE number, like 878")
        parser.add_argument(
            "--scopes",
            required=True,
            help="What the token may do, comma separated: " + ", ".join(ApiScope.values),
        )
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CNIS_API_TOKEN_DAYS,
            help=f"Days until it expires (default {settings.CNIS_API_TOKEN_DAYS})",
        )
        parser.add_argument("--name", default="", help="What the token is for")

    def handle(self, *args, **options) -> None:
        try:
            authority = local_authority_get_by_number(dfe_number=options["authority"])
            request = api_token_request_validate(
                name=options["name"] or f"Issued on the command line for {authority.name}",
                scopes=[scope for scope in options["scopes"].split(",") if scope.strip()],
                days=options["days"],
            )
            issued = api_token_issue(authority=authority, request=request, actor=COMMAND)
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        token = issued.token
        self.stdout.write(issued.plain)
        self.stderr.write(
            f"Token {token.prefix} for {authority.name} ({', '.join(token.scopes)}), expires "
            f"{token.expires_at:%d %B %Y %H:%M}. It is shown once: keep it now."
        )
