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

from django.db.models import F, Model, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan

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
    columns = Tuple(*(F(name) for name in key))
    # The rows shown before a row of the list, and those shown after it.
    if descending:
        before_row, after_row = TupleGreaterThan, TupleLessThan
    else:
        before_row, after_row = TupleLessThan, TupleGreaterThan

    def key_of(row_id: UUID):
        # A row of this very list, so a link cannot place a page by another LA's rows.
        return rows.filter(pk=row_id).values(*key).query

    if at.before is not None:
        found = list(
            rows.filter(before_row(columns, key_of(at.before))).order_by(*backwards)[: size + 1]
        )
        if len(found) > size:
            return Page(count=count, rows=found[:size][::-1], has_previous=True, has_next=True)
        # Going back reached the start of the list: the first page is a whole page.
    elif at.after is not None:
        found = list(
            rows.filter(after_row(columns, key_of(at.after))).order_by(*forwards)[: size + 1]
        )
        return Page(count=count, rows=found[:size], has_previous=True, has_next=len(found) > size)
    elif at.last:
        found = list(rows.order_by(*backwards)[: size + 1])
        return Page(
            count=count, rows=found[:size][::-1], has_previous=len(found) > size, has_next=False
        )
    found = list(rows.order_by(*forwards)[: size + 1])
    return Page(count=count, rows=found[:size], has_previous=False, has_next=len(found) > size)
