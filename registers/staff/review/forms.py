"""The review of one item, on the one form toolkit: the choices are the item's, the words and
checks the review service's (registers.services.review)."""

from crispy_forms_gds.layout import Field, Hidden, Size
from django import forms

from registers.forms import GovukForm, radios
from registers.selectors.review import DuplicateSides, ReviewItem
from registers.services import review

NOT_THE_SAME = "not_same"


class ReviewForm(GovukForm):
    submit_label = "Save the review"
    submit_name = "review"

    def __init__(self, *args, item: ReviewItem, **kwargs) -> None:
        self.item = item
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        to_apply = self.item.to_apply
        if to_apply:
            self.fields["fields"] = forms.MultipleChoiceField(
                label="Changes to apply",
                choices=[(row.name, row.label) for row in to_apply],
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text="Select each change to make on the register",
                # A change no longer offered: the register changed since the page was made.
                error_messages={"invalid_choice": review.STALE_ITEM},
            )
        # Checked by the review service, with the rest of the decision.
        self.fields["outcome"] = radios(
            "What do you want to do?",
            self.item.outcomes,
            message=review.OUTCOME_MISSING,
            required=False,
        )
        # Checked by the review service, which needs it only when nothing is applied.
        self.fields["reason"] = forms.CharField(
            label="Why you are not applying it, or a note",
            help_text="Needed if you are not applying it",
            widget=forms.Textarea,
            required=False,
        )
        self.fields["version"] = forms.CharField(widget=forms.HiddenInput, required=False)

    def layout_items(self) -> list:
        items = []
        if "fields" in self.fields:
            items.append(Field.checkboxes("fields", legend_size=Size.SMALL))
        return [
            *items,
            Field.radios("outcome", legend_size=Size.SMALL),
            Field.textarea("reason", rows=4),
            # What the register held when this page was made: a later change refuses the form.
            Hidden("version", self.item.version),
        ]


class DuplicateForm(GovukForm):
    submit_label = "Save the decision"
    submit_name = "decide"

    def __init__(self, *args, pair: DuplicateSides, **kwargs) -> None:
        self.pair = pair
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        choices = [
            (
                str(side.child.pk),
                f"The same child: keep the record of {side.child.full_name} "
                f"({'first' if number == 0 else 'second'} record) and merge the other into it",
            )
            for number, side in enumerate((self.pair.first, self.pair.second))
        ]
        self.fields["decision"] = radios(
            "Are these the same child?",
            [*choices, (NOT_THE_SAME, "Not the same child")],
            message=review.KEPT_MISSING,
        )
        self.fields["version"] = forms.CharField(widget=forms.HiddenInput, required=False)

    def layout_items(self) -> list:
        return [
            Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2"),
            # What both records held when this page was made: a later change refuses a merge.
            Hidden("version", self.pair.version),
        ]
