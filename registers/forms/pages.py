"""GOV.UK form pages for every journey, public and staff.

`GovukForm` is any form of the service: validated on the server with GOV.UK messages, laid out
with crispy-forms-gds. `QuestionForm` is one question page of a journey, whose question is the
page's title and heading. Address fields, yes/no pages, "add another" lists and "are you sure"
removals are built once here.

Labels and legends are rendered unescaped by crispy-forms-gds, so none of them may contain
anything a person typed (format_html where one must).
"""

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import TypeVar

from crispy_forms.utils import TEMPLATE_PACK
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
from django.utils import timezone

from registers.errors import ApplicationError
from registers.forms.errors import service_errors_show
from registers.forms.fields import postcode_field, text_field, yes_no
from registers.validation import ADDRESS_LINE_1, ADDRESS_LINE_2, POSTCODE_REQUIRED, TOWN

Checked = TypeVar("Checked")

# A date input's legend as the page's heading (Field.radios and Field.checkboxes take these as
# arguments; a plain Field takes them as context).
PAGE_HEADING_LEGEND = {"legend_size": Size.for_legend(Size.LARGE), "legend_tag": "h1"}


def heading(*items, legend: str) -> Fieldset:
    """A fieldset whose legend is the page's one heading."""
    return Fieldset(*items, legend=legend, legend_size=Size.LARGE, legend_tag="h1")


def section(*items, legend: str, tag: str = "h2") -> Fieldset:
    """A fieldset that is one part of a longer page."""
    return Fieldset(*items, legend=legend, legend_size=Size.MEDIUM, legend_tag=tag)


def posted_data(request):
    """The form data of a POST, even an empty one (which must show "required" errors)."""
    return request.POST if request.method == "POST" else None


class GovukForm(forms.Form):
    """A form of this service: the server checks it and shows GOV.UK messages, not the
    browser's, and crispy-forms-gds lays it out from `layout_items()`."""

    submit_label = "Continue"
    submit_name = "continue"
    helper_class = FormHelper
    # RevealedRadios number their first button from 0, not 1 (the error summary must know).
    conditional_radios: tuple[str, ...] = ()
    use_required_attribute = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Where the error summary links a problem that is put right on another page.
        self.error_hrefs: dict[str, str] = {}
        self.add_fields()
        self.helper = self.helper_class()
        self.helper.attrs = {"novalidate": ""}
        items = self.layout_items()
        if self.submit_label:
            items = [*items, Submit(self.submit_name, self.submit_label)]
        self.helper.layout = Layout(*items)

    def add_fields(self) -> None:
        """Add the fields that depend on the form's arguments (one per child named, say)."""

    def layout_items(self) -> list:
        return [Field(name) for name in self.fields]

    def clean(self) -> dict:
        cleaned = super().clean()
        # Questions under a radio not chosen are not answers: hidden by GOV.UK Frontend, or
        # typed (with JavaScript off, or before a change of mind) and then left. Drop them.
        for radios in _revealed_radios(self.helper.layout):
            for name in radios.unchosen_questions(self[radios.field]):
                self.errors.pop(name, None)
                cleaned.pop(name, None)
        return cleaned

    def intake_check(
        self,
        check: Callable[[dict], Checked],
        *,
        fields: Mapping[str, str] | None = None,
    ) -> Checked | None:
        """Run the intake's check of the whole page with each field's own (from clean()), so
        that one submission shows every problem, never one more on the next.

        `check` is given every answer: as its field cleaned it or, where the field refused it,
        as typed, so that the intake refuses it too rather than judge what depends on it as if
        it were blank (an answer in parts, such as a date, is None). Its messages go on the
        fields the form has not already refused (`fields` renames its keys as
        service_errors_show does). Returns what the check returns, or None if it refused.
        """
        answers = {}
        for name in self.fields:
            if name in self.cleaned_data:
                answers[name] = self.cleaned_data[name]
            else:
                typed = self[name].data
                answers[name] = typed if isinstance(typed, str) else None
        try:
            return check(answers)
        except ApplicationError as error:
            service_errors_show(self, error, fields=fields)
            return None


class QuestionForm(GovukForm):
    """A question page: `title` is the question, the page's title and its heading.

    A journey keeps each page's answer as JSON: `answer()` gives it and `initial_from()` turns
    it back into the form's initial values.
    """

    title = ""
    page_template = "public/notify/question.html"

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

    def answer(self) -> dict:
        return dict(self.cleaned_data)

    @classmethod
    def initial_from(cls, answer: Mapping) -> dict:
        return dict(answer)


class PageHeadingHelper(FormHelper):
    """Every legend is the page's heading: for a page that is one set of RevealedRadios
    (which take no legend arguments, so they come from the context)."""

    def render_layout(self, form, context, template_pack=TEMPLATE_PACK):
        context.update(PAGE_HEADING_LEGEND)
        return super().render_layout(form, context, template_pack=template_pack)


class RevealedQuestion(ConditionalQuestion):
    """A radio and the questions it reveals: GOV.UK Frontend's conditional reveal.

    Only a radio with questions names them (`data-aria-controls`, made `aria-controls` by the
    script): crispy-forms-gds names a panel for every radio, so a radio with none pointed at
    an element that does not exist, which axe refuses. Questions under a radio not chosen
    start hidden where GOV.UK Frontend runs, and are always shown without JavaScript.
    """

    template = "public/notify/revealed_question.html"


class RevealedRadios(ConditionalRadios):
    """Radios, each followed by the questions it reveals (RevealedQuestion), in one form group.

    Only the chosen radio's questions are answers: GovukForm.clean drops the others.
    """

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

    def unchosen_questions(self, bound: forms.BoundField) -> list[str]:
        """The fields of the questions under every radio but the one chosen."""
        labels = {str(label): str(value) for value, label in bound.field.choices}
        chosen = str(bound.data or "")
        return [
            name
            for question in self.choices
            if labels[question.value] != chosen
            for name in _field_names(question.fields)
        ]


def _field_names(items) -> list[str]:
    """The names of the fields in layout items (names, Field objects, or their containers)."""
    names = []
    for item in items:
        names.extend([item] if isinstance(item, str) else _field_names(item.fields))
    return names


def _revealed_radios(layout) -> list[RevealedRadios]:
    found = []
    for item in getattr(layout, "fields", ()):
        if isinstance(item, RevealedRadios):
            found.append(item)
        else:
            found.extend(_revealed_radios(item))
    return found


class YesNoQuestion(QuestionForm):
    """A page asking one yes/no question (its `question_field`), the legend its heading."""

    question_field = ""

    def layout_items(self) -> list:
        return [
            Field.radios(self.question_field, legend_size=Size.LARGE, legend_tag="h1", inline=True)
        ]


def address_fields(*, line_prefix: str = "") -> type[forms.Form]:
    """The fields of a typed address: line 1, line 2, town and postcode.

    There is no address lookup by postcode: that needs an address provider (such as OS
    Places), which this project does not have. Journeys that keep addresses as `line_1`
    use no prefix; forms about one address among other answers use "address_".
    """
    line_1, line_2 = f"{line_prefix}line_1", f"{line_prefix}line_2"
    # Lines are checked for length here; whether they are needed depends on the page.
    optional_line_1 = replace(ADDRESS_LINE_1, required="")
    optional_town = replace(TOWN, required="")
    attrs = {
        line_1: text_field(
            optional_line_1, widget=forms.TextInput(attrs={"autocomplete": "address-line1"})
        ),
        line_2: text_field(
            ADDRESS_LINE_2, widget=forms.TextInput(attrs={"autocomplete": "address-line2"})
        ),
        "town": text_field(
            optional_town, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
        ),
        "postcode": postcode_field(required=False),
        "ADDRESS": (line_1, line_2, "town", "postcode"),
    }
    return type("AddressFields", (AddressFieldsBase,), attrs)


class AddressFieldsBase(forms.Form):
    ADDRESS: tuple[str, str, str, str] = ("line_1", "line_2", "town", "postcode")

    def address_items(self) -> list:
        line_1, line_2, town, postcode = self.ADDRESS
        return [
            Field.text(line_1),
            Field.text(line_2),
            Field.text(town, field_width=20),
            Field.text(postcode, field_width=10),
        ]

    def address_given(self) -> bool:
        return any(self.data.get(self.add_prefix(name), "").strip() for name in self.ADDRESS)

    def require_address(self) -> None:
        """Say which of the address's required lines are missing (call from clean())."""
        line_1, _, town, postcode = self.ADDRESS
        for name, message in (
            (line_1, ADDRESS_LINE_1.required),
            (town, TOWN.required),
            (postcode, POSTCODE_REQUIRED),
        ):
            if name not in self.errors and not self.cleaned_data.get(name):
                self.add_error(name, message)

    def address_answer(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.ADDRESS}


AddressFields = address_fields()
PrefixedAddressFields = address_fields(line_prefix="address_")


class AddressForm(AddressFields, QuestionForm):
    """A page that is one address, all of it needed."""

    def layout_items(self) -> list:
        return [heading(*self.address_items(), legend=self.title)]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.require_address()
        return cleaned


class SummaryForm(QuestionForm):
    """GOV.UK "add another": the list added so far, and whether to add another.

    `count` and `most` are how many are on the list and how many it may hold; the question
    goes once the list is full.
    """

    page_template = "public/notify/summary.html"
    question = ""
    message = ""
    count = 0
    most = 0

    add_another = yes_no("", message="")

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


class RemoveForm(QuestionForm):
    """Are you sure? Taking one thing off a list."""

    remove = yes_no("", message="")

    def __init__(self, *args, question: str, message: str, **kwargs) -> None:
        self.title = question
        super().__init__(*args, **kwargs)
        self.fields["remove"].label = question
        self.fields["remove"].error_messages = {"required": message, "invalid_choice": message}

    def layout_items(self) -> list:
        return [Field.radios("remove", legend_size=Size.LARGE, legend_tag="h1", inline=True)]
