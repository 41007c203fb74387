"""Text someone typed (an LA's own page text, its address), shown escaped: whatever it holds is
shown as text and never acts as HTML."""

from collections.abc import Iterator

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _lines(text: str) -> Iterator[tuple[str]]:
    for line in str(text).splitlines():
        if line.strip():
            yield (line.strip(),)


@register.filter
def paragraphs(text: str) -> SafeString:
    """Each line a GOV.UK paragraph."""
    return format_html_join("\n", '<p class="govuk-body">{}</p>', _lines(text))


@register.filter
def lines(text: str) -> SafeString:
    """Lines kept as lines in one block, such as a postal address."""
    return format_html_join(mark_safe("<br>"), "{}", _lines(text))
