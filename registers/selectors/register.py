"""Reads of the register for an LA's staff: constant query counts, never another LA's rows."""

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    Child,
    ChildAddress,
    LocalAuthority,
    RegisterEntry,
    RegisterSize,
    Task,
)
from registers.rules.codes import AddressKind, YearGroup
from registers.rules.search import SearchKind, search_term
from registers.rules.year_group import year_group_birth_dates
from registers.selectors.children import SAFEGUARDING_CATEGORY
from registers.selectors.paging import Page, PageAt, keyset_page

# The register's order, newest notification first and, within a day, the entry recorded last
# first: columns of the entry alone, so that the index on (authority, these) serves every page.
REGISTER_ORDER = ("notified_on", "created_at", "id")
# What a line of the register shows: the child's name and date of birth, the case.
REGISTER_CATEGORIES = ("identity", "education")


@dataclass(frozen=True)
class RegisterSort:
    """An order the register can be shown in: what the officer chooses, how the page says it,
    its columns (all in one direction, the primary key last, as keyset paging needs) and
    whether it runs from the largest."""

    label: str
    described: str
    key: tuple[str, ...]
    descending: bool


SORT_NEWEST, SORT_OLDEST, SORT_NAME = "newest", "oldest", "name"
REGISTER_SORTS = {
    SORT_NEWEST: RegisterSort("Newest notification first", "newest first", REGISTER_ORDER, True),
    SORT_OLDEST: RegisterSort("Oldest notification first", "oldest first", REGISTER_ORDER, False),
    SORT_NAME: RegisterSort(
        "Surname, A to Z", "by surname", ("child__last_name", "child__first_name", "id"), False
    ),
}


@dataclass(frozen=True)
class RegisterFilters:
    """What an officer narrowed the register to, and the order they asked for. Each filter
    keeps the entries matching any of its values; the filters together, all of them."""

    search: str = ""
    statuses: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    year_groups: tuple[str, ...] = ()
    sen: tuple[str, ...] = ()
    overdue: bool = False
    sort: str = SORT_NEWEST

    @property
    def narrowed(self) -> bool:
        return bool(
            self.search.strip()
            or self.statuses
            or self.reasons
            or self.year_groups
            or self.sen
            or self.overdue
        )


def register_entry_list(*, authority: LocalAuthority) -> QuerySet[RegisterEntry]:
    """The LA's live register entries of live children, each with its child, unordered.
    Archived records are kept for the history, not listed.

    The few archived children are left out by NOT EXISTS rather than by a join, so that the
    register is counted from its index alone, without reading a child.
    """
    archived_child = Child.objects.filter(pk=OuterRef("child_id"), archived_at__isnull=False)
    return (
        RegisterEntry.objects.live()
        .filter(~Exists(archived_child), authority=authority)
        .select_related("child")
    )


def register_size(*, authority: LocalAuthority) -> int:
    """How many live entries of live children the LA's register holds: on PostgreSQL one row
    its triggers keep (models.RegisterSize), whatever the register's size; elsewhere counted."""
    if connection.vendor != "postgresql":
        return register_entry_list(authority=authority).count()
    size = RegisterSize.objects.filter(authority=authority).values_list("entries", flat=True)
    return size.first() or 0


def _search_condition(text: str) -> Q:
    """The entries whose child or reference matches what was typed (rules.search): one
    equality, or a name's prefix, each served by an index."""
    term = search_term(text)
    if term is None:
        return Q()
    if term.kind == SearchKind.DATE_OF_BIRTH:
        return Q(child__date_of_birth=term.value)
    if term.kind == SearchKind.POSTCODE:
        living_there = ChildAddress.objects.live().filter(address__postcode=term.value)
        return Q(child_id__in=living_there.values("child_id"))
    if term.kind == SearchKind.UPN:
        return Q(child__upn=term.value)
    if term.kind == SearchKind.REFERENCE:
        return Q(reference__in={term.value, text.strip().upper()})
    *first, last = term.value
    surname = Q(child__last_name__istartswith=" ".join(term.value))
    if first:
        return surname | Q(
            child__first_name__istartswith=first[0], child__last_name__istartswith=last
        )
    return surname | Q(child__first_name__istartswith=last)


def _year_groups_condition(codes: tuple[str, ...], today: date) -> Q:
    numbers = {str(code): number for number, code in enumerate(YearGroup)}
    return reduce(
        or_,
        (
            Q(child__date_of_birth__range=year_group_birth_dates(numbers[code], today))
            for code in codes
        ),
    )


def register_entries_filtered(
    *, authority: LocalAuthority, filters: RegisterFilters, today: date
) -> QuerySet[RegisterEntry]:
    """The LA's register narrowed by `filters` (unordered); the whole register if none."""
    entries = register_entry_list(authority=authority)
    if filters.search.strip():
        entries = entries.filter(_search_condition(filters.search))
    if filters.statuses:
        entries = entries.filter(status__in=filters.statuses)
    if filters.reasons:
        entries = entries.filter(primary_reason__in=filters.reasons)
    if filters.year_groups:
        entries = entries.filter(_year_groups_condition(filters.year_groups, today))
    if filters.sen:
        entries = entries.filter(child__sen_provision__in=filters.sen)
    if filters.overdue:
        overdue = Task.objects.live().filter(
            entry=OuterRef("pk"), status=Task.Status.OPEN, due_on__lt=today
        )
        entries = entries.filter(Exists(overdue))
    return entries


def register_page_get(
    *,
    actor: Actor,
    at: PageAt,
    size: int,
    filters: RegisterFilters | None = None,
    today: date | None = None,
) -> Page[RegisterEntry]:
    """A page of the acting officer's register, as `filters` narrow and order it (newest first
    by default), and the audit row of the read, naming every child on the page, in one
    transaction.

    Three statements whatever the page, the filters and the size of the register: how many
    entries there are (the register's size, one row, when nothing narrows it; else counted), the
    page (by keyset), the audit row; four when going back reaches the start.
    """
    filters = filters or RegisterFilters()
    authority = actor.user.authority
    if filters.narrowed:
        entries = register_entries_filtered(
            authority=authority, filters=filters, today=today or timezone.localdate()
        )
    else:
        entries = register_entry_list(authority=authority)
    sort = REGISTER_SORTS.get(filters.sort, REGISTER_SORTS[SORT_NEWEST])
    if filters.sort == SORT_NAME:
        # A child's LA is their case's (the case service sees to it); saying so lets a page in
        # surname order be read through the children's (authority, surname, first name) index
        # and stop after a page, rather than sort the LA's whole register.
        entries = entries.filter(child__authority=authority)
    with transaction.atomic():
        page = keyset_page(
            entries,
            key=sort.key,
            descending=sort.descending,
            at=at,
            size=size,
            count=entries.count() if filters.narrowed else register_size(authority=authority),
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="register",
            categories=REGISTER_CATEGORIES,
            children=[entry.child_id for entry in page.rows],
        )
    return page


def children_at_postcode(*, authority: LocalAuthority, postcode: str) -> QuerySet[Child]:
    """The LA's live children with a live address at this postcode, in normal form ("EX1 1AA",
    as registers.validation.postcode_clean gives it): found through the postcode's index, not
    by reading every address. The page that shows them records the read."""
    living_there = ChildAddress.objects.live().filter(address__postcode=postcode)
    return Child.objects.live().filter(authority=authority, pk__in=living_there.values("child_id"))


def register_export_get(
    *, actor: Actor, filters: RegisterFilters, today: date
) -> tuple[list[RegisterEntry], bool]:
    """Every entry of the register as `filters` narrow and order it, for a spreadsheet, with
    each child's current postcode, and whether their safeguarding records came with them (only
    for staff cleared to see them); and one audit row of the export naming every child in it.
    Two statements whatever the number of entries: the rows, the audit row."""
    user = actor.user
    sort = REGISTER_SORTS.get(filters.sort, REGISTER_SORTS[SORT_NEWEST])
    current_postcode = ChildAddress.objects.live().filter(
        child_id=OuterRef("child_id"), kind=AddressKind.CURRENT
    )
    entries = register_entries_filtered(
        authority=user.authority, filters=filters, today=today
    ).annotate(postcode=Subquery(current_postcode.values("address__postcode")[:1]))
    with_safeguarding = user.can_view_safeguarding
    if with_safeguarding:
        entries = entries.select_related("child__safeguarding")
    with transaction.atomic():
        rows = list(
            entries.order_by(*(f"-{name}" if sort.descending else name for name in sort.key))
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.EXPORT,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="register",
            categories=(
                *REGISTER_CATEGORIES,
                *((SAFEGUARDING_CATEGORY,) if with_safeguarding else ()),
            ),
            children=[entry.child_id for entry in rows],
        )
    return rows, with_safeguarding
