"""Forms more than one public journey asks."""

from crispy_forms_gds.layout import Field
from django.utils import timezone

from registers.forms import DateField, GovukForm, form_check, text_field
from registers.intake.identity import CHILD_DATE_OF_BIRTH, REFERENCE, child_date_of_birth_clean


class ChildIdentityForm(GovukForm):
    """A parent names their child's entry by the reference we gave them and the child's date of
    birth, the pair a stranger is unlikely to know (report a change; ask for a new link)."""

    reference = text_field(
        REFERENCE, help_text="It is in the emails we have sent you, like HXK4-7QWT"
    )
    date_of_birth = DateField(question=CHILD_DATE_OF_BIRTH, label="Your child's date of birth")

    def __init__(self, *args, submit_label: str = "Continue", **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)

    def layout_items(self) -> list:
        return [Field.text("reference", field_width=10), Field("date_of_birth")]

    def clean_date_of_birth(self):
        return form_check(
            child_date_of_birth_clean,
            self.cleaned_data["date_of_birth"],
            today=timezone.localdate(),
        )


class DeclarationForm(GovukForm):
    """The declaration is the page's text; the form is only the button that accepts it."""

    submit_label = "Accept and send"
    submit_name = "send"

    def layout_items(self) -> list:
        return []
