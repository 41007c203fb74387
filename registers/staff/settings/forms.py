"""An LA admin's settings forms: the text of a kind of letter. What a template may say is
checked by the letters service (registers.rules.letters), which names what is wrong."""

from crispy_forms_gds.layout import Field
from django import forms

from registers.forms import GovukForm
from registers.rules.letters import BODY_MAX_LENGTH


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
