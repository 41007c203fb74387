"""Demo data for trying the register locally (DEBUG only): demo LAs, their generated children
(made through the intake and the case module, like any child) and demo staff accounts."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from registers.demo.accounts import demo_staff_ensure
from registers.demo.children import demo_children_seed
from registers.errors import ApplicationError
from registers.models import LocalAuthority, StaffUser
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.authorities import local_authorities_csv_rows, local_authorities_load

DEMO_AUTHORITY_NUMBERS = ("878", "908")
DEMO_CHILDREN_PER_AUTHORITY = 150


@dataclass(frozen=True)
class DemoSeedResult:
    authority: LocalAuthority
    children_added: int


@dataclass(frozen=True)
class DemoSeed:
    results: list[DemoSeedResult]
    staff: list[StaffUser]


@transaction.atomic
def demo_authorities_host(*, numbers: Sequence[str]) -> list[LocalAuthority]:
    """The authorities with these DfE numbers, marked as hosted; loads the list if needed.

    Raises ApplicationError for a number that is not an English local authority.
    """
    numbers = list(dict.fromkeys(number.strip() for number in numbers if number.strip()))
    if not numbers:
        raise ApplicationError(
            {"local_authority": ["Enter at least one local authority number, like 878"]}
        )
    if LocalAuthority.objects.filter(dfe_number__in=numbers).count() < len(numbers):
        local_authorities_load(rows=local_authorities_csv_rows())
    # Every number is checked before any authority changes.
    authorities = [local_authority_get_by_number(dfe_number=number) for number in numbers]
    for authority in authorities:
        if not authority.hosted:
            authority.hosted = True
            authority.save(update_fields=["hosted"])
    return authorities


@transaction.atomic
def demo_seed(
    *,
    numbers: Sequence[str] = DEMO_AUTHORITY_NUMBERS,
    children: int = DEMO_CHILDREN_PER_AUTHORITY,
) -> DemoSeed:
    """Host the authorities, give each demo children and staff: all or nothing."""
    if children < 0:
        raise ApplicationError({"children": ["Enter a number of children of 0 or more"]})
    authorities = demo_authorities_host(numbers=numbers)
    results = [
        DemoSeedResult(
            authority=authority,
            children_added=demo_children_seed(authority=authority, children=children),
        )
        for authority in authorities
    ]
    return DemoSeed(results=results, staff=demo_staff_ensure(authorities=authorities))
