"""Adding a child to the register from the staff pages: shape only. Rules live in services and
registers.rules."""

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms

from registers.forms import GovukDateField, gds_helper
from registers.rules.codes import NotificationSource, PreviousSchoolType, PrimaryReason, Sex


class ChildAddForm(forms.Form):
    first_name = forms.CharField(
        label="First name",
        max_length=100,
        error_messages={"required": "Enter the child's first name"},
    )
    middle_names = forms.CharField(label="Middle names", max_length=100, required=False)
    last_name = forms.CharField(
        label="Last name",
        max_length=100,
        error_messages={"required": "Enter the child's last name"},
    )
    date_of_birth = GovukDateField(
        question="Date of birth", label="Date of birth", help_text="For example, 27 3 2016"
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the child's sex, or ‘Sex unknown’"},
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN) (optional)",
        max_length=20,
        required=False,
        help_text="13 characters, for example A801200110001",
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        max_length=20,
        required=False,
        help_text="10 digits, for example 485 777 3456",
    )
    address_line_1 = forms.CharField(
        label="Address line 1",
        max_length=100,
        error_messages={"required": "Enter address line 1, typically the building and street"},
    )
    address_line_2 = forms.CharField(
        label="Address line 2 (optional)", max_length=100, required=False
    )
    town = forms.CharField(
        label="Town or city", max_length=60, error_messages={"required": "Enter town or city"}
    )
    postcode = forms.CharField(
        label="Postcode", max_length=10, error_messages={"required": "Enter postcode"}
    )
    source = forms.ChoiceField(
        label="How did the local authority find out about the child?",
        choices=[
            (NotificationSource.LOCAL_AUTHORITY, "Found by the local authority"),
            (NotificationSource.AGENCY, "Referred by another agency"),
            (NotificationSource.SCHOOL, "Told by a school"),
            (NotificationSource.OTHER_LOCAL_AUTHORITY, "Told by another local authority"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the local authority found out about the child"},
    )
    previous_school_name = forms.CharField(
        label="Previous school (optional)", max_length=200, required=False
    )
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Fieldset(
                Field.text("first_name", field_width=20),
                Field.text("middle_names", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
                Field.radios("sex", legend_size=Size.SMALL, inline=True),
                Field.text("upn", field_width=20),
                Field.text("nhs_number", field_width=10),
                legend="Child",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("address_line_1"),
                Field.text("address_line_2"),
                Field.text("town", field_width=20),
                Field.text("postcode", field_width=10),
                legend="Home address",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("source", legend_size=Size.SMALL),
                Field.text("previous_school_name"),
                Field.select("previous_school_type"),
                Field.select("primary_reason"),
                legend="About the case",
                legend_size=Size.MEDIUM,
            ),
            Submit("add", "Add to the register"),
        )
