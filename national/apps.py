from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = "National collection"
    default_auto_field = "django.db.models.BigAutoField"
