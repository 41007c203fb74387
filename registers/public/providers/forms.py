"""Provider answer forms. Their words and checks are the provider answer's
(registers.intake.providers), which checks the whole answer again when it is sent."""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils.html import format_html

from registers.errors import ApplicationError
from registers.forms import (
    GovukForm,
    PrefixedAddressFields,
    choice_radios,
    email_field,
    phone_field,
    section,
    service_errors_show,
    text_field,
    website_field,
    yes_no,
)
from registers.intake.providers import (
    SETTING_EMAIL,
    SETTING_NAME,
    SETTING_PHONE,
    SETTING_TYPE,
    SETTING_WEBSITE,
    ChildAttendance,
    SettingDetails,
    attends_message,
    child_attendance_validate,
    setting_details_validate,
)
from registers.models import Child
from registers.rules.deadlines import long_date

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


class ChildrenAttendanceForm(GovukForm):
    """For each child named in the request: do they attend, and for how many hours a week."""

    def __init__(self, *args, children: list[Child], **kwargs) -> None:
        self.children = children
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        for child in self.children:
            name = child_name(child)
            # crispy-forms-gds prints labels and legends unescaped: a parent typed these names.
            self.fields[field_name("attends", child)] = yes_no(
                format_html("Does {} attend?", child.first_name), message=attends_message(name)
            )
            for field, label, hint in HOURS_FIELDS:
                # Whether the hours are needed, and so checked, depends on the answer to
                # "attends": clean() checks them with the provider answer's own check.
                self.fields[field_name(field, child)] = forms.CharField(
                    label=label,
                    required=False,
                    help_text=hint,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                )

    def layout_items(self) -> list:
        fieldsets = []
        for child in self.children:
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
                        "{}, born {}", child.full_name, long_date(child.date_of_birth)
                    ),
                    legend_size=Size.MEDIUM,
                )
            )
        return fieldsets

    def clean(self) -> dict:
        cleaned = super().clean()
        self.attendances: list[ChildAttendance] = []
        for child in self.children:
            attends = cleaned.get(field_name("attends", child))
            if attends is None:
                continue
            names = {field: field_name(field, child) for field, _, _ in HOURS_FIELDS}
            hours = {field: cleaned.get(name) for field, name in names.items()}
            try:
                self.attendances.append(
                    child_attendance_validate(
                        child_name=child_name(child),
                        attendance=ChildAttendance(
                            child_id=child.pk, attends=attends == YES, **hours
                        ),
                    )
                )
            except ApplicationError as error:
                service_errors_show(self, error, fields=names)
        return cleaned


class SettingDetailsForm(PrefixedAddressFields, GovukForm):
    """The setting's details as the LA holds them, for the provider to confirm or correct."""

    name = text_field(SETTING_NAME)
    provider_type = choice_radios(SETTING_TYPE)
    website = website_field(SETTING_WEBSITE)
    email = email_field(SETTING_EMAIL)
    phone = phone_field(SETTING_PHONE)

    field_order = [
        "name",
        "provider_type",
        "address_line_1",
        "address_line_2",
        "town",
        "postcode",
        "website",
        "email",
        "phone",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "address_line_1"
        ].help_text = "Leave the address blank if you teach only online, and give your website"

    def layout_items(self) -> list:
        return [
            Field.text("name"),
            Field.radios("provider_type", legend_size=Size.SMALL),
            section(*self.address_items(), legend="Address where children are taught", tag="h2"),
            Field.text("website"),
            Field.text("email"),
            Field.text("phone", field_width=20),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.details = self.intake_check(
            lambda answers: setting_details_validate(details=SettingDetails(**answers))
        )
        return cleaned
