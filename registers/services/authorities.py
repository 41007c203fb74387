"""The English local authorities every deployment knows, and what an LA sets for its own
service: its footer pages and contact details."""

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace

from django.db import transaction

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, LocalAuthority
from registers.selectors.information import InformationPage
from registers.validation import Text, answers_clean, email_clean, phone_clean, too_long

# Long enough for a full privacy notice; short enough that a page stays a page.
INFORMATION_TEXT_MAX_LENGTH = 20_000
CONTACT_ADDRESS = Text("Postal address", 500, multiline=True)

# Shipped inside the registers package, so an installed copy finds it as well as a checkout.
LOCAL_AUTHORITIES_CSV = (
    Path(__file__).resolve().parent.parent / "fixtures" / "local_authorities.csv"
)

# CSV column -> LocalAuthority field; dfe_number (old_la_code) is the key rows are matched on.
_COLUMNS = {
    "new_la_code": "ons_code",
    "la_name": "name",
    "region_code": "region_code",
    "region_name": "region_name",
    "london_split": "london_split",
}


def local_authorities_csv_rows(*, path: Path = LOCAL_AUTHORITIES_CSV) -> list[dict[str, str]]:
    """The rows of the local authorities file, as dicts keyed by its header."""
    # utf-8-sig: a file saved from a spreadsheet may start with a byte order mark.
    with path.open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


@transaction.atomic
def local_authorities_load(*, rows: Iterable[dict]) -> tuple[int, int]:
    """Create or update an authority per row, matched on its DfE number; return (new, updated).

    Only the listed columns are written, so an authority's own settings (hosted, periods,
    contact details) survive a reload.
    """
    existing = {authority.dfe_number: authority for authority in LocalAuthority.objects.all()}
    new: list[LocalAuthority] = []
    changed: list[LocalAuthority] = []
    seen: set[str] = set()
    for row in rows:
        dfe_number = row["old_la_code"].strip()
        if dfe_number in seen:
            raise ValueError(f"Local authority number {dfe_number} appears twice in the list")
        seen.add(dfe_number)
        values = {field: (row.get(column) or "").strip() for column, field in _COLUMNS.items()}
        authority = existing.get(dfe_number)
        if authority is None:
            authority = LocalAuthority(dfe_number=dfe_number, **values)
            authority.full_clean(validate_unique=False, validate_constraints=False)
            new.append(authority)
        elif any(getattr(authority, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(authority, field, value)
            changed.append(authority)
    LocalAuthority.objects.bulk_create(new)
    LocalAuthority.objects.bulk_update(changed, fields=list(_COLUMNS.values()))
    return len(new), len(changed)


def _settings_changed(*, authority: LocalAuthority, fields: list[str], actor: Actor) -> None:
    authority.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="local_authority",
        object_id=authority.pk,
    )


def _plain_lines(text: str) -> str:
    """The text with its lines' ends trimmed and any Windows line ends made plain."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@transaction.atomic
def authority_information_set(
    *, authority: LocalAuthority, page: InformationPage, text: str, actor: Actor
) -> LocalAuthority:
    """The LA's own text for one of its footer pages; blank text brings back the default."""
    text = _plain_lines(text)
    if len(text) > INFORMATION_TEXT_MAX_LENGTH:
        raise ApplicationError({page.field: [too_long(page.title, INFORMATION_TEXT_MAX_LENGTH)]})
    setattr(authority, page.field, text)
    _settings_changed(authority=authority, fields=[page.field], actor=actor)
    return authority


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
    kept, errors = answers_clean(
        given,
        {
            "contact_email": email_clean,
            "contact_phone": phone_clean,
            "contact_address": lambda text: CONTACT_ADDRESS.clean(_plain_lines(text)),
        },
    )
    if errors:
        raise ApplicationError(errors)
    for field, value in kept.items():
        setattr(authority, field, value)
    _settings_changed(authority=authority, fields=list(kept), actor=actor)
    return authority
