"""A parent's request for support (Education Act 1996 s.436G): what it says and its one check."""

from dataclasses import dataclass, replace

from registers.errors import ApplicationError
from registers.intake.identity import REFERENCE
from registers.models import Child
from registers.rules.identifiers import reference_normalise
from registers.validation import (
    EMAIL,
    PHONE,
    Text,
    answers_clean,
    email_clean,
    max_length,
    phone_clean,
)

# Kept as the parent wrote them, for an officer to act on: they are not register fields.
NAME = Text("Your name", 100, required="Enter your name")
SUPPORT_EMAIL = replace(EMAIL, label="Email address (optional if you give a phone number)")
SUPPORT_PHONE = replace(PHONE, label="Phone number (optional if you give an email address)")
CHILD_NAME = Text(
    "Your child's name",
    # A first and a last name, as the register keeps them.
    max_length(Child, "first_name") + max_length(Child, "last_name"),
    required="Enter your child's name",
)
OPTIONAL_REFERENCE = replace(
    REFERENCE, label="Your reference (optional)", required="", length_label="Your reference"
)
SUPPORT_WANTED = Text(
    "What support would you like?",
    2000,
    required="Enter what support you would like",
    length_label="What support you would like",
    multiline=True,
)
NO_CONTACT = "Enter an email address or a phone number, so that we can contact you"


@dataclass(frozen=True, kw_only=True)
class SupportRequestDetails:
    name: str
    email: str = ""
    phone: str = ""
    child_name: str
    reference: str = ""
    support_wanted: str


def support_request_validate(*, details: SupportRequestDetails) -> SupportRequestDetails:
    """The request, tidied; ApplicationError names each field that is wrong."""
    kept, errors = answers_clean(
        details,
        {
            "name": NAME.clean,
            "email": lambda value: email_clean(value, SUPPORT_EMAIL),
            "phone": lambda value: phone_clean(value, SUPPORT_PHONE),
            "child_name": CHILD_NAME.clean,
            "reference": OPTIONAL_REFERENCE.clean,
            "support_wanted": SUPPORT_WANTED.clean,
        },
    )
    if not {"email", "phone"} & set(errors) and not (kept["email"] or kept["phone"]):
        errors["email"] = [NO_CONTACT]
    if errors:
        raise ApplicationError(errors)
    if kept["reference"]:
        kept["reference"] = reference_normalise(kept["reference"])
    return SupportRequestDetails(**kept)
