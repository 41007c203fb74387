"""One form for each page of "Tell us your child is not in school".

Each field takes its words and its check from the notification contract
(registers.intake.notification), which checks everything again when the notification is sent:
a page and the intake refuse the same mistake with the same message. Each form turns its
cleaned data into a JSON-safe answer for the session (`answer`) and back (`initial_from`).
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.core.exceptions import ValidationError

from registers.forms import (
    PAGE_HEADING_LEGEND,
    AddressFields,
    AddressForm,
    DateField,
    MonthYearField,
    PageHeadingHelper,
    QuestionForm,
    RevealedQuestion,
    RevealedRadios,
    SummaryForm,
    YesNoQuestion,
    choice_radios,
    email_field,
    form_check,
    heading,
    hours_field,
    phone_field,
    radios,
    text_field,
    website_field,
    yes_no,
)
from registers.intake import notification as contract
from registers.public.notify import routing
from registers.rules.codes import PrimaryReason, SenProvision
from registers.rules.deadlines import lived_there_under_12_months
from registers.validation import (
    compulsory_school_age_problem,
    hours_text,
    hours_without_parent_problem,
)

NAME_INPUT = forms.TextInput(attrs={"spellcheck": "false"})


# The child ------------------------------------------------------------------------------------


class ChildNameForm(QuestionForm):
    title = "What is your child's name?"

    first_name = text_field(
        contract.CHILD_FIRST_NAME,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    middle_names = text_field(
        contract.CHILD_MIDDLE_NAMES,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    last_name = text_field(
        contract.CHILD_LAST_NAME,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("first_name", field_width=20),
                Field.text("middle_names", field_width=20),
                Field.text("last_name", field_width=20),
                legend=self.title,
            )
        ]


class ChildDateOfBirthForm(QuestionForm):
    title = "What is your child's date of birth?"

    date_of_birth = DateField(question=contract.DATE_OF_BIRTH, label=title)

    def layout_items(self) -> list:
        return [Field("date_of_birth", context=PAGE_HEADING_LEGEND)]

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        if born >= self.today:
            raise ValidationError(contract.DATE_OF_BIRTH.not_past)
        problem = compulsory_school_age_problem(born, self.today, parent=True)
        if problem:
            raise ValidationError(problem)
        return born

    def answer(self) -> dict:
        return {"date_of_birth": self.cleaned_data["date_of_birth"].isoformat()}

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {"date_of_birth": date.fromisoformat(answer["date_of_birth"])}


class ChildSexForm(QuestionForm):
    title = contract.SEX.label

    sex = choice_radios(contract.SEX)

    def layout_items(self) -> list:
        return [Field.radios("sex", legend_size=Size.LARGE, legend_tag="h1")]


class ChildAddressForm(AddressForm):
    title = "What is your child's home address?"


class ChildPreviousAddressForm(AddressForm):
    title = "What was your child's previous address?"


class ChildAdditionalAddressForm(AddressForm):
    title = "What is your child's other address?"


class ChildMovedInForm(QuestionForm):
    title = "When did your child start living at this address?"

    moved_in = MonthYearField(question=contract.LIVED_AT_HOME_SINCE, label=title)

    def layout_items(self) -> list:
        return [Field("moved_in", context=PAGE_HEADING_LEGEND)]

    def clean_moved_in(self) -> dict:
        moved_in = self.cleaned_data["moved_in"]
        born = self.answers.get(routing.CHILD_DATE_OF_BIRTH, {}).get("date_of_birth")
        form_check(
            contract.LIVED_AT_HOME_SINCE.first_day,
            **moved_in,
            today=self.today,
            born=date.fromisoformat(born) if born else None,
        )
        return moved_in

    def answer(self) -> dict:
        moved_in = self.cleaned_data["moved_in"]
        # Kept with the answer, so that routing needs no clock.
        return {
            **moved_in,
            "under_12_months": lived_there_under_12_months(**moved_in, today=self.today),
        }

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {"moved_in": {"month": answer["month"], "year": answer["year"]}}


class ChildAdditionalAddressQuestionForm(YesNoQuestion):
    title = "Does your child also live at another address?"
    question_field = "has_additional_address"

    has_additional_address = yes_no(
        title,
        message="Select yes if your child also lives at another address",
        help_text="For example, if they spend part of the week living with each parent",
    )


# Parents and carers ---------------------------------------------------------------------------


class NumberedForm(QuestionForm):
    """A page asked once for each parent or carer (or provider); the caption says which."""

    caption_noun = ""

    @property
    def caption(self) -> str:
        return f"{self.caption_noun} {self.number}"


class ParentNameForm(NumberedForm):
    title = "What is the parent or carer's name?"
    caption_noun = "Parent or carer"

    first_name = text_field(contract.PARENT_FIRST_NAME, widget=NAME_INPUT)
    last_name = text_field(contract.PARENT_LAST_NAME, widget=NAME_INPUT)

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("first_name", field_width=20),
                Field.text("last_name", field_width=20),
                legend=self.title,
            )
        ]


class ParentRelationshipForm(NumberedForm):
    title = contract.RELATIONSHIP.label
    caption_noun = "Parent or carer"

    relationship = choice_radios(contract.RELATIONSHIP)

    def layout_items(self) -> list:
        return [Field.radios("relationship", legend_size=Size.LARGE, legend_tag="h1")]


class ParentAddressForm(AddressFields, NumberedForm):
    title = "Does the parent or carer live at the child's home address?"
    caption_noun = "Parent or carer"
    helper_class = PageHeadingHelper
    conditional_radios = ("same_as_child",)

    same_as_child = yes_no(
        title, message="Select yes if the parent or carer lives at the child's home address"
    )

    def layout_items(self) -> list:
        return [
            RevealedRadios("same_as_child", "Yes", RevealedQuestion("No", *self.address_items()))
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("same_as_child") == "no":
            self.require_address()
        return cleaned

    def answer(self) -> dict:
        if self.cleaned_data["same_as_child"] == "yes":
            return {"same_as_child": "yes"}
        return {"same_as_child": "no", **self.address_answer()}


class ParentContactForm(NumberedForm):
    title = "How can the local authority contact the parent or carer?"
    caption_noun = "Parent or carer"

    email = email_field()
    phone = phone_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.number == 1:
            self.fields["email"].help_text = (
                "Give an email address, a phone number or both. We will send a confirmation "
                "to the email address."
            )
        else:
            self.fields["email"].label = "Email address (optional)"
            self.fields["phone"].label = "Phone number (optional)"

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("email", field_width=20),
                Field.text("phone", field_width=20),
                legend=self.title,
            )
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            self.number == 1
            and not self.errors
            and not (cleaned.get("email") or cleaned.get("phone"))
        ):
            self.add_error("email", contract.FIRST_PARENT_CONTACT)
        return cleaned


class ParentEducatesForm(YesNoQuestion, NumberedForm):
    title = contract.PARENT_EDUCATES.label
    question_field = "educates"
    caption_noun = "Parent or carer"

    educates = yes_no(
        title,
        message=contract.PARENT_EDUCATES.message,
        help_text="Answer yes if they teach or supervise any of the child's education",
    )


class JourneySummaryForm(SummaryForm):
    """The list of parents (or providers) added so far, and whether to add another."""

    group = ""

    @property
    def count(self) -> int:
        return routing.group_count(self.answers, self.group)

    @property
    def most(self) -> int:
        return routing.GROUPS[self.group][2]


class ParentsSummaryForm(JourneySummaryForm):
    group = "parent"
    question = "Do you need to add another parent or carer?"
    message = "Select yes if you need to add another parent or carer"

    @property
    def title(self) -> str:
        return (
            "You have added 1 parent or carer"
            if self.count == 1
            else f"You have added {self.count} parents or carers"
        )


# Education ------------------------------------------------------------------------------------


class HoursAnswer:
    """Hours are kept in the answers as a person types them ("7.5")."""

    hours_fields: tuple[str, ...] = ()

    def answer(self) -> dict:
        return {name: hours_text(self.cleaned_data[name]) for name in self.hours_fields}


class EducationHoursForm(HoursAnswer, QuestionForm):
    title = "About how many hours a week do the parents or carers educate your child?"
    hours_fields = ("hours",)

    hours = hours_field(
        contract.PARENT_HOURS, label=title, help_text="An estimate is fine, like 20 or 22.5"
    )

    def layout_items(self) -> list:
        return [Field.text("hours", label_size=Size.LARGE, label_tag="h1", field_width=5)]


class OtherProvidersQuestionForm(YesNoQuestion):
    title = "Does anyone else educate your child?"
    question_field = "has_providers"

    has_providers = yes_no(
        title,
        message="Select yes if anyone else educates your child",
        help_text="For example, a tutor, a tuition centre, an online school or a college",
    )


class ProviderDetailsForm(NumberedForm):
    title = "Who else educates your child?"
    caption_noun = "Provider"

    name = text_field(
        contract.PROVIDER_NAME,
        help_text="The tutor's name, or the name of the setting or online school",
    )
    provider_type = choice_radios(contract.PROVIDER_TYPE)

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("name"),
                Field.radios("provider_type", legend_size=Size.SMALL),
                legend=self.title,
            )
        ]


class ProviderLocationForm(AddressFields, NumberedForm):
    title = "Where does your child get this education?"
    caption_noun = "Provider"
    helper_class = PageHeadingHelper
    conditional_radios = ("where",)

    where = radios(
        title,
        [("address", "At an address"), ("online", "Online")],
        message="Select where your child gets this education",
    )
    website = website_field(
        contract.PROVIDER_WEBSITE, help_text="Give a website, an email address or both"
    )
    email = email_field(widget=forms.EmailInput(attrs={"spellcheck": "false"}))

    def layout_items(self) -> list:
        return [
            RevealedRadios(
                "where",
                RevealedQuestion("At an address", *self.address_items()),
                RevealedQuestion(
                    "Online", Field.text("website"), Field.text("email", field_width=20)
                ),
            )
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("where") == "address":
            self.require_address()
        elif (
            cleaned.get("where") == "online"
            and not {"website", "email"} & set(self.errors)
            and not (cleaned.get("website") or cleaned.get("email"))
        ):
            self.add_error("website", contract.PROVIDER_ONLINE_CONTACT)
        return cleaned

    def answer(self) -> dict:
        if self.cleaned_data["where"] == "address":
            return {"where": "address", **self.address_answer()}
        return {
            "where": "online",
            "website": self.cleaned_data["website"],
            "email": self.cleaned_data["email"],
        }


class ProviderHoursForm(HoursAnswer, NumberedForm):
    title = "About how many hours a week does your child spend with this provider?"
    caption_noun = "Provider"
    hours_fields = ("hours", "hours_without_parent")

    hours = hours_field(
        contract.PROVIDER_HOURS,
        label="Total hours a week",
        help_text="An estimate is fine, like 6 or 7.5",
    )
    hours_without_parent = hours_field(
        contract.PROVIDER_HOURS_WITHOUT_PARENT,
        label="Hours a week without a parent present",
        help_text="Enter 0 if a parent or carer is always there",
    )

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("hours", field_width=5),
                Field.text("hours_without_parent", field_width=5),
                legend=self.title,
            )
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        total, without = cleaned.get("hours"), cleaned.get("hours_without_parent")
        if total is not None and without is not None:
            problem = hours_without_parent_problem(total=total, without_parent=without)
            if problem:
                self.add_error("hours_without_parent", problem)
        return cleaned


class ProvidersSummaryForm(JourneySummaryForm):
    group = "provider"
    question = "Do you need to add another provider?"
    message = "Select yes if you need to add another provider"

    @property
    def title(self) -> str:
        return (
            "You have added 1 provider"
            if self.count == 1
            else f"You have added {self.count} providers"
        )


# School, reasons and support -----------------------------------------------------------------

NEVER_AT_SCHOOL_AND_NAMED = (
    "Enter the name of the school, or select ‘My child has not been to school’, not both"
)


class SchoolForm(QuestionForm):
    title = "Which school did your child go to most recently?"

    # Whether a school must be named depends on the checkbox: see clean().
    school_name = text_field(
        replace(contract.SCHOOL_NAME, required=""),
        help_text="The school your child left, or whose roll they are still on",
    )
    never_at_school = forms.BooleanField(label="My child has not been to school", required=False)
    still_on_roll = yes_no(
        contract.STILL_ON_ROLL.label,
        message=contract.STILL_ON_ROLL.message,
        required=False,
        help_text="This means the school still lists them as a pupil, for example while you "
        "wait for the school to take them off roll, or if they are flexi-schooled",
    )
    special_school = choice_radios(
        contract.SPECIAL_SCHOOL,
        required=False,
        help_text="A school for children with special educational needs",
    )

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("school_name"),
                Field.checkbox("never_at_school"),
                Field.radios("still_on_roll", legend_size=Size.SMALL, inline=True),
                Field.radios("special_school", legend_size=Size.SMALL),
                legend=self.title,
            )
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("never_at_school"):
            if cleaned.get("school_name"):
                self.add_error("school_name", NEVER_AT_SCHOOL_AND_NAMED)
            return cleaned
        # Every unanswered question at once, beside any the fields refused.
        missing = {
            "school_name": contract.SCHOOL_NAME.required,
            "still_on_roll": self.fields["still_on_roll"].error_messages["required"],
            "special_school": self.fields["special_school"].error_messages["required"],
        }
        for name, message in missing.items():
            if name not in self.errors and not cleaned.get(name):
                self.add_error(name, message)
        return cleaned

    def answer(self) -> dict:
        if self.cleaned_data["never_at_school"]:
            return {"never_at_school": True}
        return {
            "never_at_school": False,
            "school_name": self.cleaned_data["school_name"],
            "still_on_roll": self.cleaned_data["still_on_roll"],
            "special_school": self.cleaned_data["special_school"],
        }


_GIVEN_REASONS = [
    (value, label)
    for value, label in contract.PRIMARY_REASON.choices
    # A parent gives a reason or prefers not to: "Unknown" is for when nobody was asked.
    if value not in (PrimaryReason.NO_REASON_GIVEN, PrimaryReason.UNKNOWN)
]
REASON_CHOICES = [
    *_GIVEN_REASONS[:-1],
    Choice(*_GIVEN_REASONS[-1], divider="or"),
    (PrimaryReason.NO_REASON_GIVEN.value, "Prefer not to say"),
]


class ReasonForm(QuestionForm):
    title = contract.PRIMARY_REASON.label

    reason = choice_radios(contract.PRIMARY_REASON, choices=REASON_CHOICES, required=False)

    def layout_items(self) -> list:
        return [Field.radios("reason", legend_size=Size.LARGE, legend_tag="h1", small=True)]


class SenForm(QuestionForm):
    title = contract.SEN_PROVISION.label

    sen = choice_radios(
        contract.SEN_PROVISION,
        choices=[
            (SenProvision.SEN_SUPPORT.value, "Yes – they get SEN support"),
            (
                SenProvision.EHC_PLAN.value,
                "Yes – they have an education, health and care (EHC) plan",
            ),
            (SenProvision.NONE.value, "No"),
            (SenProvision.UNKNOWN.value, "Prefer not to say"),
        ],
        required=False,
    )

    def layout_items(self) -> list:
        return [Field.radios("sen", legend_size=Size.LARGE, legend_tag="h1")]


class SupportForm(YesNoQuestion):
    title = contract.WANTS_SUPPORT.label
    question_field = "wants_support"

    wants_support = yes_no(
        title,
        message=contract.WANTS_SUPPORT.message,
        help_text="For example, advice about resources, exams or special educational needs",
    )


class DeclarationForm(QuestionForm):
    title = "Declaration"
    submit_label = "Send notification"

    confirmed = forms.MultipleChoiceField(
        label="Declaration",
        choices=[
            (
                "confirmed",
                "I confirm that the information I have given is correct to the best of my "
                "knowledge",
            )
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Confirm that the information you have given is correct to the best "
            "of your knowledge"
        },
        help_text="The local authority will use this information to keep its register of "
        "children not in school.",
    )

    def layout_items(self) -> list:
        return [Field.checkboxes("confirmed", legend_size=Size.LARGE, legend_tag="h1")]

    def answer(self) -> dict:
        return {"confirmed": True}

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {}


PAGE_FORMS: dict[str, type[QuestionForm]] = {
    routing.CHILD_NAME: ChildNameForm,
    routing.CHILD_DATE_OF_BIRTH: ChildDateOfBirthForm,
    routing.CHILD_SEX: ChildSexForm,
    routing.CHILD_ADDRESS: ChildAddressForm,
    routing.CHILD_MOVED_IN: ChildMovedInForm,
    routing.CHILD_PREVIOUS_ADDRESS: ChildPreviousAddressForm,
    routing.CHILD_ADDITIONAL_ADDRESS_QUESTION: ChildAdditionalAddressQuestionForm,
    routing.CHILD_ADDITIONAL_ADDRESS: ChildAdditionalAddressForm,
    routing.PARENT_NAME: ParentNameForm,
    routing.PARENT_RELATIONSHIP: ParentRelationshipForm,
    routing.PARENT_ADDRESS: ParentAddressForm,
    routing.PARENT_CONTACT: ParentContactForm,
    routing.PARENT_EDUCATES: ParentEducatesForm,
    routing.PARENTS_SUMMARY: ParentsSummaryForm,
    routing.EDUCATION_HOURS: EducationHoursForm,
    routing.OTHER_PROVIDERS_QUESTION: OtherProvidersQuestionForm,
    routing.PROVIDER_DETAILS: ProviderDetailsForm,
    routing.PROVIDER_LOCATION: ProviderLocationForm,
    routing.PROVIDER_HOURS: ProviderHoursForm,
    routing.PROVIDERS_SUMMARY: ProvidersSummaryForm,
    routing.SCHOOL: SchoolForm,
    routing.REASON: ReasonForm,
    routing.SEN: SenForm,
    routing.SUPPORT: SupportForm,
    routing.DECLARATION: DeclarationForm,
}
