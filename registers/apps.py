from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Children not in school register"
    default_auto_field = "django.db.models.BigAutoField"
