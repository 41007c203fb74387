"""The LA's consent to a relevant child's withdrawal from school (Education Act 1996 s.434A).

A parent of a child at a special school (Condition A) or about whom section 47 enquiries are
being made or who has a child protection plan (Condition B) needs the LA's consent to withdraw
the child to be educated other than at school. The LA decides whether that is in the child's
best interests, with reasons; after a refusal the parent may not ask again for a period (six
months in the Bill; a per-LA setting until the Act's text is confirmed).
"""

from datetime import date

from registers.rules.deadlines import add_months, long_date

GRANTED = "granted"
REFUSED = "refused"
DECISIONS = ((GRANTED, "Consent granted"), (REFUSED, "Consent refused"))

SCHOOL_NAME_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5_000

CONDITION_MISSING = "Select why the child's withdrawal needs the local authority's consent"
SCHOOL_NAME_MISSING = "Enter the name of the child's school"
SCHOOL_NAME_TOO_LONG = (
    f"The name of the child's school must be {SCHOOL_NAME_MAX_LENGTH} characters or fewer"
)
SCHOOL_URN_INVALID = "Enter the school's URN as 6 digits, like 113543, or leave it blank"
REQUESTED_IN_FUTURE = "The date the parent asked must be today or in the past"
ALREADY_OPEN = "A consent request for this child is already waiting for a decision"
TOO_SOON = "Consent was refused on {refused_on}: the parent may ask again from {re_request_from}"
DECISION_MISSING = "Select whether consent is granted or refused"
ASSESSMENT_MISSING = "Enter the assessment of whether this is in the child's best interests"
ASSESSMENT_TOO_LONG = f"The assessment must be {TEXT_MAX_LENGTH:,} characters or fewer"
REASONS_MISSING = "Enter the reasons for the decision"
REASONS_TOO_LONG = f"The reasons must be {TEXT_MAX_LENGTH:,} characters or fewer"
DECIDED_BEFORE_REQUEST = "The date of the decision must be on or after the request, {requested_on}"
DECIDED_ON_MISSING = "Enter the date of the decision"
DECIDED_IN_FUTURE = "The date of the decision must be today or in the past"
ALREADY_DECIDED = "This request has already been decided"


def consent_request_errors(
    *,
    condition: str,
    conditions: frozenset[str] | set[str],
    school_name: str,
    school_urn: str,
    requested_on: date | None,
    today: date,
) -> dict[str, list[str]]:
    """Everything wrong with a consent request as recorded, by field; empty if none."""
    errors: dict[str, list[str]] = {}
    if condition not in conditions:
        errors["condition"] = [CONDITION_MISSING]
    if not school_name.strip():
        errors["school_name"] = [SCHOOL_NAME_MISSING]
    elif len(school_name.strip()) > SCHOOL_NAME_MAX_LENGTH:
        errors["school_name"] = [SCHOOL_NAME_TOO_LONG]
    urn = school_urn.strip()
    if urn and not (urn.isascii() and urn.isdigit() and len(urn) == 6):
        errors["school_urn"] = [SCHOOL_URN_INVALID]
    if requested_on is not None and requested_on > today:
        errors["requested_on"] = [REQUESTED_IN_FUTURE]
    return errors


def re_request_refusal(
    *, refused_on: date | None, re_request_from: date | None, requested_on: date
) -> str | None:
    """Why a new request cannot be recorded yet after a refusal, or None if it can."""
    if re_request_from is None or requested_on >= re_request_from:
        return None
    return TOO_SOON.format(
        refused_on=long_date(refused_on) if refused_on else "an earlier date",
        re_request_from=long_date(re_request_from),
    )


def _text_errors(text: str, *, missing: str, too_long: str) -> list[str]:
    if not text.strip():
        return [missing]
    if len(text.strip()) > TEXT_MAX_LENGTH:
        return [too_long]
    return []


def consent_assessment_errors(*, best_interests_analysis: str) -> dict[str, list[str]]:
    """What is wrong with a best-interests assessment saved before the decision; empty if
    nothing."""
    errors = _text_errors(
        best_interests_analysis, missing=ASSESSMENT_MISSING, too_long=ASSESSMENT_TOO_LONG
    )
    return {"best_interests_analysis": errors} if errors else {}


def consent_decision_errors(
    *,
    decision: str,
    best_interests_analysis: str,
    reasons: str,
    decided_on: date | None,
    requested_on: date,
    today: date,
) -> dict[str, list[str]]:
    """Everything wrong with a decision, by field; empty if it may be recorded."""
    errors = {
        "best_interests_analysis": _text_errors(
            best_interests_analysis, missing=ASSESSMENT_MISSING, too_long=ASSESSMENT_TOO_LONG
        ),
        "decision": [] if decision in (GRANTED, REFUSED) else [DECISION_MISSING],
        "reasons": _text_errors(reasons, missing=REASONS_MISSING, too_long=REASONS_TOO_LONG),
        "decided_on": [],
    }
    if decided_on is None:
        errors["decided_on"] = [DECIDED_ON_MISSING]
    elif decided_on < requested_on:
        errors["decided_on"] = [
            DECIDED_BEFORE_REQUEST.format(requested_on=long_date(requested_on))
        ]
    elif decided_on > today:
        errors["decided_on"] = [DECIDED_IN_FUTURE]
    return {field: messages for field, messages in errors.items() if messages}


def re_request_from(*, refused_on: date, months: int) -> date:
    """The first day the parent may ask again after a refusal."""
    return add_months(refused_on, months)
