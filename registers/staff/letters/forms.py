"""Making a letter from a child's record: which kind (a GET form, leading to the preview), then
the preview's confirmation, which carries the fingerprint of the text previewed."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from registers.forms import GovukForm, radios
from registers.rules.letters import KIND_MISSING, LetterKind


class LetterKindForm(GovukForm):
    submit_label = "Preview the letter"
    submit_name = "preview"

    kind = radios("Which letter?", LetterKind.choices, message=KIND_MISSING)

    def __init__(self, *args, action: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.helper.form_action = action

    def layout_items(self) -> list:
        return [Field.radios("kind", legend_size=Size.MEDIUM, legend_tag="h2")]


class LetterMakeForm(GovukForm):
    submit_label = "Make the letter"
    submit_name = "make"

    kind = forms.ChoiceField(
        choices=LetterKind.choices,
        widget=forms.HiddenInput,
        error_messages={"required": KIND_MISSING, "invalid_choice": KIND_MISSING},
    )
    previewed = forms.CharField(widget=forms.HiddenInput)

    def layout_items(self) -> list:
        return [Field("kind"), Field("previewed")]
