"""Forms for reporting a change. Their words and checks are the change report's
(registers.intake.changes), which checks the whole report again when it is sent."""

from crispy_forms_gds.layout import Field, Size
from django.utils import timezone

from registers.forms import (
    DateField,
    GovukForm,
    PrefixedAddressFields,
    email_field,
    form_check,
    radios,
    section,
    text_field,
    textarea_field,
)
from registers.intake.changes import (
    DESTINATION,
    DETAILS,
    KIND_MESSAGE,
    MOVED_ON,
    MOVING_ON,
    RECEIPT_EMAIL,
    SCHOOL_FROM,
    SCHOOL_NAME,
    ChangeKind,
    change_date_clean,
)


class ChangeKindForm(GovukForm):
    kind = radios("What has changed?", ChangeKind.choices, message=KIND_MESSAGE)

    def layout_items(self) -> list:
        return [Field.radios("kind", legend_size=Size.LARGE, legend_tag="h1")]


class MovingInAreaForm(PrefixedAddressFields, GovukForm):
    heading = "Your new address"

    moving_on = DateField(question=MOVED_ON, label="Date you moved, or will move")

    def layout_items(self) -> list:
        return [section(*self.address_items(), legend="New address"), Field("moving_on")]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        return cleaned

    def clean_moving_on(self):
        return form_check(
            change_date_clean, MOVED_ON, self.cleaned_data["moving_on"], today=timezone.localdate()
        )


class LeavingAreaForm(GovukForm):
    heading = "Moving out of the area"

    moving_on = DateField(question=MOVING_ON, label="Date you move, or moved")
    destination = text_field(
        DESTINATION, help_text="The new council area, or the country if you are leaving England"
    )

    def layout_items(self) -> list:
        return [Field("moving_on"), Field.text("destination")]

    def clean_moving_on(self):
        return form_check(
            change_date_clean,
            MOVING_ON,
            self.cleaned_data["moving_on"],
            today=timezone.localdate(),
        )


class ReturningToSchoolForm(GovukForm):
    heading = "Going back to school"

    school_name = text_field(SCHOOL_NAME)
    school_from = DateField(
        question=SCHOOL_FROM, label="Date your child starts, or started, at the school"
    )

    def layout_items(self) -> list:
        return [Field.text("school_name"), Field("school_from")]

    def clean_school_from(self):
        return form_check(
            change_date_clean,
            SCHOOL_FROM,
            self.cleaned_data["school_from"],
            today=timezone.localdate(),
        )


class OtherChangeForm(GovukForm):
    heading = "Tell us what has changed"

    details = textarea_field(DETAILS, help_text="Tell us what is different, and from when")

    def layout_items(self) -> list:
        return [Field.textarea("details", rows=6, max_characters=DETAILS.max_length)]


DETAILS_FORMS = {
    ChangeKind.MOVING_IN_AREA: MovingInAreaForm,
    ChangeKind.LEAVING_AREA: LeavingAreaForm,
    ChangeKind.RETURNING_TO_SCHOOL: ReturningToSchoolForm,
    ChangeKind.OTHER: OtherChangeForm,
}


class ReceiptEmailForm(GovukForm):
    """Where to send the receipt with the report's reference: optional, as a parent may have
    no email address."""

    title = RECEIPT_EMAIL.label

    email = email_field(
        RECEIPT_EMAIL,
        help_text=(
            "We will email you the reference for this report. We may also use it to contact "
            "you about the change. Leave it blank if you do not want an email."
        ),
    )

    def layout_items(self) -> list:
        return [Field.text("email", field_width=20, label_size=Size.LARGE, label_tag="h1")]
