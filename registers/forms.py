"""Form pieces shared by the staff and public pages: shape only, rules live elsewhere."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils import timezone

from registers.errors import ApplicationError


class GovukDateField(DateInputField):
    """A date input whose errors follow the GOV.UK wording, naming the question."""

    def __init__(self, *, question: str, **kwargs) -> None:
        self.question = question
        super().__init__(**kwargs)
        message = f"Enter {question.lower()} – day, month and year, like 27 3 2016"
        self.error_messages["required"] = message
        self.error_messages["incomplete"] = message
        for part in self.fields:
            part.validators[0].message = f"{question} must be a real date"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError(f"{self.question} must be a real date") from error


def gds_helper(*fields) -> FormHelper:
    """A crispy-forms-gds helper laying out these fields and buttons."""
    helper = FormHelper()
    helper.layout = Layout(*fields)
    return helper


def form_errors_add(form: forms.Form, error: ApplicationError) -> None:
    """Show a service's errors on the form: on their field where the form has one, else at the
    top (the error summary links those to the first field)."""
    for field, messages in error.errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def posted_data(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (which must show "required" errors)."""
    return request.POST if request.method == "POST" else None


class ChildIdentityForm(forms.Form):
    """A parent names their child's entry by the reference we gave them and the child's date of
    birth, the pair a stranger is unlikely to know (report a change; ask for a new link)."""

    reference = forms.CharField(
        label="Your reference",
        help_text="It is in the emails we have sent you, like HXK4-7QWT",
        max_length=12,
        error_messages={
            "required": "Enter your reference",
            "max_length": "Your reference must be 12 characters or fewer, like HXK4-7QWT",
        },
    )
    date_of_birth = GovukDateField(
        question="Your child's date of birth",
        label="Your child's date of birth",
        help_text="For example, 27 3 2016",
    )

    def __init__(self, *args, submit_label: str = "Continue", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("reference", field_width=10),
            Field("date_of_birth"),
            Submit("continue", submit_label),
        )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born >= timezone.localdate():
            raise forms.ValidationError("Your child's date of birth must be in the past")
        return born
