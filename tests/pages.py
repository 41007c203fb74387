"""Reading a page as a person does: the error summary's links, the messages by the fields, and
the rows of summary lists."""

import html
import re
from dataclasses import dataclass


def error_summary(response) -> list[tuple[str, str]]:
    """(target id, message) of each link in the error summary, in order."""
    content = response.content.decode()
    listed = re.search(r'govuk-error-summary__list">(.*?)</ul>', content, re.DOTALL)
    assert listed, "the page has no error summary"
    return [
        (target, html.unescape(message))
        for target, message in re.findall(r'<li><a href="#([^"]+)">([^<]+)</a>', listed[1])
    ]


def field_errors(response) -> list[str]:
    """Each message shown beside its field, in the page's order."""
    content = response.content.decode()
    return [
        html.unescape(message.strip())
        for message in re.findall(
            r'class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:</span>'
            r"([^<]*)<",
            content,
        )
    ]


def assert_errors_shown(response, expected: list[tuple[str, str]]) -> None:
    """The page shows exactly these errors, in this order, in its summary and by the fields."""
    assert response.status_code == 200
    assert error_summary(response) == expected
    assert field_errors(response) == [message for _, message in expected]


def text(markup: str) -> str:
    """What a person reads of some HTML: its text, with spaces as a browser shows them."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@dataclass(frozen=True)
class SummaryRow:
    key: str
    value: str
    change: str  # where its Change link goes ("" if it has none)


def summary_rows(response) -> dict[str, str]:
    """Each row of the page's summary lists, key and value as a person reads them (a key that
    comes again, as in a card for each parent, keeps its last value: see summary_cards)."""
    return {row.key: row.value for row in _rows(response.content.decode())}


def summary_cards(response) -> dict[str, dict[str, SummaryRow]]:
    """The rows of each summary card of the page, by the card's title and each row's key."""
    parts = re.split(r'<h[23] class="govuk-summary-card__title">', response.content.decode())
    cards = {}
    for part in parts[1:]:
        title, card = re.split(r"</h[23]>", part, maxsplit=1)
        card = card.split("</dl>", 1)[0]
        cards[text(title)] = {row.key: row for row in _rows(card)}
    return cards


def _rows(content: str) -> list[SummaryRow]:
    rows = []
    for row in re.findall(r'<div class="govuk-summary-list__row[^"]*">(.*?)</div>', content, re.S):
        key = re.search(r'govuk-summary-list__key">(.*?)</dt>', row, re.S)
        value = re.search(r'govuk-summary-list__value">(.*?)</dd>', row, re.S)
        change = re.search(r'href="([^"]+)"[^>]*>\s*Change', row)
        rows.append(
            SummaryRow(text(key[1]), text(value[1]), html.unescape(change[1]) if change else "")
        )
    return rows
