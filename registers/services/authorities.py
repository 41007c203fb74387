"""The English local authorities every deployment knows. What an LA sets for its own service
is in registers.services.authority_settings."""

import csv
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction

from registers.models import LocalAuthority

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
