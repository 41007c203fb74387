"""Forms for reporting a change: shape only; the rules are in the service."""

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms

from registers.forms import GovukDateField, gds_helper
from registers.services.changes import ChangeKind


def _limited(field: forms.CharField, label: str) -> forms.CharField:
    field.error_messages["max_length"] = f"{label} must be {field.max_length} characters or fewer"
    return field


class ChangeKindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What has changed?",
        choices=ChangeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what has changed"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.LARGE, legend_tag="h1"),
            Submit("continue", "Continue"),
        )


def _address_fields() -> dict[str, forms.Field]:
    return {
        "address_line_1": _limited(
            forms.CharField(
                label="Address line 1",
                max_length=100,
                error_messages={
                    "required": "Enter address line 1, typically the building and street"
                },
            ),
            "Address line 1",
        ),
        "address_line_2": _limited(
            forms.CharField(label="Address line 2 (optional)", max_length=100, required=False),
            "Address line 2",
        ),
        "town": _limited(
            forms.CharField(
                label="Town or city",
                max_length=60,
                error_messages={"required": "Enter town or city"},
            ),
            "Town or city",
        ),
        "postcode": forms.CharField(
            label="Postcode",
            max_length=10,
            error_messages={
                "required": "Enter postcode",
                "max_length": "Enter a real postcode, like AA1 1AA",
            },
        ),
    }


class MovingInAreaForm(forms.Form):
    heading = "Your new address"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_address_fields())
        self.fields["moving_on"] = GovukDateField(
            question="Date you moved",
            label="Date you moved, or will move",
            help_text="For example, 27 3 2026",
        )
        self.helper = gds_helper(
            Fieldset(
                Field.text("address_line_1"),
                Field.text("address_line_2"),
                Field.text("town", field_width=20),
                Field.text("postcode", field_width=10),
                legend="New address",
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Field("moving_on"),
            Submit("continue", "Continue"),
        )


class LeavingAreaForm(forms.Form):
    heading = "Moving out of the area"

    moving_on = GovukDateField(
        question="Date you move",
        label="Date you move, or moved",
        help_text="For example, 27 3 2026",
    )
    destination = _limited(
        forms.CharField(
            label="Where are you moving to? (optional)",
            help_text="The new council area, or the country if you are leaving England",
            max_length=100,
            required=False,
        ),
        "Where you are moving to",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("moving_on"), Field.text("destination"), Submit("continue", "Continue")
        )


class ReturningToSchoolForm(forms.Form):
    heading = "Going back to school"

    school_name = _limited(
        forms.CharField(
            label="Which school?",
            max_length=200,
            error_messages={"required": "Enter the name of the school"},
        ),
        "School name",
    )
    school_from = GovukDateField(
        question="Date your child starts",
        label="Date your child starts, or started, at the school",
        help_text="For example, 3 9 2026",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("school_name"), Field("school_from"), Submit("continue", "Continue")
        )


class OtherChangeForm(forms.Form):
    heading = "Tell us what has changed"

    details = _limited(
        forms.CharField(
            label="What has changed?",
            help_text="Tell us what is different, and from when",
            max_length=2000,
            widget=forms.Textarea,
            error_messages={"required": "Enter what has changed"},
        ),
        "What has changed",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("details", rows=6, max_characters=2000),
            Submit("continue", "Continue"),
        )


DETAILS_FORMS = {
    ChangeKind.MOVING_IN_AREA: MovingInAreaForm,
    ChangeKind.LEAVING_AREA: LeavingAreaForm,
    ChangeKind.RETURNING_TO_SCHOOL: ReturningToSchoolForm,
    ChangeKind.OTHER: OtherChangeForm,
}
