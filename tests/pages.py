"""Reading a page as a person does: the error summary's links and the messages by the fields."""

import html
import re


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
