"""What an LA admin sets for the LA (from the settings pages or a management command): a member
of staff's details and role, and the LA's periods and thresholds. One check, one message per
rule; the forms and the services both run them."""

from dataclasses import dataclass

from registers.errors import ApplicationError
from registers.models import LocalAuthority, StaffUser
from registers.models.staff import LA_ROLES
from registers.rules.codes import Regime
from registers.validation import Choice, Hours, Invalid, Text, email_clean, max_length

STAFF_EMAIL = Text(
    "Email address", max_length(StaffUser, "email"), required="Enter their email address"
)
FULL_NAME = Text("Full name", max_length(StaffUser, "full_name"), required="Enter their full name")
ROLE = Choice("Role", tuple((role.value, role.label) for role in LA_ROLES), "Select their role")
EMAIL_TAKEN = "There is already an account with this email address"
SAFEGUARDING_LABEL = "May they see safeguarding information?"
SAFEGUARDING_HINT = (
    "Child protection plans and enquiries, children in need and looked-after status"
)
SAFEGUARDING_MISSING = "Select yes if they may see safeguarding information"


def staff_email_clean(value: object) -> str:
    """A member of staff's email address, in lower case (accounts are found by it)."""
    return email_clean(value, STAFF_EMAIL).lower()


@dataclass(frozen=True)
class WholeNumber:
    """A period or count an LA sets: a whole number of `unit`, from `least` to `most`."""

    label: str
    unit: str
    least: int
    most: int

    def clean(self, value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            typed = str(value)
        else:
            typed = value.strip() if isinstance(value, str) else ""
        if not typed:
            raise Invalid(f"Enter the {self.label[0].lower()}{self.label[1:]} in {self.unit}")
        if not (typed.isascii() and typed.isdigit() and len(typed) < 6):
            raise Invalid(f"{self.label} must be a whole number of {self.unit}, like {self.least}")
        number = int(typed)
        if not self.least <= number <= self.most:
            raise Invalid(f"{self.label} must be between {self.least} and {self.most} {self.unit}")
        return number


# Each setting of the periods page, by its LocalAuthority field, in the page's order.
PERIODS = {
    "registration_period_days": WholeNumber("Registration period", "days", 1, 365),
    "living_situation_period_days": WholeNumber(
        "Period to consider where a child lives", "days", 1, 365
    ),
    "update_request_min_months": WholeNumber(
        "Shortest time between update requests", "months", 1, 24
    ),
    "update_request_max_months": WholeNumber(
        "Longest time between update requests", "months", 1, 24
    ),
    "provider_response_period_days": WholeNumber("Provider response period", "days", 1, 365),
    # s.437(2): a notice to satisfy the LA gives the parent at least 15 days.
    "notice_to_satisfy_period_days": WholeNumber("Notice to satisfy period", "days", 15, 365),
    # s.438(4) today, s.436K under the Act: 15 days to choose another school.
    "school_nomination_period_days": WholeNumber("School nomination period", "days", 15, 365),
    "consent_re_request_months": WholeNumber(
        "Time before a parent may ask again for consent", "months", 1, 60
    ),
    "retention_years_after_school_age": WholeNumber(
        "Years records are kept after compulsory school age", "years", 1, 100
    ),
}
PROVIDER_HOURS = Hours(
    "Provider hours threshold", missing="Enter the provider hours threshold in hours a week"
)
REGIME = Choice("Which law the register is kept under", Regime.choices, "Select which law")
WINDOW_OUT_OF_ORDER = (
    "The shortest time between update requests must not be longer than the longest time"
)


def window_problems(values: dict) -> dict[str, list[str]]:
    """The update request window, checked once both its ends are: shortest before longest."""
    low, high = values.get("update_request_min_months"), values.get("update_request_max_months")
    if low is not None and high is not None and low > high:
        return {"update_request_min_months": [WINDOW_OUT_OF_ORDER]}
    return {}


@dataclass(frozen=True, kw_only=True)
class AuthorityPeriods:
    """The periods and thresholds, checked: LocalAuthority field -> value."""

    values: dict


def authority_periods_validate(answers: dict) -> AuthorityPeriods:
    """Every setting of the periods page checked; ApplicationError names every problem."""
    values: dict = {}
    errors: dict[str, list[str]] = {}
    checks = {
        "regime": REGIME.clean,
        **{field: spec.clean for field, spec in PERIODS.items()},
        "provider_hours_threshold": PROVIDER_HOURS.clean,
    }
    for field, check in checks.items():
        try:
            values[field] = check(answers.get(field))
        except Invalid as problem:
            errors[field] = [str(problem)]
    errors.update(window_problems(values))
    if errors:
        raise ApplicationError(errors)
    return AuthorityPeriods(values=values)


def authority_periods_now(authority: LocalAuthority) -> dict:
    """The LA's settings as the periods page shows them."""
    fields = ["regime", *PERIODS, "provider_hours_threshold"]
    return {field: getattr(authority, field) for field in fields}
