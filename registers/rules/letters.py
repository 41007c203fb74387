"""Letters to families: the kinds an LA sends, the placeholders a template may use, the text
each kind has until the LA writes its own, and how a template is checked and filled.

A template is plain text with named placeholders in braces, `{child_name}`. Only the names in
PLACEHOLDERS may be used: a template naming anything else is refused, with the name, so that
a letter never goes out with a gap or with something the register did not mean to say. A brace
meant as a brace is written twice, `{{` or `}}`.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter

from registers.rules.codes import CodeList


class LetterKind(CodeList):
    WELCOME = "welcome", "Welcome letter"
    INFORMATION_REQUEST = "information_request", "Information request"
    UPDATE_REQUEST = "update_request", "Update request"
    NOTICE_TO_SATISFY = (
        "notice_to_satisfy",
        "Notice to satisfy (s.437(1)) or preliminary notice",
    )
    SCHOOL_NOMINATION_NOTICE = "school_nomination_notice", "School nomination notice"
    ATTENDANCE_ORDER = "attendance_order", "School attendance order"
    CONSENT_DECISION = "consent_decision", "Consent decision (s.434A)"


# What each placeholder is filled with, as the LA's admin is told beside the template.
PLACEHOLDERS: Mapping[str, str] = {
    "child_name": "The child's full name",
    "child_first_name": "The child's first name",
    "date_of_birth": "The child's date of birth",
    "reference": "The child's register reference",
    "la_name": "The local authority's name",
    "parent_name": "The name of the parent the letter is to (the main contact)",
    "address": "The child's current address, one line for each part",
    "today": "The date the letter is made",
    "respond_by": "The date the parent is asked to answer by",
    "officer_name": "The name of the officer who makes the letter",
    "school_name": "The school named: in a notice or order, the school named; "
    "in a consent decision, the child's school",
    "decision": "The consent decision: granted or refused",
    "reasons": "The reasons for the consent decision",
    "re_request_from": "After a refusal of consent, the date from which the parent may ask again",
    "consent_condition": "Why the withdrawal needs the local authority's consent",
}

# The placeholders whose values can be safeguarding information (s.47 enquiries, child
# protection plans): filled for staff cleared for it, otherwise with SAFEGUARDING_WITHHELD.
SAFEGUARDING_PLACEHOLDERS = frozenset({"consent_condition"})
SAFEGUARDING_WITHHELD = "the conditions in section 434A of the Education Act 1996"

# Days the parent is given to answer, by kind, where the LA's own settings name no period. A
# school nomination notice gives 15 days from service to choose another school (s.438(4) today,
# s.436K under the Act).
SCHOOL_NOMINATION_PERIOD_DAYS = 15

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000

KIND_MISSING = "Select the kind of letter to make"
TITLE_MISSING = "Enter the letter's title"
BODY_MISSING = "Enter the letter's text"
TITLE_TOO_LONG = f"The letter's title must be {TITLE_MAX_LENGTH} characters or fewer"
BODY_TOO_LONG = f"The letter's text must be {BODY_MAX_LENGTH:,} characters or fewer"
UNKNOWN_PLACEHOLDER = (
    "{{{name}}} is not a placeholder this service knows – use one of the placeholders listed, "
    "spelt as shown"
)
STRAY_BRACE = (
    "A { or } does not open or close a placeholder – write {{ or }} for a brace that should "
    "appear in the letter"
)


@dataclass(frozen=True)
class LetterText:
    title: str
    body: str


_SIGN_OFF = "\n\nYours sincerely,\n\n{officer_name}\n{la_name}"
_ADDRESS_BLOCK = "{parent_name}\n{address}\n\n{today}\n\nOur reference: {reference}\n\n"

DEFAULT_TEMPLATES: Mapping[LetterKind, LetterText] = {
    LetterKind.WELCOME: LetterText(
        "Your child is on our register of children not in school",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "Thank you for telling us about {child_name} (born {date_of_birth}). {la_name} keeps "
        "a register of children who are not in school, and {child_first_name} is now on it. "
        "Your reference is {reference}.\n\n"
        "We will be in touch about {child_first_name}'s education. If anything changes, such "
        "as your address or how {child_first_name} is taught, please tell us by "
        "{respond_by} or as soon as it happens." + _SIGN_OFF,
    ),
    LetterKind.INFORMATION_REQUEST: LetterText(
        "Information we need about {child_name}'s education",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "We do not yet have all the information the law asks us to keep about {child_name}'s "
        "education. Please send it to us by {respond_by}, quoting reference {reference}."
        + _SIGN_OFF,
    ),
    LetterKind.UPDATE_REQUEST: LetterText(
        "Please check what we hold about {child_name}",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "We need to check that what we hold about {child_name}'s education is still correct. "
        "Please tell us about any changes by {respond_by}, quoting reference {reference}."
        + _SIGN_OFF,
    ),
    LetterKind.NOTICE_TO_SATISFY: LetterText(
        "Notice: satisfy us that {child_name} is receiving suitable education",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "It appears to {la_name} that {child_name} (born {date_of_birth}) may not be "
        "receiving suitable education. You are required to satisfy us, by {respond_by}, that "
        "{child_first_name} is receiving efficient full-time education suitable to their age, "
        "ability and aptitude and to any special educational needs they may have.\n\n"
        "If you do not, we may serve a school attendance order." + _SIGN_OFF,
    ),
    LetterKind.SCHOOL_NOMINATION_NOTICE: LetterText(
        "Notice of the school we intend to name for {child_name}",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "We intend to serve a school attendance order for {child_name} naming "
        "{school_name}. If you would like another school to be named, or you have a place "
        "for {child_first_name} at another school, please tell us by {respond_by}." + _SIGN_OFF,
    ),
    LetterKind.ATTENDANCE_ORDER: LetterText(
        "School attendance order for {child_name}",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "{la_name} has made a school attendance order requiring you to register "
        "{child_name} (born {date_of_birth}) as a pupil at {school_name}. Failing to comply "
        "with the order is an offence." + _SIGN_OFF,
    ),
    LetterKind.CONSENT_DECISION: LetterText(
        "Our decision on your request to educate {child_name} other than at school",
        _ADDRESS_BLOCK + "Dear {parent_name},\n\n"
        "You asked for our consent to withdraw {child_name} from {school_name} to educate "
        "them other than at school. We have considered whether this is in "
        "{child_first_name}'s best interests, and our decision is that consent is "
        "{decision}.\n\n"
        "Our reasons:\n{reasons}\n\n"
        "If consent has been refused, {child_first_name} stays a pupil at {school_name}, and "
        "you may ask again from {re_request_from}." + _SIGN_OFF,
    ),
}


def placeholders_used(text: str) -> list[str]:
    """Every field named in `text`, as written between its braces, in order.

    Raises ValueError for a brace that opens or closes nothing.
    """
    used = []
    for _literal, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        used.append(written)
    return used


def _text_errors(text: str, *, missing: str, too_long: str, max_length: int) -> list[str]:
    if not text.strip():
        return [missing]
    errors = []
    if len(text) > max_length:
        errors.append(too_long)
    try:
        used = placeholders_used(text)
    except ValueError:
        return [*errors, STRAY_BRACE]
    unknown = dict.fromkeys(name for name in used if name not in PLACEHOLDERS)
    errors.extend(UNKNOWN_PLACEHOLDER.format(name=name) for name in unknown)
    return errors


def template_errors(*, title: str, body: str) -> dict[str, list[str]]:
    """Everything wrong with a template, by field; empty if it may be saved."""
    errors = {
        "title": _text_errors(
            title, missing=TITLE_MISSING, too_long=TITLE_TOO_LONG, max_length=TITLE_MAX_LENGTH
        ),
        "body": _text_errors(
            body, missing=BODY_MISSING, too_long=BODY_TOO_LONG, max_length=BODY_MAX_LENGTH
        ),
    }
    return {field: messages for field, messages in errors.items() if messages}


def letter_fill(template: LetterText, values: Mapping[str, str]) -> LetterText:
    """The template with every placeholder replaced by its value (a checked template only)."""
    complete = {name: values.get(name, "") for name in PLACEHOLDERS}
    return LetterText(
        title=template.title.format_map(complete), body=template.body.format_map(complete)
    )


def uses_safeguarding(template: LetterText) -> bool:
    """Whether the template names a placeholder that can carry safeguarding information."""
    used = set(placeholders_used(template.title)) | set(placeholders_used(template.body))
    return bool(used & SAFEGUARDING_PLACEHOLDERS)


def answer_period_days(
    kind: LetterKind | str, *, registration_period_days: int, notice_to_satisfy_period_days: int
) -> int:
    """How many days, beginning with the day the letter is made, the parent is given to answer
    it: a notice to satisfy gives the LA's notice period (at least 15 days, s.437(2)), a school
    nomination notice 15 days, any other letter the LA's period for giving information."""
    if kind == LetterKind.NOTICE_TO_SATISFY:
        return notice_to_satisfy_period_days
    if kind == LetterKind.SCHOOL_NOMINATION_NOTICE:
        return SCHOOL_NOMINATION_PERIOD_DAYS
    return registration_period_days


def letter_digest(text: LetterText) -> str:
    """A short fingerprint of a letter's text: the page that previewed a letter carries it, so
    that a letter whose record or template changed since the preview is not made unseen."""
    return hashlib.sha256(f"{text.title}\n{text.body}".encode()).hexdigest()[:32]
