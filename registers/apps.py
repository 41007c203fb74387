from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Children not in school register"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cnis.govuk_components import keep_one_environment

        # GOV.UK components compile once per process, not on every render.
        keep_one_environment()
