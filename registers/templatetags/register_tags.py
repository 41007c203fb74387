"""Small presentational tags for staff pages; the rules they show live in registers.rules."""

from datetime import date

from django import template
from django.core.paginator import Page

from registers.rules.codes import CaseStatus
from registers.rules.year_group import year_group_label

register = template.Library()

_STATUS_COLOURS = {
    CaseStatus.NOTIFIED: "blue",
    CaseStatus.ELIGIBILITY_CHECK: "light-blue",
    CaseStatus.CONSENT_PENDING: "purple",
    CaseStatus.REGISTERED: "green",
    CaseStatus.INFO_OUTSTANDING: "orange",
    CaseStatus.ENQUIRY: "yellow",
    CaseStatus.SUITABLE_MONITORING: "turquoise",
    CaseStatus.CME: "red",
    CaseStatus.CLOSED: "grey",
}


@register.simple_tag
def year_group(date_of_birth: date, on: date) -> str:
    return year_group_label(date_of_birth, on) or "Outside Reception to Year 11"


@register.inclusion_tag("includes/status_tag.html")
def status_tag(status: str) -> dict[str, str]:
    return {
        "label": CaseStatus(status).label,
        "colour": _STATUS_COLOURS.get(status, "pink"),
    }


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page: Page) -> dict[str, object]:
    """GOV.UK pagination: previous, next and a window of page numbers around this one."""
    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return {"page": page, "numbers": list(numbers), "ellipsis": paginator.ELLIPSIS}
