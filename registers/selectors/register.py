"""Reads of the register for an LA's staff: constant query counts, never another LA's rows."""

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    Child,
    ChildAddress,
    LocalAuthority,
    RegisterEntry,
    RegisterSize,
)
from registers.selectors.paging import Page, PageAt, keyset_page

# The register's order, newest notification first and, within a day, the entry recorded last
# first: columns of the entry alone, so that the index on (authority, these) serves every page.
REGISTER_ORDER = ("notified_on", "created_at", "id")
# What a line of the register shows: the child's name and date of birth, the case.
REGISTER_CATEGORIES = ("identity", "education")


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


def register_page_get(*, actor: Actor, at: PageAt, size: int) -> Page[RegisterEntry]:
    """A page of the acting officer's register, newest first, and the audit row of the read,
    naming every child on the page, in one transaction.

    Three statements whatever the page and the size of the register: the register's size (one
    row), the page (through the index, by keyset), the audit row; four when going back reaches
    the start.
    """
    authority = actor.user.authority
    entries = register_entry_list(authority=authority)
    with transaction.atomic():
        page = keyset_page(
            entries,
            key=REGISTER_ORDER,
            descending=True,
            at=at,
            size=size,
            count=register_size(authority=authority),
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
