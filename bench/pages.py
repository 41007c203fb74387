"""Which pages to time, found as an officer finds them, never from hard-coded ids.

The register's deep and last pages are reached through the page's own GOV.UK pagination links
("Next", and a last-page link), so the harness follows whatever paging the register uses. Where
the links number their pages (`?page=N`), page N is asked for directly instead of clicking
"Next" N-1 times. The child record and the provider page are chosen from the database: the
child with the most parents and providers (its record is the fullest) and the provider that the
most children attend now.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bench.client import Link, Visitor, expect, links

PAGE_PARAMETER = "page"
# Clicking "Next" this many times at most while looking for the last page.
MAX_NEXT_CLICKS = 100_000


@dataclass(frozen=True)
class RegisterPages:
    first: str
    deep: str
    deep_number: int
    last: str
    # None where the pages are linked, not numbered, and the last was not clicked through to.
    last_number: int | None


def _pagination(page_links: list[Link]) -> list[Link]:
    return [link for link in page_links if "govuk-pagination" in link.classes]


def next_link(page_links: list[Link]) -> str | None:
    for link in _pagination(page_links):
        if "next" in link.rel or "govuk-pagination__next" in link.classes:
            return link.href
    return None


def last_link(page_links: list[Link]) -> str | None:
    """The pagination's link to the last page: one that says so (rel, label or text), or else
    the highest numbered page it links to."""
    pagination = _pagination(page_links)
    for link in pagination:
        words = f"{link.text} {link.label}".lower()
        if "last" in link.rel or re.search(r"\blast\b", words):
            return link.href
    numbered = [(page_number(link.href), link.href) for link in pagination]
    numbered = [(number, href) for number, href in numbered if number is not None]
    return max(numbered)[1] if numbered else None


def page_number(href: str) -> int | None:
    """N for a link to `?page=N` (and nothing else in its query), otherwise None."""
    query = dict(parse_qsl(urlsplit(href).query))
    value = query.get(PAGE_PARAMETER, "")
    return int(value) if value.isdigit() and len(query) == 1 else None


def with_page_number(href: str, number: int) -> str:
    parts = urlsplit(href)
    query = dict(parse_qsl(parts.query))
    query[PAGE_PARAMETER] = str(number)
    return urlunsplit(("", "", parts.path, urlencode(query), ""))


def _page_links(visitor: Visitor, path: str) -> list[Link]:
    response = expect(visitor.get(path), 200, f"The register page {path}")
    return links(response.body, base=path)


def register_pages(visitor: Visitor, *, first: str, deep: int) -> RegisterPages:
    """Page 1, page `deep` (or the deepest there is) and the last page of the register."""
    first_links = _page_links(visitor, first)
    following = next_link(first_links)
    if following is None:
        return RegisterPages(first=first, deep=first, deep_number=1, last=first, last_number=1)

    last = last_link(first_links)
    last_number = page_number(last) if last else None
    if page_number(following) is not None and last_number is not None:
        # Numbered pages: ask for page N as the page's own links would.
        deep_number = min(deep, last_number)
        deep_path = first if deep_number == 1 else with_page_number(following, deep_number)
        return RegisterPages(
            first=first,
            deep=deep_path,
            deep_number=deep_number,
            last=last,
            last_number=last_number,
        )

    # Linked pages (first, next, last): click "Next" until the deep page.
    path, number, deep_path, deep_number = first, 1, first, 1
    while following is not None and number < MAX_NEXT_CLICKS:
        path, number = following, number + 1
        if number <= deep:
            deep_path, deep_number = path, number
        if number >= deep and last is not None:
            break
        following = next_link(_page_links(visitor, path))
    if last is None:
        # No last-page link: the last page is where "Next" ran out.
        last, last_number = path, number
    elif following is None:
        last_number = number
    return RegisterPages(
        first=first, deep=deep_path, deep_number=deep_number, last=last, last_number=last_number
    )
