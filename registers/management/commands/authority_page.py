"""manage.py authority_page: show or set one of an LA's footer pages (privacy notice,
accessibility statement, cookies, contact), in its own words or the default."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from registers.actors import COMMAND
from registers.errors import ApplicationError
from registers.selectors.authorities import local_authority_get_by_number
from registers.selectors.information import INFORMATION_PAGES, information_text
from registers.services.authority_settings import authority_information_set

PAGES = {page.slug: page for page in INFORMATION_PAGES}


class Command(BaseCommand):
    help = (
        "Print the text one of an LA's footer pages shows, or set the LA's own text for it "
        "(plain text: each line is a paragraph)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dfe_number", help="The LA's DfE number, like 878")
        parser.add_argument("page", choices=list(PAGES))
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--from-file",
            metavar="FILE",
            help="Set the LA's own text from this UTF-8 file ('-' reads standard input)",
        )
        action.add_argument(
            "--default", action="store_true", help="Go back to the text the service writes"
        )

    def handle(self, *args, **options) -> None:
        page = PAGES[options["page"]]
        setting = options["from_file"] is not None or options["default"]
        text = self._read(options["from_file"]) if options["from_file"] is not None else ""
        try:
            authority = local_authority_get_by_number(dfe_number=options["dfe_number"])
            if setting:
                authority = authority_information_set(
                    authority=authority, page=page, text=text, actor=COMMAND
                )
        except ApplicationError as error:
            raise CommandError(str(error)) from error
        if not setting:
            self.stdout.write(information_text(authority=authority, page=page))
            return
        own = "its own text" if getattr(authority, page.field) else "the default text"
        self.stdout.write(f"{authority.name}'s {page.title.lower()} now shows {own}.")

    @staticmethod
    def _read(name: str) -> str:
        if name == "-":
            return sys.stdin.read()
        try:
            return Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {name}: {error}") from error
