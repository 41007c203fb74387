"""Issuing an API token, on the one form toolkit: the words and checks are the intake's
(registers.intake.api_token)."""

from crispy_forms_gds.layout import Field
from django import forms
from django.conf import settings

from registers.forms import CheckedField, GovukForm, text_field
from registers.intake import api_token as intake
from registers.models import ApiScope


class ApiTokenForm(GovukForm):
    submit_label = "Issue the token"
    submit_name = "issue"

    name = text_field(intake.TOKEN_NAME, help_text="For example, the case management system")
    scopes = forms.MultipleChoiceField(
        label=intake.SCOPES_LABEL,
        choices=ApiScope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": intake.SCOPES_MISSING,
            "invalid_choice": intake.SCOPES_MISSING,
        },
        help_text="Give a system only what it needs",
    )
    days = CheckedField(
        check=intake.days_clean,
        label=intake.DAYS_LABEL,
        initial=settings.CNIS_API_TOKEN_DAYS,
        help_text=f"At most {settings.CNIS_API_TOKEN_MAX_DAYS}",
    )

    def layout_items(self) -> list:
        return [
            Field.text("name"),
            Field.checkboxes("scopes"),
            Field.text("days", field_width=3),
        ]
