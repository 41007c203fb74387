"""One form for each page of "Tell us your child is not in school".

Forms check shape and give the GOV.UK message for each problem; each turns its cleaned data into
a JSON-safe answer for the session (`answer`) and back into initial values (`initial_from`).
The rules (compulsory school age, hours in a week) come from the intake service, which checks
every answer again when the notification is sent.

Labels and legends are rendered unescaped by crispy-forms-gds, so none of them contains anything
a parent typed.
"""

from collections.abc import Mapping
from datetime import date

from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import (
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Fieldset,
    Layout,
    Size,
    Submit,
)
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from registers.forms import GovukDateField
from registers.public.notify import routing
from registers.rules.codes import PrimaryReason, ProviderType, Relationship, SenProvision
from registers.rules.identifiers import POSTCODE_ERROR, IdentifierError, normalise_postcode
from registers.services import notifications

YES_NO = [("yes", "Yes"), ("no", "No")]
# A date input's legend as the page's heading (Field.radios and Field.checkboxes take these as
# arguments; a plain Field takes them as context).
PAGE_HEADING_LEGEND = {"legend_size": Size.for_legend(Size.LARGE), "legend_tag": "h1"}


def _too_long(name: str, limit: int) -> str:
    return f"{name} must be {limit} characters or fewer"


def text_field(
    label: str,
    *,
    max_length: int,
    required_message: str = "",
    length_name: str = "",
    **kwargs,
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(required_message),
        error_messages={
            "required": required_message,
            "max_length": _too_long(length_name or label, max_length),
        },
        **kwargs,
    )


def radios(label: str, choices, *, message: str, required: bool = True, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


def heading(*items, legend: str) -> Fieldset:
    """A fieldset whose legend is the page's one heading."""
    return Fieldset(*items, legend=legend, legend_size=Size.LARGE, legend_tag="h1")


class PageHeadingHelper(FormHelper):
    """Every legend is the page's heading: for a page that is one set of RevealedRadios
    (which take no legend arguments, so they come from the context)."""

    def render_layout(self, form, context, template_pack=TEMPLATE_PACK):
        context["legend_size"] = Size.for_legend(Size.LARGE)
        context["legend_tag"] = "h1"
        return super().render_layout(form, context, template_pack=template_pack)


class RevealedQuestion(ConditionalQuestion):
    """A radio and the questions that go with it, always shown.

    GOV.UK Frontend's conditional reveal marks the radios aria-expanded, which ARIA does not
    allow on a radio and axe reports (govuk-frontend issue #979, a known issue). Shown always,
    as they are without JavaScript, the questions need no ARIA state and pass axe either way.
    """

    template = "public/notify/revealed_question.html"


class RevealedRadios(ConditionalRadios):
    """Radios, each followed by its own questions (RevealedQuestion), in one form group."""

    template = "public/notify/revealed_radios.html"

    def __init__(self, field: str, *choices) -> None:
        super().__init__(
            field,
            *(
                RevealedQuestion(choice) if isinstance(choice, str) else choice
                for choice in choices
            ),
        )

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        context.update({"field": form[self.field]})
        return super().render(form, context, template_pack=template_pack, **kwargs)


class QuestionForm(forms.Form):
    """A question page: `title` is the question, the page's title and its heading."""

    title = ""
    page_template = "public/notify/question.html"
    submit_label = "Continue"
    helper_class = FormHelper
    # RevealedRadios number their first button from 0, not 1.
    conditional_radios: tuple[str, ...] = ()
    # GOV.UK validates on the server and shows its own messages, not the browser's.
    use_required_attribute = False

    def __init__(
        self,
        *args,
        answers: Mapping | None = None,
        number: int | None = None,
        today: date | None = None,
        **kwargs,
    ) -> None:
        self.answers = answers or {}
        self.number = number
        self.today = today or timezone.localdate()
        super().__init__(*args, **kwargs)
        # Where the error summary links a problem not tied to a field (set by the view).
        self.error_hrefs: dict[str, str] = {}
        self.helper = self.helper_class()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(*self.layout_items(), Submit("continue", self.submit_label))

    def layout_items(self) -> list:
        raise NotImplementedError

    def anchor(self, name: str) -> str:
        """The id of the input a problem with this field links to: its first input."""
        bound = self[name]
        widget = self.fields[name].widget
        if isinstance(widget, forms.RadioSelect):
            return f"{bound.auto_id}_{0 if name in self.conditional_radios else 1}"
        if isinstance(widget, forms.CheckboxSelectMultiple):
            return f"{bound.auto_id}_1"
        if isinstance(widget, forms.MultiWidget):
            return f"{bound.auto_id}_0"
        return bound.auto_id

    def error_links(self) -> list[tuple[str, str]]:
        """(href, message) for the error summary, in the order of the page."""
        first = f"#{self.anchor(next(iter(self.fields)))}" if self.fields else ""
        links = [
            (self.error_hrefs.get(message, first), message) for message in self.non_field_errors()
        ]
        for name in self.fields:
            links.extend(
                (f"#{self.anchor(name)}", message) for message in self.errors.get(name, [])
            )
        return links

    def answer(self) -> dict:
        return dict(self.cleaned_data)

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return dict(answer)


# The child ------------------------------------------------------------------------------------


class ChildNameForm(QuestionForm):
    title = "What is your child's name?"

    first_name = text_field(
        "First name",
        max_length=notifications.NAME_MAX,
        required_message="Enter your child's first name",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    middle_names = text_field(
        "Middle names (optional)",
        max_length=notifications.NAME_MAX,
        length_name="Middle names",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    last_name = text_field(
        "Last name",
        max_length=notifications.NAME_MAX,
        required_message="Enter your child's last name",
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

    date_of_birth = GovukDateField(
        question="Your child's date of birth",
        label="What is your child's date of birth?",
        help_text="For example, 27 3 2016",
    )

    def layout_items(self) -> list:
        return [Field("date_of_birth", context=PAGE_HEADING_LEGEND)]

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        if born.year < 1000:
            raise ValidationError("Year must include 4 numbers")
        problem = notifications.date_of_birth_problem(born, self.today)
        if problem:
            raise ValidationError(problem)
        return born

    def answer(self) -> dict:
        return {"date_of_birth": self.cleaned_data["date_of_birth"].isoformat()}

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {"date_of_birth": date.fromisoformat(answer["date_of_birth"])}


class ChildSexForm(QuestionForm):
    title = "What is your child's sex?"

    sex = radios(
        "What is your child's sex?",
        [("female", "Female"), ("male", "Male"), ("unknown", "Prefer not to say")],
        message="Select your child's sex, or ‘Prefer not to say’",
    )

    def layout_items(self) -> list:
        return [Field.radios("sex", legend_size=Size.LARGE, legend_tag="h1")]


class AddressFields(forms.Form):
    """The four lines of a typed address. There is no address lookup by postcode: that needs
    an address provider (such as OS Places), which this project does not have."""

    line_1 = text_field(
        "Address line 1",
        max_length=notifications.ADDRESS_LINE_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    line_2 = text_field(
        "Address line 2 (optional)",
        max_length=notifications.ADDRESS_LINE_MAX,
        length_name="Address line 2",
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    town = text_field(
        "Town or city",
        max_length=notifications.TOWN_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=notifications.POSTCODE_INPUT_MAX,
        required=False,
        error_messages={"max_length": POSTCODE_ERROR},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )

    ADDRESS = ("line_1", "line_2", "town", "postcode")

    def address_items(self) -> list:
        return [
            Field.text("line_1"),
            Field.text("line_2"),
            Field.text("town", field_width=20),
            Field.text("postcode", field_width=10),
        ]

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"]
        if not postcode:
            return ""
        try:
            return normalise_postcode(postcode)
        except IdentifierError as error:
            raise ValidationError(str(error)) from error

    def require_address(self) -> None:
        """Say which of the address's required lines are missing."""
        for name, message in (
            ("line_1", "Enter address line 1, typically the building and street"),
            ("town", "Enter town or city"),
            ("postcode", "Enter postcode"),
        ):
            if name not in self.errors and not self.cleaned_data.get(name):
                self.add_error(name, message)

    def address_answer(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.ADDRESS}


class AddressForm(AddressFields, QuestionForm):
    def layout_items(self) -> list:
        return [heading(*self.address_items(), legend=self.title)]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        return cleaned


class ChildAddressForm(AddressForm):
    title = "What is your child's home address?"


class ChildPreviousAddressForm(AddressForm):
    title = "What was your child's previous address?"


class ChildAdditionalAddressForm(AddressForm):
    title = "What is your child's other address?"


class MonthYearWidget(forms.MultiWidget):
    """The GOV.UK date input with only month and year."""

    template_name = "gds/widgets/date.html"

    def __init__(self) -> None:
        super().__init__(
            [
                forms.TextInput(
                    attrs={
                        "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                        "label": "Month",
                        "inputmode": "numeric",
                    }
                ),
                forms.TextInput(
                    attrs={
                        "class": "govuk-input govuk-date-input__input govuk-input--width-4",
                        "label": "Year",
                        "inputmode": "numeric",
                    }
                ),
            ]
        )

    def decompress(self, value):
        return [value["month"], value["year"]] if value else [None, None]


class MonthYearField(forms.MultiValueField):
    widget = MonthYearWidget

    def __init__(self, *, question: str, **kwargs) -> None:
        self.question = question
        super().__init__(
            fields=(forms.CharField(required=False), forms.CharField(required=False)),
            require_all_fields=False,
            error_messages={"required": f"Enter {question.lower()}, like 3 2024"},
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list or not all(data_list):
            raise ValidationError(f"{self.question} must include a month and a year")
        month, year = (part.strip() for part in data_list)
        if not (month.isdigit() and year.isdigit()) or not 1 <= int(month) <= 12:
            raise ValidationError(f"{self.question} must be a real date")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers")
        return {"month": int(month), "year": int(year)}


class ChildMovedInForm(QuestionForm):
    title = "When did your child start living at this address?"

    moved_in = MonthYearField(
        question="The date your child started living at this address",
        label="When did your child start living at this address?",
        help_text="For example, 3 2024",
    )

    def layout_items(self) -> list:
        return [Field("moved_in", context=PAGE_HEADING_LEGEND)]

    def clean_moved_in(self) -> dict:
        moved_in = self.cleaned_data["moved_in"]
        month, year = moved_in["month"], moved_in["year"]
        if date(year, month, 1) > self.today:
            raise ValidationError(
                "The date your child started living at this address must be in the past"
            )
        born = self.answers.get(routing.CHILD_DATE_OF_BIRTH, {}).get("date_of_birth")
        if born and (year, month) < date.fromisoformat(born).timetuple()[:2]:
            raise ValidationError(
                "The date your child started living at this address must be after their date "
                "of birth"
            )
        return moved_in

    def answer(self) -> dict:
        moved_in = self.cleaned_data["moved_in"]
        return {
            **moved_in,
            "under_12_months": notifications.moved_in_under_12_months(
                month=moved_in["month"], year=moved_in["year"], today=self.today
            ),
        }

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {"moved_in": {"month": answer["month"], "year": answer["year"]}}


class YesNoQuestion:
    """A page asking one yes/no question, whose legend is the page heading."""

    question_field = ""

    def layout_items(self) -> list:
        return [
            Field.radios(self.question_field, legend_size=Size.LARGE, legend_tag="h1", inline=True)
        ]


class ChildAdditionalAddressQuestionForm(YesNoQuestion, QuestionForm):
    title = "Does your child also live at another address?"
    question_field = "has_additional_address"

    has_additional_address = radios(
        title,
        YES_NO,
        message="Select yes if your child also lives at another address",
        help_text="For example, if they spend part of the week living with each parent",
    )


class NumberedForm(QuestionForm):
    """A page asked once for each parent or carer (or provider); the caption says which."""

    caption_noun = ""

    @property
    def caption(self) -> str:
        return f"{self.caption_noun} {self.number}"


class ParentNameForm(NumberedForm):
    title = "What is the parent or carer's name?"
    caption_noun = "Parent or carer"

    first_name = text_field(
        "First name",
        max_length=notifications.NAME_MAX,
        required_message="Enter the parent or carer's first name",
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    last_name = text_field(
        "Last name",
        max_length=notifications.NAME_MAX,
        required_message="Enter the parent or carer's last name",
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def layout_items(self) -> list:
        return [
            heading(
                Field.text("first_name", field_width=20),
                Field.text("last_name", field_width=20),
                legend=self.title,
            )
        ]


class ParentRelationshipForm(NumberedForm):
    title = "What is the parent or carer's relationship to the child?"
    caption_noun = "Parent or carer"

    relationship = radios(
        "What is the parent or carer's relationship to the child?",
        Relationship.choices,
        message="Select the parent or carer's relationship to the child",
    )

    def layout_items(self) -> list:
        return [Field.radios("relationship", legend_size=Size.LARGE, legend_tag="h1")]


class ParentAddressForm(AddressFields, NumberedForm):
    title = "Does the parent or carer live at the child's home address?"
    caption_noun = "Parent or carer"

    same_as_child = radios(
        "Does the parent or carer live at the child's home address?",
        YES_NO,
        message="Select yes if the parent or carer lives at the child's home address",
    )

    helper_class = PageHeadingHelper
    conditional_radios = ("same_as_child",)

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

    email = forms.EmailField(
        label="Email address",
        max_length=notifications.EMAIL_MAX,
        required=False,
        error_messages={
            "invalid": notifications.EMAIL_INVALID,
            "max_length": _too_long("Email address", notifications.EMAIL_MAX),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = text_field(
        "Phone number",
        max_length=notifications.PHONE_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

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

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if phone and notifications.phone_problem(phone):
            raise ValidationError(notifications.PHONE_INVALID)
        return phone

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            self.number == 1
            and not self.errors
            and not (cleaned.get("email") or cleaned.get("phone"))
        ):
            self.add_error("email", "Enter an email address or a phone number")
        return cleaned


class ParentEducatesForm(YesNoQuestion, NumberedForm):
    title = "Does the parent or carer educate the child?"
    question_field = "educates"
    caption_noun = "Parent or carer"

    educates = radios(
        title,
        YES_NO,
        message="Select yes if the parent or carer educates the child",
        help_text="Answer yes if they teach or supervise any of the child's education",
    )


class SummaryForm(QuestionForm):
    """The list of parents (or providers) added so far, and whether to add another."""

    page_template = "public/notify/summary.html"
    group = ""
    question = ""
    message = ""

    add_another = radios("", YES_NO, message="")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.full:
            del self.fields["add_another"]
        else:
            self.fields["add_another"].label = self.question
            self.fields["add_another"].error_messages = {
                "required": self.message,
                "invalid_choice": self.message,
            }

    @property
    def count(self) -> int:
        return routing.group_count(self.answers, self.group)

    @property
    def most(self) -> int:
        return routing.GROUPS[self.group][2]

    @property
    def full(self) -> bool:
        return self.count >= self.most

    def layout_items(self) -> list:
        if self.full:
            return []
        return [Field.radios("add_another", legend_size=Size.MEDIUM, legend_tag="h2", inline=True)]

    def answer(self) -> dict:
        # The answer is about this list: adding or removing one asks the question again.
        return {"add_another": self.cleaned_data.get("add_another", "no"), "count": self.count}

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return {}


class ParentsSummaryForm(SummaryForm):
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


class HoursField(forms.CharField):
    """An estimate of hours a week: 0 to 168, to one decimal place; kept as a string."""

    def __init__(self, *, name: str, missing: str, **kwargs) -> None:
        self.name = name
        self.missing = missing
        super().__init__(
            max_length=10,
            error_messages={"required": missing, "max_length": missing},
            widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
            **kwargs,
        )

    def clean(self, value) -> str:
        text = super().clean(value)
        try:
            hours = notifications.weekly_hours(text, label=self.name, missing=self.missing)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        return f"{hours:.1f}".removesuffix(".0")


class EducationHoursForm(QuestionForm):
    title = "About how many hours a week do the parents or carers educate your child?"

    hours = HoursField(
        label="About how many hours a week do the parents or carers educate your child?",
        name="Hours a week",
        missing="Enter a number of hours, like 20",
        help_text="An estimate is fine, like 20 or 22.5",
    )

    def layout_items(self) -> list:
        return [Field.text("hours", label_size=Size.LARGE, label_tag="h1", field_width=5)]


class OtherProvidersQuestionForm(YesNoQuestion, QuestionForm):
    title = "Does anyone else educate your child?"
    question_field = "has_providers"

    has_providers = radios(
        title,
        YES_NO,
        message="Select yes if anyone else educates your child",
        help_text="For example, a tutor, a tuition centre, an online school or a college",
    )


class ProviderDetailsForm(NumberedForm):
    title = "Who else educates your child?"
    caption_noun = "Provider"

    name = text_field(
        "Name of the provider",
        max_length=notifications.PROVIDER_NAME_MAX,
        required_message="Enter the name of the provider",
        help_text="The tutor's name, or the name of the setting or online school",
    )
    provider_type = radios(
        "Type of provider", ProviderType.choices, message="Select the type of provider"
    )

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
        "Where does your child get this education?",
        [("address", "At an address"), ("online", "Online")],
        message="Select where your child gets this education",
    )
    website = forms.URLField(
        label="Website",
        max_length=notifications.WEBSITE_MAX,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": notifications.WEBSITE_INVALID,
            "max_length": _too_long("Website", notifications.WEBSITE_MAX),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=notifications.EMAIL_MAX,
        required=False,
        error_messages={
            "invalid": notifications.EMAIL_INVALID,
            "max_length": _too_long("Email address", notifications.EMAIL_MAX),
        },
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].help_text = "Give a website, an email address or both"

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
            self.add_error("website", notifications.PROVIDER_ONLINE_CONTACT)
        return cleaned

    def answer(self) -> dict:
        if self.cleaned_data["where"] == "address":
            return {"where": "address", **self.address_answer()}
        return {
            "where": "online",
            "website": self.cleaned_data["website"],
            "email": self.cleaned_data["email"],
        }


class ProviderHoursForm(NumberedForm):
    title = "About how many hours a week does your child spend with this provider?"
    caption_noun = "Provider"

    hours = HoursField(
        label="Total hours a week",
        name="Total hours a week",
        missing="Enter the total hours a week as a number, like 20",
        help_text="An estimate is fine, like 6 or 7.5",
    )
    hours_without_parent = HoursField(
        label="Hours a week without a parent present",
        name="Hours without a parent present",
        missing="Enter the hours a week without a parent present as a number, like 6",
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
        if total is not None and without is not None and float(without) > float(total):
            self.add_error("hours_without_parent", notifications.WITHOUT_PARENT_OVER_TOTAL)
        return cleaned


class ProvidersSummaryForm(SummaryForm):
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


class SchoolForm(QuestionForm):
    title = "Which school did your child go to most recently?"

    school_name = text_field(
        "Name of the school",
        max_length=notifications.SCHOOL_NAME_MAX,
        help_text="The school your child left, or whose roll they are still on",
    )
    never_at_school = forms.BooleanField(label="My child has not been to school", required=False)
    still_on_roll = radios(
        "Is your child still on the school's roll?",
        YES_NO,
        message="Select yes if your child is still on the school's roll",
        required=False,
        help_text="This means the school still lists them as a pupil, for example while you "
        "wait for the school to take them off roll, or if they are flexi-schooled",
    )
    special_school = radios(
        "Is it a special school?",
        [("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")],
        message="Select yes if the school is a special school",
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
        if self.errors:
            return cleaned
        if cleaned.get("never_at_school"):
            if cleaned.get("school_name"):
                self.add_error(
                    "school_name",
                    "Enter the name of the school, or select ‘My child has not been to "
                    "school’, not both",
                )
            return cleaned
        if not cleaned.get("school_name"):
            self.add_error(
                "school_name",
                "Enter the name of the school, or select ‘My child has not been to school’",
            )
        for name in ("still_on_roll", "special_school"):
            if not cleaned.get(name):
                self.add_error(name, self.fields[name].error_messages["required"])
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
    for value, label in PrimaryReason.choices
    if value not in (PrimaryReason.UNKNOWN, PrimaryReason.NO_REASON_GIVEN)
]
REASON_CHOICES = [
    *_GIVEN_REASONS[:-1],
    Choice(*_GIVEN_REASONS[-1], divider="or"),
    (PrimaryReason.NO_REASON_GIVEN.value, "Prefer not to say"),
]


class ReasonForm(QuestionForm):
    title = "What is the main reason your child is not in school? (optional)"

    reason = radios(
        "What is the main reason your child is not in school? (optional)",
        REASON_CHOICES,
        message="Select the main reason your child is not in school",
        required=False,
    )

    def layout_items(self) -> list:
        return [Field.radios("reason", legend_size=Size.LARGE, legend_tag="h1", small=True)]


class SenForm(QuestionForm):
    title = "Does your child have special educational needs? (optional)"

    sen = radios(
        "Does your child have special educational needs? (optional)",
        [
            (SenProvision.SEN_SUPPORT.value, "Yes – they get SEN support"),
            (
                SenProvision.EHC_PLAN.value,
                "Yes – they have an education, health and care (EHC) plan",
            ),
            (SenProvision.NONE.value, "No"),
            (SenProvision.UNKNOWN.value, "Prefer not to say"),
        ],
        message="Select whether your child has special educational needs",
        required=False,
    )

    def layout_items(self) -> list:
        return [Field.radios("sen", legend_size=Size.LARGE, legend_tag="h1")]


class SupportForm(YesNoQuestion, QuestionForm):
    title = "Would you like support or advice from the local authority?"
    question_field = "wants_support"

    wants_support = radios(
        title,
        YES_NO,
        message="Select yes if you would like support or advice from the local authority",
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


class RemoveForm(QuestionForm):
    """Are you sure? Taking a parent or provider off the list."""

    remove = radios("", YES_NO, message="")

    def __init__(self, *args, question: str, message: str, **kwargs) -> None:
        self.title = question
        super().__init__(*args, **kwargs)
        self.fields["remove"].label = question
        self.fields["remove"].error_messages = {"required": message, "invalid_choice": message}

    def layout_items(self) -> list:
        return [Field.radios("remove", legend_size=Size.LARGE, legend_tag="h1", inline=True)]
