"""The pages of a child's record, as the sub navigation under the identity bar lists them.

A new page of the record (the case, contacts and visits, letters, consent) is a tab listed here;
each is its own address, read by its own selector, and audited as a read of the child.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone


@dataclass(frozen=True)
class ChildTab:
    label: str
    url_name: str


CHILD_TABS = (
    ChildTab("Record", "staff:child"),
    ChildTab("Case", "staff:case"),
    ChildTab("Timeline", "staff:child-timeline"),
    ChildTab("Contacts and visits", "staff:child-contacts"),
    ChildTab("Letters", "staff:child-letters"),
    ChildTab("Consent", "staff:child-consent"),
)


@dataclass(frozen=True)
class TabLink:
    label: str
    href: str
    current: bool


def child_tabs(*, child_id, current: str) -> list[TabLink]:
    """The record's tabs for one child, `current` (a URL name) marked."""
    return [
        TabLink(
            label=tab.label,
            href=reverse(tab.url_name, kwargs={"child_id": child_id}),
            current=tab.url_name == current,
        )
        for tab in CHILD_TABS
    ]


def record_tab_context(page, *, current: str) -> dict[str, object]:
    """What the record's layout shows above a tab (a registers.selectors.children.ChildPage):
    the identity bar and the tabs, `current` marked."""
    return {
        "child": page.child,
        "entry": page.entry,
        "tabs": child_tabs(child_id=page.child.pk, current=current),
        "today": timezone.localdate(),
    }
