"""Provider answer forms: shape only. The hours and setting rules live in the service, which
these forms call so that a page shows the same words the service would refuse with."""

from decimal import Decimal, InvalidOperation

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils.html import format_html

from registers.errors import ApplicationError
from registers.models import Child
from registers.rules.codes import ProviderType
from registers.services.provider_requests import (
    ChildAttendance,
    SettingDetails,
    child_attendance_clean,
    setting_details_clean,
)

YES, NO = "yes", "no"
HOURS_FIELDS = (
    ("hours_per_week", "Total hours a week", "For example, 12.5"),
    (
        "hours_without_parent",
        "Hours without a parent present",
        "The hours a week when no parent is with the child, for example 4.5",
    ),
)


def child_name(child: Child) -> str:
    return f"{child.first_name} {child.last_name}"


def field_name(field: str, child: Child) -> str:
    """The form field for one child's answer: the service's error keys use the same names."""
    return f"{field}_{child.pk.hex}"


def _too_long(what: str, length: int) -> str:
    return f"{what} must be {length} characters or fewer"


class ChildrenAttendanceForm(forms.Form):
    """For each child named in the request: do they attend, and for how many hours a week."""

    def __init__(self, *args, children: list[Child], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.children = children
        fieldsets = []
        for child in children:
            name = child_name(child)
            # crispy-forms-gds prints labels and legends unescaped: a parent typed these names.
            self.fields[field_name("attends", child)] = forms.ChoiceField(
                label=format_html("Does {} attend?", child.first_name),
                choices=[(YES, "Yes"), (NO, "No")],
                widget=forms.RadioSelect,
                error_messages={"required": f"Select yes if {name} attends, or no if they do not"},
            )
            for field, label, hint in HOURS_FIELDS:
                self.fields[field_name(field, child)] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=10,
                    help_text=hint,
                    error_messages={
                        "max_length": f"{label} for {name} must be a number, like 12.5"
                    },
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                )
            fieldsets.append(
                Fieldset(
                    Field.radios(
                        field_name("attends", child), legend_size=Size.SMALL, inline=True
                    ),
                    *(
                        Field.text(field_name(field, child), field_width=4)
                        for field, _, _ in HOURS_FIELDS
                    ),
                    legend=format_html(
                        "{}, born {}",
                        child.full_name,
                        f"{child.date_of_birth.day} {child.date_of_birth:%B %Y}",
                    ),
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(*fieldsets, Submit("continue", "Continue"))

    def clean(self) -> dict:
        cleaned = super().clean()
        self.attendances: list[ChildAttendance] = []
        for child in self.children:
            attends = cleaned.get(field_name("attends", child))
            if attends is None:
                continue
            hours: dict[str, Decimal | None] = {}
            unreadable = set()
            for field, label, _ in HOURS_FIELDS:
                raw = (cleaned.get(field_name(field, child)) or "").strip()
                try:
                    hours[field] = Decimal(raw) if raw and attends == YES else None
                except InvalidOperation:
                    hours[field] = None
                    unreadable.add(field)
                    self.add_error(
                        field_name(field, child),
                        f"{label} for {child_name(child)} must be a number, like 12.5",
                    )
            try:
                self.attendances.append(
                    child_attendance_clean(
                        child_name=child_name(child),
                        attendance=ChildAttendance(
                            child_id=child.pk, attends=attends == YES, **hours
                        ),
                    )
                )
            except ApplicationError as error:
                for field, messages in error.errors.items():
                    if field not in unreadable:
                        for message in messages:
                            self.add_error(field_name(field, child), message)
        return cleaned


class SettingDetailsForm(forms.Form):
    """The setting's details as the LA holds them, for the provider to confirm or correct."""

    name = forms.CharField(
        label="Name of your setting",
        max_length=200,
        error_messages={
            "required": "Enter the name of your setting",
            "max_length": _too_long("Name of your setting", 200),
        },
    )
    provider_type = forms.ChoiceField(
        label="Type of setting",
        choices=ProviderType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the type of setting",
            "invalid_choice": "Select the type of setting",
        },
    )
    address_line_1 = forms.CharField(
        label="Address line 1",
        help_text="Leave the address blank if you teach only online, and give your website",
        max_length=100,
        required=False,
        error_messages={"max_length": _too_long("Address line 1", 100)},
    )
    address_line_2 = forms.CharField(
        label="Address line 2 (optional)",
        max_length=100,
        required=False,
        error_messages={"max_length": _too_long("Address line 2", 100)},
    )
    town = forms.CharField(
        label="Town or city",
        max_length=60,
        required=False,
        error_messages={"max_length": _too_long("Town or city", 60)},
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        required=False,
        error_messages={"max_length": "Enter a real postcode, like AA1 1AA"},
    )
    website = forms.URLField(
        label="Website (optional)",
        max_length=200,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a website address in the correct format, like www.example.org",
            "max_length": _too_long("Website", 200),
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": _too_long("Email address", 254),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Telephone number (optional)",
        max_length=30,
        required=False,
        error_messages={"max_length": _too_long("Telephone number", 30)},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("name"),
            Field.radios("provider_type", legend_size=Size.SMALL),
            Fieldset(
                Field.text("address_line_1"),
                Field.text("address_line_2"),
                Field.text("town", field_width=20),
                Field.text("postcode", field_width=10),
                legend="Address where children are taught",
                legend_size=Size.SMALL,
            ),
            Field.text("website"),
            Field.text("email"),
            Field.text("phone", field_width=20),
            Submit("continue", "Continue"),
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        values = {field: cleaned.get(field) or "" for field in self.fields}
        try:
            self.details = setting_details_clean(details=SettingDetails(**values))
        except ApplicationError as error:
            for field, messages in error.errors.items():
                # A field the form has already refused keeps that one, clearer, message.
                if field not in self.errors:
                    for message in messages:
                        self.add_error(field, message)
        return cleaned
