"""Small presentational tags for staff pages; the rules they show live in registers.rules."""

from datetime import date

from django import template

from registers.models import Notification
from registers.rules.codes import CaseStatus
from registers.rules.year_group import year_group_label
from registers.selectors.paging import AFTER, BEFORE, LAST, PAGE, Page
from registers.selectors.review import KIND_SLUGS
from registers.staff.access import REVIEWING_ROLES

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


@register.inclusion_tag("includes/pagination.html")
def pagination(page: Page, label: str, path: str, query: str = "") -> dict[str, object]:
    """GOV.UK pagination for a page of the long list at `path`: previous and next, and the first
    and the last page (there are no page numbers: registers.selectors.paging). `query` keeps
    what the list is narrowed to (an encoded query string) on every link."""
    rows = page.rows
    start = f"{path}?{query}&" if query else f"{path}?"
    return {
        "page": page,
        "label": label,
        "previous": f"{start}{BEFORE}={rows[0].pk}" if page.has_previous and rows else None,
        "next": f"{start}{AFTER}={rows[-1].pk}" if page.has_next and rows else None,
        "ends": [
            ("First page", f"{path}?{query}" if query else path, page.is_first),
            ("Last page", f"{start}{PAGE}={LAST}", page.is_last),
        ],
    }


@register.filter
def review_kind(notification: Notification) -> str:
    """The review queue's name for the kind of a notification (its item's address)."""
    return KIND_SLUGS.get(notification.kind, "")


@register.filter
def reviews(user) -> bool:
    """Whether the member of staff reviews what arrives (and so may open an item)."""
    return getattr(user, "role", None) in REVIEWING_ROLES
