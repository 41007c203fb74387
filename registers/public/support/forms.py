"""The request for support form (s.436G). Its words and checks are the support request's
(registers.intake.support), which checks it again when it is sent."""

from crispy_forms_gds.layout import Field, Size
from django import forms

from registers.forms import (
    GovukForm,
    email_field,
    phone_field,
    section,
    text_field,
    textarea_field,
)
from registers.intake.support import (
    CHILD_NAME,
    NAME,
    OPTIONAL_REFERENCE,
    SUPPORT_EMAIL,
    SUPPORT_PHONE,
    SUPPORT_WANTED,
    SupportRequestDetails,
    support_request_validate,
)

RELOAD = "Reload the page, then send your request again"


class SupportRequestForm(GovukForm):
    submit_label = "Send request"
    submit_name = "send"

    name = text_field(NAME)
    email = email_field(SUPPORT_EMAIL)
    phone = phone_field(SUPPORT_PHONE)
    child_name = text_field(CHILD_NAME)
    reference = text_field(
        OPTIONAL_REFERENCE, help_text="If you have one from our emails, like HXK4-7QWT"
    )
    support_wanted = textarea_field(
        SUPPORT_WANTED,
        help_text="For example, advice about resources, exams or special educational needs",
    )
    idempotency_key = forms.RegexField(
        regex=r"^[0-9a-f]{32}$",
        widget=forms.HiddenInput,
        error_messages={"required": RELOAD, "invalid": RELOAD},
    )

    def layout_items(self) -> list:
        return [
            section(
                Field.text("name", field_width=20),
                Field.text("email", field_width=20),
                Field.text("phone", field_width=20),
                legend="About you",
            ),
            section(
                Field.text("child_name", field_width=20),
                Field.text("reference", field_width=10),
                legend="About your child",
            ),
            Field.textarea(
                "support_wanted",
                rows=6,
                max_characters=SUPPORT_WANTED.max_length,
                label_size=Size.MEDIUM,
                label_tag="h2",
            ),
            Field("idempotency_key"),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        # The request as a whole: an email address or a phone number is needed.
        self.intake_check(
            lambda answers: support_request_validate(
                details=SupportRequestDetails(
                    **{name: value for name, value in answers.items() if name != "idempotency_key"}
                )
            )
        )
        return cleaned
