"""Adding a child to the register from the staff pages, on the one form toolkit: the words and
checks are the intake's (registers.intake.child)."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone

from registers.forms import (
    DateField,
    GovukForm,
    PrefixedAddressFields,
    RevealedQuestion,
    RevealedRadios,
    choice_radios,
    radios,
    section,
    text_field,
)
from registers.intake import child as intake
from registers.rules.attendance_orders import OUTCOME_MISSING, TRIGGER_MISSING, StepDetails
from registers.rules.cases import CLOSURE_REASON_MISSING, UNKNOWN_STATUS
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    CmeReason,
    PreviousSchoolType,
    PrimaryReason,
    ProsecutionOutcome,
    Sex,
)
from registers.validation import Choice, DateQuestion


class ChildAddForm(PrefixedAddressFields, GovukForm):
    submit_label = "Add to the register"
    submit_name = "add"

    first_name = text_field(intake.FIRST_NAME)
    middle_names = text_field(intake.MIDDLE_NAMES)
    last_name = text_field(intake.LAST_NAME)
    date_of_birth = DateField(question=intake.DATE_OF_BIRTH, label="Date of birth")
    sex = radios("Sex", Sex.choices, message=intake.SEX_MESSAGE)
    upn = text_field(intake.UPN, help_text="13 characters, for example A801200110001")
    nhs_number = text_field(intake.NHS_NUMBER, help_text="10 digits, for example 485 777 3456")
    source = choice_radios(
        Choice(
            "How did the local authority find out about the child?",
            intake.OFFICER_SOURCES,
            intake.SOURCE_MESSAGE,
        )
    )
    previous_school_name = text_field(intake.PREVIOUS_SCHOOL_NAME)
    previous_school_type = forms.ChoiceField(
        label="Type of previous school",
        choices=PreviousSchoolType.choices,
        initial=PreviousSchoolType.ELSEWHERE_OR_UNKNOWN,
    )
    primary_reason = forms.ChoiceField(
        label="Main reason the child is not in school",
        choices=PrimaryReason.choices,
        initial=PrimaryReason.UNKNOWN,
    )

    field_order = [
        "first_name",
        "middle_names",
        "last_name",
        "date_of_birth",
        "sex",
        "upn",
        "nhs_number",
        "address_line_1",
        "address_line_2",
        "town",
        "postcode",
        "source",
        "previous_school_name",
        "previous_school_type",
        "primary_reason",
    ]

    def layout_items(self) -> list:
        return [
            section(
                Field.text("first_name", field_width=20),
                Field.text("middle_names", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
                Field.radios("sex", legend_size=Size.SMALL, inline=True),
                Field.text("upn", field_width=20),
                Field.text("nhs_number", field_width=10),
                legend="Child",
            ),
            section(*self.address_items(), legend="Home address"),
            section(
                Field.radios("source", legend_size=Size.SMALL),
                Field.text("previous_school_name"),
                Field.select("previous_school_type"),
                Field.select("primary_reason"),
                legend="About the case",
            ),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        # The intake's own checks (school age, identifiers) on the same submission.
        self.intake_check(
            lambda answers: intake.child_add_details_validate(
                details=intake.ChildAddDetails(**answers), today=timezone.localdate()
            )
        )
        return cleaned


class StatusRadios(forms.ChoiceField):
    """The statuses the case may move to, as radios. Any status is taken, so that a move the
    case's state does not allow (from a page left open, or made up) reaches the case rules and
    is refused in their words."""

    def valid_value(self, value) -> bool:
        return value in CaseStatus.values


class CaseMoveForm(GovukForm):
    """A move of the case: one of the statuses its state allows now (and only those), why, and
    what the move needs: how a closed case ended, why a child is missing education, and the
    details of an attendance order step, each under the status it belongs to.

    The checks are the case rules' and the service's (registers.rules.cases and
    .attendance_orders): their messages come back onto these fields.
    """

    submit_label = "Move the case"
    submit_name = "move"
    conditional_radios = ("status",)

    entry = forms.UUIDField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why is the case moving?",
        help_text="This is kept in the case's history, with your name and the time.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, moves, triggers=(), **kwargs) -> None:
        self.moves = moves
        self.triggers = triggers
        super().__init__(*args, **kwargs)

    @staticmethod
    def step_field(status: str, name: str) -> str:
        """The form's name for a detail of the step the move to `status` records."""
        return f"{status}_{name}"

    def add_fields(self) -> None:
        self.fields["status"] = StatusRadios(
            label="Move the case to",
            choices=[(move.status.value, move.label) for move in self.moves],
            widget=forms.RadioSelect,
            error_messages={"required": UNKNOWN_STATUS, "invalid_choice": UNKNOWN_STATUS},
        )
        for move in self.moves:
            if move.status == CaseStatus.CLOSED:
                self.fields["closure_reason"] = radios(
                    "Why is the case closing?",
                    ClosureReason.choices,
                    message=CLOSURE_REASON_MISSING,
                    required=False,
                )
            if move.status == CaseStatus.CME:
                self.fields["cme_reason"] = forms.ChoiceField(
                    label="Why is the child missing education?",
                    choices=[("", "Select a reason"), *CmeReason.choices],
                    required=False,
                )
            if not move.steps:
                continue
            first = move.steps[0]
            date_name = first.date_question[0].upper() + first.date_question[1:]
            self.fields[self.step_field(move.status, "served_on")] = DateField(
                question=DateQuestion(date_name), label=date_name, required=False
            )
            if any(kind.school for kind in move.steps):
                self.fields[self.step_field(move.status, "named_school")] = forms.CharField(
                    label="School named", required=False
                )
            if any(kind.trigger for kind in move.steps) and self.triggers:
                self.fields[self.step_field(move.status, "trigger")] = radios(
                    "Why is the process beginning?",
                    [(trigger.value, trigger.label) for trigger in self.triggers],
                    message=TRIGGER_MISSING,
                    required=False,
                )
            if any(kind.outcome for kind in move.steps):
                self.fields[self.step_field(move.status, "outcome")] = radios(
                    "How did the prosecution end?",
                    ProsecutionOutcome.choices,
                    message=OUTCOME_MISSING,
                    required=False,
                )

        # Why the case moves is asked last, after what the move needs.
        self.fields["reason"] = self.fields.pop("reason")

    def _questions(self, status: str) -> list:
        items = []
        if status == CaseStatus.CLOSED:
            items.append(Field.radios("closure_reason", legend_size=Size.SMALL))
        if status == CaseStatus.CME:
            items.append(Field.select("cme_reason"))
        for name in ("served_on", "named_school", "trigger", "outcome"):
            field = self.step_field(status, name)
            if field not in self.fields:
                continue
            if name in ("trigger", "outcome"):
                items.append(Field.radios(field, legend_size=Size.SMALL))
            elif name == "served_on":
                items.append(Field(field))
            else:
                items.append(Field.text(field))
        return items

    def layout_items(self) -> list:
        choices = [
            RevealedQuestion(move.label, *questions)
            if (questions := self._questions(move.status))
            else move.label
            for move in self.moves
        ]
        return [
            Field("entry"),
            Field("version"),
            RevealedRadios("status", *choices),
            Field.textarea("reason"),
        ]

    def step_details(self) -> StepDetails:
        """The details given under the chosen status, for the step its move records."""
        status = self.cleaned_data.get("status", "")

        def given(name: str):
            return self.cleaned_data.get(self.step_field(status, name)) or None

        return StepDetails(
            served_on=given("served_on"),
            named_school=given("named_school") or "",
            trigger=given("trigger") or "",
            outcome=given("outcome") or "",
        )

    def step_error_fields(self) -> dict[str, str]:
        """The service's names of the step's details, as this form names them."""
        status = self.cleaned_data.get("status", "")
        return {
            name: self.step_field(status, name)
            for name in ("served_on", "named_school", "trigger", "outcome")
        }
