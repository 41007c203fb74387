"""What an LA sets for its own service, from its admin's settings pages or the shell: periods
and thresholds, which law it works under, its footer pages and contact details.

Each change locks the LA's row, is checked against the settings' version the form was opened
at (a form opened before someone else's change is refused, not saved over it), moves the
version on, and is audited, all in one transaction.
"""

from collections.abc import Mapping, Sequence
from types import SimpleNamespace

from django.db import transaction

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.staff_settings import authority_periods_validate
from registers.models import AuditEvent, LocalAuthority
from registers.selectors.information import INFORMATION_PAGES, InformationPage
from registers.validation import Invalid, Text, answers_clean, email_clean, phone_clean, too_long

# Long enough for a full privacy notice; short enough that a page stays a page.
INFORMATION_TEXT_MAX_LENGTH = 20_000
CONTACT_ADDRESS = Text("Postal address", 500, multiline=True)
STALE = (
    "These settings have been changed since you opened this page – check them and make your "
    "change again"
)


class StaleSettings(ApplicationError):
    """The form was opened at an earlier version of the LA's settings."""


def _locked(authority: LocalAuthority, expected_version: int | None) -> LocalAuthority:
    locked = LocalAuthority.objects.select_for_update().get(pk=authority.pk)
    if expected_version is not None and locked.settings_version != expected_version:
        raise StaleSettings(STALE)
    return locked


def _settings_changed(
    *, authority: LocalAuthority, values: Mapping[str, object], actor: Actor
) -> LocalAuthority:
    for field, value in values.items():
        setattr(authority, field, value)
    authority.settings_version += 1
    authority.save(update_fields=[*values, "settings_version"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="local_authority",
        object_id=authority.pk,
    )
    return authority


def _plain_lines(text: object) -> str:
    """The text with its lines' ends trimmed and any Windows line ends made plain."""
    text = text if isinstance(text, str) else ""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _information_clean(page: InformationPage):
    def clean(text: object) -> str:
        text = _plain_lines(text)
        if len(text) > INFORMATION_TEXT_MAX_LENGTH:
            raise Invalid(too_long(page.title, INFORMATION_TEXT_MAX_LENGTH))
        return text

    return clean


def _contact_checks() -> dict:
    return {
        "contact_email": email_clean,
        "contact_phone": phone_clean,
        "contact_address": lambda text: CONTACT_ADDRESS.clean(_plain_lines(text)),
    }


@transaction.atomic
def authority_information_set(
    *, authority: LocalAuthority, page: InformationPage, text: str, actor: Actor
) -> LocalAuthority:
    """The LA's own text for one of its footer pages; blank text brings back the default."""
    kept, errors = answers_clean(
        SimpleNamespace(**{page.field: text}), {page.field: _information_clean(page)}
    )
    if errors:
        raise ApplicationError(errors)
    return _settings_changed(authority=_locked(authority, None), values=kept, actor=actor)


@transaction.atomic
def authority_contact_set(
    *,
    authority: LocalAuthority,
    email: str,
    phone: str,
    address_lines: Sequence[str],
    actor: Actor,
) -> LocalAuthority:
    """The email address, phone number and postal address the LA's contact page gives."""
    given = SimpleNamespace(
        contact_email=email, contact_phone=phone, contact_address="\n".join(address_lines)
    )
    kept, errors = answers_clean(given, _contact_checks())
    if errors:
        raise ApplicationError(errors)
    return _settings_changed(authority=_locked(authority, None), values=kept, actor=actor)


@transaction.atomic
def authority_pages_set(
    *,
    authority: LocalAuthority,
    answers: Mapping[str, object],
    expected_version: int | None,
    actor: Actor,
) -> LocalAuthority:
    """Every footer page's text and the contact details at once, from the settings page:
    `answers` by LocalAuthority field (the contact address as its lines in one text)."""
    checks = {page.field: _information_clean(page) for page in INFORMATION_PAGES}
    checks.update(_contact_checks())
    given = SimpleNamespace(**{field: answers.get(field, "") for field in checks})
    kept, errors = answers_clean(given, checks)
    if errors:
        raise ApplicationError(errors)
    return _settings_changed(
        authority=_locked(authority, expected_version), values=kept, actor=actor
    )


@transaction.atomic
def authority_periods_set(
    *,
    authority: LocalAuthority,
    answers: Mapping[str, object],
    expected_version: int | None,
    actor: Actor,
) -> LocalAuthority:
    """The LA's periods and thresholds and its regime; ApplicationError names every problem
    (a window whose shortest time is longer than its longest among them), and then nothing
    changes."""
    periods = authority_periods_validate(dict(answers))
    return _settings_changed(
        authority=_locked(authority, expected_version), values=periods.values, actor=actor
    )
