"""The settings pages' forms, on the one form toolkit: the words and checks are the intake's
(registers.intake.staff_settings), run again by the services."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from registers.forms import (
    CheckedField,
    GovukForm,
    choice_radios,
    email_field,
    hours_field,
    phone_field,
    section,
    text_field,
    yes_no,
)
from registers.intake.staff_settings import (
    FULL_NAME,
    PERIODS,
    PROVIDER_HOURS,
    REGIME,
    ROLE,
    SAFEGUARDING_HINT,
    SAFEGUARDING_LABEL,
    SAFEGUARDING_MISSING,
    STAFF_EMAIL,
    window_problems,
)
from registers.rules.letters import BODY_MAX_LENGTH
from registers.validation import Text

CONTACT_EMAIL = Text("Contact email address (optional)", 254, length_label="Contact email address")
CONTACT_PHONE = Text("Contact phone number (optional)", 30, length_label="Contact phone number")


class VersionedForm(GovukForm):
    """A form of the LA's settings, carrying the settings' version it was opened at."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.render_hidden_fields = True

    def version_opened(self) -> int:
        """The version the page was opened at (0, never current, if the page lost it)."""
        typed = self.cleaned_data.get("version") or ""
        return int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 10 else 0


class InviteForm(GovukForm):
    submit_label = "Send the invitation"
    submit_name = "invite"

    full_name = text_field(FULL_NAME, widget=forms.TextInput(attrs={"spellcheck": "false"}))
    email = email_field(
        STAFF_EMAIL,
        help_text="Their work email address: the invitation goes there",
        widget=forms.EmailInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    role = choice_radios(ROLE)

    def layout_items(self) -> list:
        return [
            Field.text("full_name"),
            Field.text("email"),
            Field.radios("role", legend_size=Size.MEDIUM),
        ]


class RoleForm(GovukForm):
    submit_label = "Change the role"
    submit_name = "change_role"

    role = choice_radios(ROLE)

    def layout_items(self) -> list:
        return [Field.radios("role", legend_size=Size.MEDIUM, legend_tag="h2")]


class SafeguardingForm(GovukForm):
    submit_label = "Save"
    submit_name = "save_safeguarding"

    can_view_safeguarding = yes_no(
        SAFEGUARDING_LABEL, message=SAFEGUARDING_MISSING, help_text=SAFEGUARDING_HINT
    )

    def layout_items(self) -> list:
        return [
            Field.radios(
                "can_view_safeguarding", legend_size=Size.MEDIUM, legend_tag="h2", inline=True
            )
        ]


def _period_field(spec) -> CheckedField:
    return CheckedField(
        check=spec.clean,
        label=f"{spec.label} ({spec.unit})",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )


class PeriodsForm(VersionedForm):
    submit_label = "Save the periods and thresholds"
    submit_name = "save"

    regime = choice_radios(REGIME)

    def add_fields(self) -> None:
        for field, spec in PERIODS.items():
            self.fields[field] = _period_field(spec)
        self.fields["provider_hours_threshold"] = hours_field(
            PROVIDER_HOURS,
            label="Provider hours threshold (hours a week)",
            help_text="Providers a child spends more than this with are recorded in full",
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        for field, messages in window_problems(cleaned).items():
            self.add_error(field, messages)
        return cleaned

    def layout_items(self) -> list:
        return [
            Field.radios("regime", legend_size=Size.MEDIUM, legend_tag="h2"),
            section(
                *(Field.text(field, field_width=3) for field in PERIODS),
                Field.text("provider_hours_threshold", field_width=4),
                legend="Periods and thresholds",
            ),
        ]


INFORMATION_TEXT = "Leave it blank to show the text the service writes. Each line is a paragraph."


class PagesForm(VersionedForm):
    submit_label = "Save the pages"
    submit_name = "save"

    contact_email = email_field(CONTACT_EMAIL)
    contact_phone = phone_field(CONTACT_PHONE)
    contact_address = forms.CharField(
        label="Postal address (optional)",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )

    def __init__(self, *args, pages: tuple, **kwargs) -> None:
        # The footer pages (registers.selectors.information.INFORMATION_PAGES).
        self.pages = pages
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        for page in self.pages:
            self.fields[page.field] = forms.CharField(
                label=f"{page.title} (optional)",
                required=False,
                strip=False,
                help_text=INFORMATION_TEXT,
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    def layout_items(self) -> list:
        return [
            section(
                Field.text("contact_email"),
                Field.text("contact_phone", field_width=20),
                Field.textarea("contact_address"),
                legend="Contact details",
            ),
            section(
                *(Field.textarea(page.field) for page in self.pages),
                legend="Footer pages",
            ),
        ]


class InvitationForm(GovukForm):
    """A new member of staff's password and authenticator app."""

    submit_label = "Set up my account"
    submit_name = "set_up"

    password = forms.CharField(
        label="Password",
        help_text="At least 12 characters. A few unrelated words make a good one.",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Enter the password again",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code your authenticator app shows for this account",
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def layout_items(self) -> list:
        return [
            Field.text("password"),
            Field.text("password_again"),
            Field.text("code", field_width=5),
        ]


class LetterTemplateForm(GovukForm):
    submit_label = "Save the letter"
    submit_name = "save"

    title = forms.CharField(label="Title", required=False, strip=False)
    body = forms.CharField(
        label="Text of the letter",
        required=False,
        strip=False,
        widget=forms.Textarea,
        help_text="Placeholders are filled in from the child's record when a letter is made",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def layout_items(self) -> list:
        return [
            Field.text("title"),
            Field.textarea("body", rows=20, max_characters=BODY_MAX_LENGTH),
            Field("version"),
        ]
