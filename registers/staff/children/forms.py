"""Adding a child to the register from the staff pages, on the one form toolkit: the words and
checks are the intake's (registers.intake.child)."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone

from registers.forms import (
    DateField,
    GovukForm,
    PrefixedAddressFields,
    choice_radios,
    radios,
    section,
    text_field,
)
from registers.intake import child as intake
from registers.rules.codes import PreviousSchoolType, PrimaryReason, Sex
from registers.validation import Choice


class ChildAddForm(PrefixedAddressFields, GovukForm):
    submit_label = "Add to the register"
    submit_name = "add"

    first_name = text_field(intake.FIRST_NAME)
    middle_names = text_field(intake.MIDDLE_NAMES)
    last_name = text_field(intake.LAST_NAME)
    date_of_birth = DateField(question=intake.DATE_OF_BIRTH, label="Date of birth")
    sex = radios("Sex", Sex.choices, message=intake.SEX_MESSAGE)
    upn = text_field(intake.UPN, help_text="13 characters, for example A801200110001")
    nhs_number = text_field(intake.NHS_NUMBER, help_text="10 digits, for example 485 777 3456")
    source = choice_radios(
        Choice(
            "How did the local authority find out about the child?",
            intake.OFFICER_SOURCES,
            intake.SOURCE_MESSAGE,
        )
    )
    previous_school_name = text_field(intake.PREVIOUS_SCHOOL_NAME)
    previous_school_type = forms.ChoiceField(
        label="Type of previous school",
        choices=PreviousSchoolType.choices,
        initial=PreviousSchoolType.ELSEWHERE_OR_UNKNOWN,
    )
    primary_reason = forms.ChoiceField(
        label="Main reason the child is not in school",
        choices=PrimaryReason.choices,
        initial=PrimaryReason.UNKNOWN,
    )

    field_order = [
        "first_name",
        "middle_names",
        "last_name",
        "date_of_birth",
        "sex",
        "upn",
        "nhs_number",
        "address_line_1",
        "address_line_2",
        "town",
        "postcode",
        "source",
        "previous_school_name",
        "previous_school_type",
        "primary_reason",
    ]

    def layout_items(self) -> list:
        return [
            section(
                Field.text("first_name", field_width=20),
                Field.text("middle_names", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
                Field.radios("sex", legend_size=Size.SMALL, inline=True),
                Field.text("upn", field_width=20),
                Field.text("nhs_number", field_width=10),
                legend="Child",
            ),
            section(*self.address_items(), legend="Home address"),
            section(
                Field.radios("source", legend_size=Size.SMALL),
                Field.text("previous_school_name"),
                Field.select("previous_school_type"),
                Field.select("primary_reason"),
                legend="About the case",
            ),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        # The intake's own checks (school age, identifiers) on the same submission.
        self.intake_check(
            lambda answers: intake.child_add_details_validate(
                details=intake.ChildAddDetails(**answers), today=timezone.localdate()
            )
        )
        return cleaned
