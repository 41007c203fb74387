"""Children who may already be on an LA's register: flagged for an officer, never merged."""

import re
from datetime import date

from registers.models import Child, LocalAuthority
from registers.rules.codes import AddressKind


def _folded(name: str) -> str:
    return name.strip().casefold()


def _compact(name: str) -> str:
    return re.sub(r"[\s-]+", "", name).casefold()


def names_similar(*, first_name: str, last_name: str, other_first: str, other_last: str) -> bool:
    """A deliberately simple test an officer can predict.

    Similar means the same last name ignoring case ("smith" and "Smith"), or the same first
    name and a last name that differs only by case, spaces or hyphens ("Smith-Jones" and
    "Smith Jones"). Nicknames and typing mistakes are left for the officer to notice.
    """
    if _folded(last_name) == _folded(other_last):
        return True
    return _folded(first_name) == _folded(other_first) and _compact(last_name) == _compact(
        other_last
    )


def possible_duplicates(
    *,
    authority: LocalAuthority,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    postcode: str,
) -> list[Child]:
    """The LA's children born the same day, living at the same postcode, with a similar name.

    `postcode` is in normal form (rules.identifiers.normalise_postcode), as addresses are kept.
    """
    # One filter call, so that the live current address and the postcode are the same row.
    candidates = (
        Child.objects.live()
        .filter(
            authority=authority,
            date_of_birth=date_of_birth,
            addresses__kind=AddressKind.CURRENT,
            addresses__archived_at__isnull=True,
            addresses__address__postcode=postcode,
        )
        .order_by("created_at", "id")
    )
    return [
        child
        for child in candidates
        if names_similar(
            first_name=first_name,
            last_name=last_name,
            other_first=child.first_name,
            other_last=child.last_name,
        )
    ]
