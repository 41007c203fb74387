from django.core.management.base import BaseCommand, CommandError

from national.services import NationalInputError, source_add


class Command(BaseCommand):
    help = "Add an LA's register as a source of returns (or change its address or token)."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="The LA's DfE number, like 878")
        parser.add_argument("--url", required=True, help="The register's address")
        parser.add_argument("--token", required=True, help="A returns:read token the LA issued")

    def handle(self, *args, la, url, token, **options):
        try:
            source = source_add(old_la_code=la, base_url=url, token=token)
        except NationalInputError as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"{source.la_name} ({source.old_la_code}): returns read from {url}")
