"""manage.py admin_create: an LA's first administrator, who then invites the LA's staff from
the settings pages."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.actors import COMMAND
from registers.errors import ApplicationError
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.staff_accounts import admin_create


class Command(BaseCommand):
    help = (
        "Make an administrator for an LA and print a one-time link with which they set their "
        "password and authenticator app. Run again for an administrator who has not yet used "
        "theirs, to get a new link (the old one stops working)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--authority", required=True, help="The LA's DfE number, like 878")
        parser.add_argument("--email", required=True, help="The administrator's email address")
        parser.add_argument("--name", required=True, help="The administrator's full name")

    def handle(self, *args, **options) -> None:
        try:
            invited = admin_create(
                authority=local_authority_get_by_number(dfe_number=options["authority"]),
                email=options["email"],
                full_name=options["name"],
                actor=COMMAND,
            )
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        member = invited.invitation.user
        self.stdout.write(
            f"{member.full_name} <{member.email}> is an administrator of "
            f"{member.authority.name}.\n"
            "Give them this link, privately. It works once, until "
            f"{invited.invitation.expires_at:%d %B %Y %H:%M %Z}:\n\n{invited.link}\n"
        )
