"""manage.py app_database_role: make the role the app connects as (docs/deploying.md).

Run by the role that runs migrations (DATABASE_URL), after `migrate`, with the app's own
connection URL in APP_DATABASE_URL. Running it again changes nothing.
"""

import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from registers.errors import ApplicationError
from registers.services.database_roles import app_database_role_grant


class Command(BaseCommand):
    help = (
        "Create or update the application's database role named in APP_DATABASE_URL: it owns "
        "nothing, and may only add and read audit rows."
    )

    def handle(self, *args, **options) -> None:
        if not settings.CNIS_APP_DATABASE_URL:
            raise CommandError("Set APP_DATABASE_URL to the URL web, worker and beat connect with")
        app = environ.Env.db_url_config(settings.CNIS_APP_DATABASE_URL)
        try:
            app_database_role_grant(
                role=app["USER"], password=app["PASSWORD"], database=app["NAME"]
            )
        except ApplicationError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"The application's database role {app['USER']} is ready")
