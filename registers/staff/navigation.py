"""The staff pages' service navigation: one list of the areas of the workspace, each shown to
the roles that may use it, in the order an officer's day runs.

An area is active on every page whose address starts with one of its prefixes, so a child's
record keeps "Register" lit. Add an area here when its pages exist; nothing else lists them.
"""

from dataclasses import dataclass

from django.urls import reverse

from registers.models import StaffRole
from registers.staff.access import REVIEWING_ROLES


@dataclass(frozen=True)
class Area:
    label: str
    url_name: str
    # Address prefixes (below /staff/) of the pages that belong to the area.
    prefixes: tuple[str, ...]
    # The roles that see it; empty for every member of an LA's staff.
    roles: tuple[str, ...] = ()


AREAS = (
    # The dashboard is the root of the workspace: its one prefix matches only the root itself.
    Area("Dashboard", "staff:dashboard", ("",)),
    Area("Review", "staff:review", ("review/",), roles=REVIEWING_ROLES),
    Area("Register", "staff:register", ("register/", "children/", "providers/")),
    Area("Tasks", "staff:tasks", ("tasks/",)),
    Area("Add a child", "staff:child-add", ("children/new/",)),
    Area("Reports", "staff:reports", ("reports/",)),
    Area("Caseload", "staff:caseload", ("caseload/",), roles=(StaffRole.MANAGER,)),
    Area("Bulk work", "staff:bulk-jobs", ("bulk-work/",), roles=(StaffRole.MANAGER,)),
    Area(
        "API tokens",
        "staff:api-tokens",
        ("api-tokens/", "api-documentation/"),
        roles=(StaffRole.LA_ADMIN,),
    ),
    Area("Settings", "staff:settings-staff", ("settings/",), roles=(StaffRole.LA_ADMIN,)),
)


@dataclass(frozen=True)
class NavigationItem:
    label: str
    href: str
    active: bool


def staff_navigation(*, user, path: str) -> list[NavigationItem]:
    """The areas `user` may use, with the one `path` belongs to marked active (the longest
    matching prefix wins, so "Add a child" is lit on its own page, "Register" on a record)."""
    if not getattr(user, "works_for_authority", False):
        return []
    staff_root = reverse("staff:dashboard")
    below = path[len(staff_root) :] if path.startswith(staff_root) else ""
    visible = [area for area in AREAS if not area.roles or user.role in area.roles]
    matches = [
        (len(prefix), area)
        for area in visible
        for prefix in area.prefixes
        if (below.startswith(prefix) if prefix else below == "")
    ]
    active = max(matches, key=lambda match: match[0])[1] if matches else None
    return [
        NavigationItem(label=area.label, href=reverse(area.url_name), active=area is active)
        for area in visible
    ]
