"""Long staff lists, a page at a time, by keyset: a page starts after (or ends before) a row of
the list, found through the index that orders it, so the last page of a long register costs
what the first does. There are no page numbers: first, previous, next and last.

A page is asked for by where it is (`PageAt`), which the pages' links carry in their query
string: nothing for the first page, `?after=<id>` and `?before=<id>` for the pages either side
of a row, `?page=last` for the last.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from uuid import UUID

from django.db.models import Model, Q, QuerySet, Subquery

Row = TypeVar("Row", bound=Model)

AFTER = "after"
BEFORE = "before"
PAGE = "page"
LAST = "last"


@dataclass(frozen=True)
class PageAt:
    """Which page of a list: the first (nothing given), the last, or the page after or before
    the row with this id."""

    after: UUID | None = None
    before: UUID | None = None
    last: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "PageAt":
        """The page a link asks for; a mangled link gets the first page."""
        if query.get(PAGE) == LAST:
            return cls(last=True)
        for name in (AFTER, BEFORE):
            if value := query.get(name):
                try:
                    return cls(**{name: UUID(value)})
                except ValueError:
                    return cls()
        return cls()


@dataclass(frozen=True)
class Page(Generic[Row]):
    """One page of a list: its rows in order, and how many rows the whole list has."""

    rows: list[Row]
    count: int
    has_previous: bool
    has_next: bool

    @property
    def is_first(self) -> bool:
        return not self.has_previous

    @property
    def is_last(self) -> bool:
        return not self.has_next


def _beyond(rows: QuerySet[Row], *, key: Sequence[str], row_id: UUID, smaller: bool) -> Q:
    """The rows whose key is smaller (or greater) than the key of the row `row_id`.

    The row's key is read by subqueries within the same statement, from `rows` itself, so that
    a link cannot place a page by another LA's row. The bound on the key's first column alone is
    the range an index on the key is read over; the rest tells rows on the same date (or name)
    apart.
    """
    row = rows.filter(pk=row_id)
    value = {name: Subquery(row.values(name)[:1]) for name in key}
    strictly, or_equal = ("lt", "lte") if smaller else ("gt", "gte")
    beyond, tied = Q(), {}
    for name in key:
        beyond |= Q(**tied, **{f"{name}__{strictly}": value[name]})
        tied[name] = value[name]
    return Q(**{f"{key[0]}__{or_equal}": value[key[0]]}) & beyond


def keyset_page(
    rows: QuerySet[Row], *, key: Sequence[str], descending: bool, at: PageAt, size: int, count: int
) -> Page[Row]:
    """The page `at` of the list `rows` ordered by `key`, `size` rows to a page, in a list of
    `count` rows.

    `key` names the columns of the list's order, all in one direction (newest first when
    `descending`), ending with the primary key so that no two rows tie; an index on them (after
    the columns `rows` is filtered by) serves each page. One statement a page, two only when
    going back reaches the start of the list with less than a page.
    """
    forwards = [f"-{name}" if descending else name for name in key]
    backwards = [name if descending else f"-{name}" for name in key]
    if at.before is not None:
        shown_before = _beyond(rows, key=key, row_id=at.before, smaller=not descending)
        found = list(rows.filter(shown_before).order_by(*backwards)[: size + 1])
        if len(found) > size:
            return Page(count=count, rows=found[:size][::-1], has_previous=True, has_next=True)
        # Going back reached the start of the list: the first page is a whole page.
    elif at.after is not None:
        shown_after = _beyond(rows, key=key, row_id=at.after, smaller=descending)
        found = list(rows.filter(shown_after).order_by(*forwards)[: size + 1])
        return Page(count=count, rows=found[:size], has_previous=True, has_next=len(found) > size)
    elif at.last:
        found = list(rows.order_by(*backwards)[: size + 1])
        return Page(
            count=count, rows=found[:size][::-1], has_previous=len(found) > size, has_next=False
        )
    found = list(rows.order_by(*forwards)[: size + 1])
    return Page(count=count, rows=found[:size], has_previous=False, has_next=len(found) > size)
