"""The pages that change a child's record and record contacts, visits and suitability
decisions, on the one form toolkit: the words and checks are registers.intake.record's.

Every form carries the version of the record the officer saw, so that a form loaded before
someone else changed the record is refused rather than applied on top.
"""

from crispy_forms_gds.layout import HTML, Field, Size
from django import forms

from registers.forms import (
    AddressFields,
    DateField,
    GovukForm,
    choice_radios,
    email_field,
    heading,
    hours_field,
    phone_field,
    text_field,
    textarea_field,
    yes_no,
)
from registers.intake import child as child_intake
from registers.intake import record as intake
from registers.models import Contact
from registers.services.record import STALE


class RecordForm(GovukForm):
    """A change to the record: `title` is the page's heading; `version` the record's."""

    title = ""
    submit_label = "Save"
    submit_name = "save"

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE, "invalid": STALE},
    )

    def layout_items(self) -> list:
        return [heading(*self.question_items(), legend=self.title), Field("version")]

    def question_items(self) -> list:
        return []

    @classmethod
    def initial_from_query(cls, query) -> dict:
        """Answers a link may choose beforehand (the kind of contact); none by default."""
        return {}


def _yes(value: str) -> bool:
    return value == "yes"


def _answers(details: type, data: dict):
    """The answers a dataclass of the intake holds, from a form's cleaned data."""
    return details(**{name: data[name] for name in details.__dataclass_fields__})


class ChildDetailsForm(RecordForm):
    title = "Change the child's details"

    first_name = text_field(child_intake.FIRST_NAME)
    middle_names = text_field(child_intake.MIDDLE_NAMES)
    last_name = text_field(child_intake.LAST_NAME)
    date_of_birth = DateField(question=intake.DATE_OF_BIRTH, label="Date of birth")
    sex = choice_radios(intake.SEX)
    upn = text_field(child_intake.UPN, help_text="13 characters, for example A801200110001")
    nhs_number = text_field(
        child_intake.NHS_NUMBER, help_text="10 digits, for example 485 777 3456"
    )

    def question_items(self) -> list:
        return [
            Field.text("first_name", field_width=20),
            Field.text("middle_names", field_width=20),
            Field.text("last_name", field_width=20),
            Field("date_of_birth"),
            Field.radios("sex", legend_size=Size.SMALL, inline=True),
            Field.text("upn", field_width=20),
            Field.text("nhs_number", field_width=10),
        ]

    def details(self) -> intake.ChildDetails:
        return _answers(intake.ChildDetails, self.cleaned_data)


class SenForm(RecordForm):
    title = "Change the child's special educational needs"

    sen_provision = choice_radios(intake.SEN_PROVISION)

    def question_items(self) -> list:
        return [Field.radios("sen_provision", legend_size=Size.SMALL)]


class AddressMoveForm(AddressFields, RecordForm):
    title = "The child has moved: their new home address"

    moved_on = DateField(question=intake.MOVED_ON, label="The date the child moved here")

    def question_items(self) -> list:
        return [
            HTML(
                '<p class="govuk-body">The address held now is kept on the record as a '
                "previous address, ending the day before the move.</p>"
            ),
            *self.address_items(),
            Field("moved_on"),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        return cleaned

    def address(self) -> intake.NewAddress:
        return _answers(intake.NewAddress, self.cleaned_data)


class ParentForm(RecordForm):
    title = "Change a parent or carer's details"

    first_name = text_field(intake.PARENT_FIRST_NAME)
    last_name = text_field(intake.PARENT_LAST_NAME)
    relationship = choice_radios(intake.RELATIONSHIP)
    email = email_field(intake.PARENT_EMAIL)
    phone = phone_field(intake.PARENT_PHONE)
    has_parental_responsibility = yes_no(
        "Do they have parental responsibility?",
        message="Select yes if they have parental responsibility",
    )
    provides_education = yes_no(
        "Do they educate the child?", message="Select yes if they educate the child"
    )

    def question_items(self) -> list:
        return [
            Field.text("first_name", field_width=20),
            Field.text("last_name", field_width=20),
            Field.radios("relationship", legend_size=Size.SMALL),
            Field.text("email"),
            Field.text("phone", field_width=20),
            Field.radios("has_parental_responsibility", legend_size=Size.SMALL, inline=True),
            Field.radios("provides_education", legend_size=Size.SMALL, inline=True),
        ]

    def details(self) -> intake.ParentDetails:
        data = self.cleaned_data
        return intake.ParentDetails(
            first_name=data["first_name"],
            last_name=data["last_name"],
            relationship=data["relationship"],
            email=data["email"],
            phone=data["phone"],
            has_parental_responsibility=_yes(data["has_parental_responsibility"]),
            provides_education=_yes(data["provides_education"]),
        )


class SourceForm(RecordForm):
    """A change whose information came from someone: the officer says who, and how."""

    source = choice_radios(intake.SOURCE)


class ArrangementForm(SourceForm):
    title = "Change the hours of education"

    hours_per_week = hours_field(intake.HOURS, label="Total hours a week")
    hours_without_parent = hours_field(
        intake.HOURS_WITHOUT_PARENT,
        required=False,
        label="Hours without a parent present (optional)",
    )

    def question_items(self) -> list:
        return [
            Field.text("hours_per_week", field_width=4),
            Field.text("hours_without_parent", field_width=4),
            Field.radios("source", legend_size=Size.SMALL),
        ]

    def details(self) -> intake.ArrangementDetails:
        data = self.cleaned_data
        return intake.ArrangementDetails(
            hours_per_week=data["hours_per_week"],
            hours_without_parent=data["hours_without_parent"],
            source=data["source"],
        )


class ProviderAddForm(ArrangementForm):
    title = "Add an education provider"

    name = text_field(intake.PROVIDER_NAME)
    provider_type = choice_radios(intake.PROVIDER_TYPE)
    email = email_field(
        intake.PROVIDER_EMAIL, help_text="Information requests are sent to this address"
    )

    def question_items(self) -> list:
        return [
            Field.text("name"),
            Field.radios("provider_type", legend_size=Size.SMALL),
            Field.text("email"),
            *super().question_items(),
        ]

    def details(self) -> intake.NewProviderArrangement:
        return _answers(intake.NewProviderArrangement, self.cleaned_data)


class ProviderContactForm(SourceForm):
    title = "Change the provider's contact details"

    email = email_field(
        intake.PROVIDER_EMAIL, help_text="Information requests are sent to this address"
    )
    phone = phone_field(intake.PROVIDER_PHONE)

    def question_items(self) -> list:
        return [
            Field.text("email"),
            Field.text("phone", field_width=20),
            Field.radios("source", legend_size=Size.SMALL),
        ]

    def details(self) -> intake.ProviderContactDetails:
        data = self.cleaned_data
        return intake.ProviderContactDetails(
            email=data["email"], phone=data["phone"], source=data["source"]
        )


class PreviousSchoolForm(RecordForm):
    title = "Change the previous school and main reason"

    previous_school_name = text_field(intake.PREVIOUS_SCHOOL_NAME)
    previous_school_urn = text_field(intake.PREVIOUS_SCHOOL_URN)
    previous_school_type = forms.ChoiceField(
        label=intake.PREVIOUS_SCHOOL_TYPE.label,
        choices=intake.PREVIOUS_SCHOOL_TYPE.choices,
        error_messages={
            "required": intake.PREVIOUS_SCHOOL_TYPE.message,
            "invalid_choice": intake.PREVIOUS_SCHOOL_TYPE.message,
        },
    )
    primary_reason = forms.ChoiceField(
        label=intake.PRIMARY_REASON.label,
        choices=intake.PRIMARY_REASON.choices,
        error_messages={
            "required": intake.PRIMARY_REASON.message,
            "invalid_choice": intake.PRIMARY_REASON.message,
        },
    )

    def question_items(self) -> list:
        return [
            Field.text("previous_school_name"),
            Field.text("previous_school_urn", field_width=10),
            Field.select("previous_school_type"),
            Field.select("primary_reason"),
        ]

    def details(self) -> intake.PreviousSchool:
        return _answers(intake.PreviousSchool, self.cleaned_data)


class SafeguardingForm(RecordForm):
    title = "Change the safeguarding information"

    section_47_enquiry = choice_radios(intake.SECTION_47)
    child_protection_plan = choice_radios(intake.CP_PLAN)
    child_protection_plan_ended_on = DateField(
        question=intake.CP_PLAN_ENDED,
        label="The date the child protection plan ended (optional)",
        required=False,
    )
    child_in_need = choice_radios(intake.CIN)
    looked_after = yes_no("Is the child looked after?", message="Select yes if looked after")
    looked_after_reason = textarea_field(intake.LOOKED_AFTER_REASON)

    def question_items(self) -> list:
        return [
            Field.radios("section_47_enquiry", legend_size=Size.SMALL, inline=True),
            Field.radios("child_protection_plan", legend_size=Size.SMALL, inline=True),
            Field("child_protection_plan_ended_on"),
            Field.radios("child_in_need", legend_size=Size.SMALL, inline=True),
            Field.radios("looked_after", legend_size=Size.SMALL, inline=True),
            Field.textarea("looked_after_reason"),
        ]

    def details(self) -> intake.SafeguardingDetails:
        data = self.cleaned_data
        return intake.SafeguardingDetails(
            section_47_enquiry=data["section_47_enquiry"],
            child_protection_plan=data["child_protection_plan"],
            child_protection_plan_ended_on=data["child_protection_plan_ended_on"],
            child_in_need=data["child_in_need"],
            looked_after=_yes(data["looked_after"]),
            looked_after_reason=data["looked_after_reason"],
        )


# Contacts, visits and suitability ---------------------------------------------------------------


class ContactForm(RecordForm):
    title = "Record a contact"

    kind = choice_radios(intake.CONTACT_KIND)
    direction = choice_radios(intake.CONTACT_DIRECTION)
    occurred_on = DateField(question=intake.CONTACT_ON, label="Date of the contact")
    summary = textarea_field(intake.CONTACT_SUMMARY)

    @classmethod
    def initial_from_query(cls, query) -> dict:
        # "Record the parent's report" is a contact of the kind "report", from the family.
        if query.get("kind") == Contact.Kind.REPORT:
            return {"kind": Contact.Kind.REPORT, "direction": Contact.Direction.INBOUND}
        return {}

    def question_items(self) -> list:
        return [
            Field.radios("kind", legend_size=Size.SMALL),
            Field.radios("direction", legend_size=Size.SMALL, inline=True),
            Field("occurred_on"),
            Field.textarea("summary"),
        ]

    def details(self) -> intake.ContactDetails:
        return _answers(intake.ContactDetails, self.cleaned_data)


class VisitForm(RecordForm):
    title = "Record a visit"

    status = choice_radios(intake.VISIT_STATUS)
    offered_on = DateField(question=intake.VISIT_OFFERED_ON, label="Date the visit was offered")
    visit_on = DateField(
        question=intake.VISIT_ON,
        label="Date of the visit (optional until it takes place)",
        required=False,
    )
    at_home = yes_no("Is the visit at the child's home?", message=intake.AT_HOME_MESSAGE)
    visited_by = text_field(intake.VISITED_BY)
    notes = textarea_field(intake.VISIT_NOTES)

    def question_items(self) -> list:
        return [
            Field.radios("status", legend_size=Size.SMALL),
            Field("offered_on"),
            Field("visit_on"),
            Field.radios("at_home", legend_size=Size.SMALL, inline=True),
            Field.text("visited_by"),
            Field.textarea("notes"),
        ]

    def details(self) -> intake.VisitDetails:
        data = self.cleaned_data
        return intake.VisitDetails(
            status=data["status"],
            offered_on=data["offered_on"],
            visit_on=data["visit_on"],
            at_home=_yes(data["at_home"]),
            visited_by=data["visited_by"],
            notes=data["notes"],
        )


class VisitChangeForm(VisitForm):
    title = "Update a visit"


class SuitabilityForm(RecordForm):
    title = "Record a suitability decision"

    outcome = choice_radios(intake.SUITABILITY_OUTCOME)
    decided_on = DateField(question=intake.DECIDED_ON, label="Date of the decision")
    evidence = textarea_field(
        intake.EVIDENCE,
        help_text="What the decision rests on: the parent's report, a visit, work seen",
    )

    def question_items(self) -> list:
        return [
            Field.radios("outcome", legend_size=Size.SMALL),
            Field("decided_on"),
            Field.textarea("evidence"),
        ]

    def details(self) -> intake.SuitabilityDetails:
        return _answers(intake.SuitabilityDetails, self.cleaned_data)


def initial_yes_no(value: bool) -> str:
    return "yes" if value else "no"
