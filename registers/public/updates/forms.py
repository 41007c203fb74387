"""Forms for answering an update request: shape only; the rules are in the service."""

from decimal import Decimal

from crispy_forms_gds.layout import Field, Fieldset, Size, Submit
from django import forms

from registers.forms import gds_helper

YES_NO = [("yes", "Yes"), ("no", "No, something has changed")]


class StillCorrectForm(forms.Form):
    still_correct = forms.ChoiceField(
        label="Is this information still correct?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the information is still correct"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("still_correct", legend_size=Size.MEDIUM, legend_tag="h2"),
            Submit("continue", "Continue"),
        )


class UpdateChangesForm(forms.Form):
    address_line_1 = forms.CharField(label="Address line 1", max_length=100, required=False)
    address_line_2 = forms.CharField(
        label="Address line 2 (optional)", max_length=100, required=False
    )
    town = forms.CharField(label="Town or city", max_length=60, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    hours_by_parents = forms.DecimalField(
        label="Hours a week you now teach your child (optional)",
        help_text="An estimate, like 20",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(168),
        max_digits=4,
        decimal_places=1,
        # GOV.UK advises a text input with a numeric keyboard rather than type="number".
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "invalid": "Hours a week you teach your child must be a number, like 20",
            "min_value": "Hours a week you teach your child must be between 0 and 168",
            "max_value": "Hours a week you teach your child must be between 0 and 168",
            "max_digits": "Hours a week you teach your child must be between 0 and 168",
            "max_decimal_places": "Hours a week you teach your child can have 1 decimal place",
        },
    )
    providers = forms.CharField(
        label="Changes to tutors, classes or other providers (optional)",
        help_text="Who they are, and about how many hours a week your child spends with them",
        max_length=1000,
        required=False,
        widget=forms.Textarea,
        error_messages={
            "max_length": "Changes to providers must be 1000 characters or fewer",
        },
    )
    anything_else = forms.CharField(
        label="Anything else that has changed (optional)",
        help_text="For example, a change in who lives with your child",
        max_length=2000,
        required=False,
        widget=forms.Textarea,
        error_messages={"max_length": "Anything else must be 2000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, label in (
            ("address_line_1", "Address line 1"),
            ("address_line_2", "Address line 2"),
            ("town", "Town or city"),
            ("postcode", "Postcode"),
        ):
            limit = self.fields[name].max_length
            self.fields[name].error_messages["max_length"] = (
                f"{label} must be {limit} characters or fewer"
            )
        self.helper = gds_helper(
            Fieldset(
                Field.text("address_line_1"),
                Field.text("address_line_2"),
                Field.text("town", field_width=20),
                Field.text("postcode", field_width=10),
                legend="New address, if you have moved",
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Field.text("hours_by_parents", field_width=4, label_size=Size.SMALL),
            Field.textarea("providers", rows=4, max_characters=1000, label_size=Size.SMALL),
            Field.textarea("anything_else", rows=5, max_characters=2000, label_size=Size.SMALL),
            Submit("continue", "Continue"),
        )


class DeclarationForm(forms.Form):
    """The declaration is the page's text; the form is only the button that accepts it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Submit("send", "Accept and send"))
