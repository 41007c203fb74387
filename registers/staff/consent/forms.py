"""Consent requests (s.434A) on the staff pages: a request recorded, and the decision. What
must be given, and in what order the dates fall, is checked by the consent rules
(registers.rules.consent) through the service, which names each problem by field."""

from datetime import date

from crispy_forms_gds.layout import Button, Div, Field, Size, Submit
from django import forms
from django.utils import timezone

from registers.errors import ApplicationError
from registers.forms import DateField, GovukForm, email_field, radios, section
from registers.models import ConsentRequest
from registers.rules.consent import (
    CONDITION_MISSING,
    DECISION_MISSING,
    DECISIONS,
    TEXT_MAX_LENGTH,
    consent_assessment_errors,
    consent_decision_errors,
    consent_request_errors,
)
from registers.validation import EMAIL, DateQuestion

REQUESTED_ON = DateQuestion("The date the parent asked")
DECIDED_ON = DateQuestion("The date of the decision")


class ConsentRequestForm(GovukForm):
    submit_label = "Record the request"
    submit_name = "record"

    condition = radios(
        "Why does the withdrawal need the local authority's consent?",
        ConsentRequest.Condition.choices,
        message=CONDITION_MISSING,
    )
    school_name = forms.CharField(label="Name of the child's school", required=False)
    school_urn = forms.CharField(
        label="School URN (optional)",
        required=False,
        help_text="The school's unique reference number, 6 digits",
    )
    school_email = email_field(
        EMAIL,
        label="School's email address (optional)",
        help_text="The school is told of the decision by email",
    )
    requested_on = DateField(question=REQUESTED_ON, label="Date the parent asked")

    def layout_items(self) -> list:
        return [
            Field.radios("condition", legend_size=Size.MEDIUM, legend_tag="h2"),
            section(
                Field.text("school_name"),
                Field.text("school_urn", field_width=10),
                Field.text("school_email"),
                legend="School",
            ),
            Field("requested_on"),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        # The consent rules' checks of the whole page, so that every problem shows at once.
        self.intake_check(
            lambda answers: _refused(
                consent_request_errors(
                    condition=answers["condition"] or "",
                    conditions=set(ConsentRequest.Condition.values),
                    school_name=answers["school_name"] or "",
                    school_urn=answers["school_urn"] or "",
                    requested_on=answers["requested_on"],
                    today=timezone.localdate(),
                )
            )
        )
        return cleaned


class ConsentDecisionForm(GovukForm):
    # Its two buttons are laid out together (layout_items).
    submit_label = ""
    submit_name = "decide"

    best_interests_analysis = forms.CharField(
        label="Is education other than at school in the child's best interests?",
        help_text="Your assessment, with what children's social care and the school said",
        required=False,
        widget=forms.Textarea,
    )
    decision = radios("Decision", DECISIONS, message=DECISION_MISSING, required=False)
    reasons = forms.CharField(
        label="Reasons for the decision",
        help_text="The parent is sent these in the consent decision letter",
        required=False,
        widget=forms.Textarea,
    )
    decided_on = DateField(question=DECIDED_ON, label="Date of the decision", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    # The second button: keep the assessment, and decide later.
    ASSESS = "assess"

    def __init__(self, *args, requested_on: date, **kwargs) -> None:
        self.requested_on = requested_on
        super().__init__(*args, **kwargs)

    @property
    def assessing(self) -> bool:
        return self.is_bound and self.ASSESS in self.data

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.assessing:
            for name in ("decision", "reasons", "decided_on"):
                self.errors.pop(name, None)
            self.intake_check(
                lambda answers: _refused(
                    consent_assessment_errors(
                        best_interests_analysis=answers["best_interests_analysis"] or ""
                    )
                )
            )
            return cleaned
        self.intake_check(
            lambda answers: _refused(
                consent_decision_errors(
                    decision=answers["decision"] or "",
                    best_interests_analysis=answers["best_interests_analysis"] or "",
                    reasons=answers["reasons"] or "",
                    decided_on=answers["decided_on"],
                    requested_on=self.requested_on,
                    today=timezone.localdate(),
                )
            )
        )
        return cleaned

    def layout_items(self) -> list:
        return [
            Field.textarea(
                "best_interests_analysis",
                rows=8,
                max_characters=TEXT_MAX_LENGTH,
                label_size=Size.MEDIUM,
                label_tag="h2",
            ),
            Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2", inline=True),
            Field.textarea(
                "reasons",
                rows=6,
                max_characters=TEXT_MAX_LENGTH,
                label_size=Size.MEDIUM,
                label_tag="h2",
            ),
            Field("decided_on"),
            Field("version"),
            Div(
                Submit(self.submit_name, "Record the decision"),
                Button.secondary(self.ASSESS, "Save the assessment and decide later"),
                css_class="govuk-button-group",
            ),
        ]


def _refused(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ApplicationError(errors)
