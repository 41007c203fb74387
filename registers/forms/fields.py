"""GOV.UK form fields whose checks and messages are registers.validation's.

Each field runs the same function the intake contracts run, so a page and the API refuse the
same mistake with the same words. Inputs carry no `maxlength`: GOV.UK asks that a person sees
the "must be N characters or fewer" message rather than have their typing cut off.
"""

from collections.abc import Callable, Sequence

from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from registers.validation import (
    EMAIL,
    PHONE,
    Choice,
    DateQuestion,
    Hours,
    Invalid,
    MonthYearQuestion,
    Text,
    email_clean,
    phone_clean,
    postcode_clean,
    website_clean,
)

YES_NO = (("yes", "Yes"), ("no", "No"))


def form_check(check: Callable, *args, **kwargs):
    """Run a validation check from a form: its refusal becomes the form's ValidationError."""
    try:
        return check(*args, **kwargs)
    except Invalid as problem:
        raise ValidationError(str(problem)) from None


class CheckedField(forms.CharField):
    """A text input checked by one validation function, which also tidies the value."""

    def __init__(self, *, check: Callable[[str], object], **kwargs) -> None:
        self.check = check
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        return form_check(self.check, super().clean(value))


def text_field(spec: Text, *, label: str = "", **kwargs) -> CheckedField:
    """A text input for one Text answer; `label` overrides the spec's where a page asks
    differently (the length message still names the answer as the spec does)."""
    field = CheckedField(check=spec.clean, label=label or spec.label, **kwargs)
    if not spec.multiline:
        # The spec refuses a null character with the message it gives every control
        # character, naming the answer; Django's own would say it first, in other words.
        field.validators = [
            validator
            for validator in field.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]
    return field


def textarea_field(spec: Text, **kwargs) -> CheckedField:
    if not spec.multiline:
        raise ValueError(f"{spec.label!r} is a single-line answer: it cannot have a text box")
    return text_field(spec, widget=forms.Textarea, **kwargs)


def email_field(spec: Text = EMAIL, **kwargs) -> CheckedField:
    kwargs.setdefault("label", spec.label)
    kwargs.setdefault(
        "widget", forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
    )
    return CheckedField(check=lambda value: email_clean(value, spec), **kwargs)


def phone_field(spec: Text = PHONE, **kwargs) -> CheckedField:
    kwargs.setdefault("label", spec.label)
    kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    return CheckedField(check=lambda value: phone_clean(value, spec), **kwargs)


def website_field(spec: Text, **kwargs) -> CheckedField:
    kwargs.setdefault("label", spec.label)
    kwargs.setdefault(
        "widget", forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"})
    )
    return CheckedField(check=lambda value: website_clean(value, spec), **kwargs)


def postcode_field(*, required: bool = True, **kwargs) -> CheckedField:
    """A postcode, tidied to normal form ("ex11aa" becomes "EX1 1AA")."""
    kwargs.setdefault("label", "Postcode")
    kwargs.setdefault(
        "widget",
        forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )
    return CheckedField(check=lambda value: postcode_clean(value, required=required), **kwargs)


def hours_field(spec: Hours, *, required: bool = True, **kwargs) -> CheckedField:
    """Hours a week, as a Decimal to one place (None when optional and blank). GOV.UK advises
    a text input with a numeric keyboard rather than type="number"."""
    kwargs.setdefault(
        "widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})
    )
    return CheckedField(
        check=spec.clean if required else lambda text: spec.clean(text) if text else None,
        **kwargs,
    )


def radios(
    label: str, choices: Sequence, *, message: str, required: bool = True, **kwargs
) -> forms.ChoiceField:
    """Radios; `message` is said when none, or one not offered, is chosen."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


def choice_radios(spec: Choice, *, label: str = "", choices: Sequence = (), **kwargs):
    """Radios for one Choice answer; `choices` may reword or narrow the spec's list."""
    return radios(label or spec.label, choices or spec.choices, message=spec.message, **kwargs)


def yes_no(label: str, *, message: str, required: bool = True, **kwargs) -> forms.ChoiceField:
    return radios(label, YES_NO, message=message, required=required, **kwargs)


class DateField(forms.MultiValueField):
    """The GOV.UK date input: day, month and year, with the question's own messages."""

    widget = DateInputWidget

    def __init__(self, *, question: DateQuestion, **kwargs) -> None:
        self.question = question
        kwargs.setdefault("help_text", f"For example, {question.example}")
        super().__init__(
            fields=(forms.CharField(), forms.CharField(), forms.CharField()),
            require_all_fields=False,
            error_messages={"required": question.required, "incomplete": question.required},
            **kwargs,
        )

    def clean(self, value):
        parts = list(value) if isinstance(value, list | tuple) else []
        parts += [""] * (3 - len(parts))
        day = form_check(self.question.from_parts, *parts[:3])
        if day is None and self.required:
            raise ValidationError(self.question.required)
        return day


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
    """Month and year, cleaned to {"month": m, "year": y}."""

    widget = MonthYearWidget

    def __init__(self, *, question: MonthYearQuestion, **kwargs) -> None:
        self.question = question
        kwargs.setdefault("help_text", f"For example, {question.example}")
        super().__init__(
            fields=(forms.CharField(), forms.CharField()),
            require_all_fields=False,
            error_messages={"required": question.required},
            **kwargs,
        )

    def clean(self, value):
        parts = list(value) if isinstance(value, list | tuple) else []
        parts += [""] * (2 - len(parts))
        given = form_check(self.question.from_parts, *parts[:2])
        if given is None:
            if self.required:
                raise ValidationError(self.question.required)
            return None
        month, year = given
        return {"month": month, "year": year}
