"""Forms for answering an update request. Their words and checks are the update answer's
(registers.intake.updates), which checks the whole answer again when it is sent."""

from crispy_forms_gds.layout import Field, Size

from registers.forms import (
    GovukForm,
    PrefixedAddressFields,
    hours_field,
    radios,
    section,
    textarea_field,
)
from registers.intake.updates import (
    ANYTHING_ELSE,
    HOURS_BY_PARENTS,
    PROVIDERS,
    STILL_CORRECT_MESSAGE,
    UpdateAnswers,
    update_answers_validate,
)


class StillCorrectForm(GovukForm):
    still_correct = radios(
        "Is this information still correct?",
        [("yes", "Yes"), ("no", "No, something has changed")],
        message=STILL_CORRECT_MESSAGE,
    )

    def layout_items(self) -> list:
        return [Field.radios("still_correct", legend_size=Size.MEDIUM, legend_tag="h2")]


class UpdateChangesForm(PrefixedAddressFields, GovukForm):
    hours_by_parents = hours_field(
        HOURS_BY_PARENTS,
        # A blank box means the hours have not changed.
        required=False,
        label="Hours a week you now teach your child (optional)",
        help_text="An estimate, like 20",
    )
    providers = textarea_field(
        PROVIDERS,
        help_text="Who they are, and about how many hours a week your child spends with them",
    )
    anything_else = textarea_field(
        ANYTHING_ELSE, help_text="For example, a change in who lives with your child"
    )

    def layout_items(self) -> list:
        return [
            section(*self.address_items(), legend="New address, if you have moved"),
            Field.text("hours_by_parents", field_width=4, label_size=Size.SMALL),
            Field.textarea(
                "providers", rows=4, max_characters=PROVIDERS.max_length, label_size=Size.SMALL
            ),
            Field.textarea(
                "anything_else",
                rows=5,
                max_characters=ANYTHING_ELSE.max_length,
                label_size=Size.SMALL,
            ),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.address_given():
            self.require_address()
        # The answer as a whole: an address begun must be whole, and something must change.
        self.checked = self.intake_check(
            lambda answers: update_answers_validate(
                answers=UpdateAnswers(still_correct=False, **answers)
            )
        )
        return cleaned
