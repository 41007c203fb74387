"""The register's search and filters, compared with what the test made: each finds exactly the
LA's entries it should, and nothing of another LA's."""

import json
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registers.models import ChildSafeguarding, Task
from registers.rules.search import SearchKind, search_term
from registers.rules.year_group import national_curriculum_year
from registers.selectors.paging import PageAt
from registers.selectors.register import (
    SORT_NAME,
    SORT_OLDEST,
    RegisterFilters,
    register_entries_filtered,
    register_export_get,
    register_page_get,
)
from tests.factories import (
    ChildAddressFactory,
    ChildFactory,
    RegisterEntryFactory,
    StaffUserFactory,
    staff_actor,
)
from tests.selectors.test_register import (  # noqa: F401 (a fixture)
    _nodes,
    _scans_of,
    two_large_registers,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 6)

# first, last, born, UPN, postcode, status, reason, SEN, overdue task
PEOPLE = [
    (
        "Isla",
        "Moorcroft",
        date(2015, 4, 9),
        "A801200110001",
        "EX1 1AA",
        "registered",
        "mental_health",
        "none",
        True,
    ),
    (
        "Oliver",
        "Moore",
        date(2012, 10, 1),
        "",
        "EX4 4QJ",
        "enquiry",
        "philosophical",
        "sen_support",
        False,
    ),
    (
        "Amelia",
        "Brightwater",
        date(2018, 1, 20),
        "",
        "PL1 2AB",
        "registered",
        "religious",
        "ehc_plan",
        False,
    ),
    (
        "Noah",
        "Smith-Jones",
        date(2015, 6, 30),
        "",
        "EX1 1AA",
        "notified",
        "unknown",
        "ehc_plan",
        True,
    ),
]


@pytest.fixture
def register(devon, cornwall):
    entries = {}
    for n, (first, last, born, upn, postcode, status, reason, sen, overdue) in enumerate(PEOPLE):
        child = ChildFactory(
            authority=devon,
            first_name=first,
            last_name=last,
            date_of_birth=born,
            upn=upn,
            sen_provision=sen,
        )
        ChildAddressFactory(child=child, address__postcode=postcode)
        entry = RegisterEntryFactory(
            child=child,
            status=status,
            primary_reason=reason,
            notified_on=TODAY - timedelta(days=n),
            reference=f"ABC{n}-XYZ{n}",
        )
        Task.objects.create(
            authority=devon,
            kind=Task.Kind.CHECK_ELIGIBILITY,
            entry=entry,
            due_on=TODAY - timedelta(days=1) if overdue else TODAY + timedelta(days=1),
        )
        entries[last] = entry
    # Another LA's child who matches every search: never found.
    theirs = ChildFactory(
        authority=cornwall,
        first_name="Isla",
        last_name="Moorcroft",
        date_of_birth=date(2015, 4, 9),
    )
    ChildAddressFactory(child=theirs, address__postcode="EX1 1AA")
    RegisterEntryFactory(child=theirs, reference="ABC0-XYZ9", notified_on=TODAY)
    return entries


def _found(devon, **filters) -> set[str]:
    entries = register_entries_filtered(
        authority=devon, filters=RegisterFilters(**filters), today=TODAY
    )
    return {entry.child.last_name for entry in entries}


def _expected(test) -> set[str]:
    return {row[1] for row in PEOPLE if test(row)}


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("Moorcroft", SearchKind.NAME),
        ("9/4/2015", SearchKind.DATE_OF_BIRTH),
        ("2015-04-09", SearchKind.DATE_OF_BIRTH),
        ("ex1 1aa", SearchKind.POSTCODE),
        ("a801200110001", SearchKind.UPN),
        ("abc0xyz0", SearchKind.REFERENCE),
        ("31/2/2015", SearchKind.NAME),
        ("Family0004", SearchKind.NAME),
    ],
)
def test_what_is_typed_is_looked_for_as_one_thing(typed, kind):
    assert search_term(typed).kind == kind


@pytest.mark.parametrize(
    ("typed", "test"),
    [
        ("moor", lambda row: row[1].lower().startswith("moor")),
        ("Isla Moor", lambda row: row[0] == "Isla"),
        ("smith-jones", lambda row: row[1] == "Smith-Jones"),
        ("oliver", lambda row: row[0] == "Oliver"),
        ("09/04/2015", lambda row: row[2] == date(2015, 4, 9)),
        ("EX11AA", lambda row: row[4] == "EX1 1AA"),
        ("A801200110001", lambda row: row[3] == "A801200110001"),
        ("abc2-xyz2", lambda row: row[1] == "Brightwater"),
        ("nobody", lambda row: False),
    ],
)
def test_search_finds_the_las_children_by_name_reference_postcode_birth_or_upn(
    devon, register, typed, test
):
    assert _found(devon, search=typed) == _expected(test)


def test_each_filter_keeps_the_entries_matching_any_of_its_values(devon, register):
    assert _found(devon, statuses=("registered",)) == _expected(lambda r: r[5] == "registered")
    assert _found(devon, reasons=("religious", "unknown")) == _expected(
        lambda r: r[6] in ("religious", "unknown")
    )
    assert _found(devon, sen=("ehc_plan",)) == _expected(lambda r: r[7] == "ehc_plan")
    assert _found(devon, overdue=True) == _expected(lambda r: r[8])
    year_7 = _found(devon, year_groups=("7",))
    assert year_7 == _expected(lambda r: national_curriculum_year(r[2], TODAY) == 7)
    assert year_7 == {"Moorcroft", "Smith-Jones"}
    # Filters together: all of them.
    assert _found(devon, statuses=("registered",), overdue=True) == {"Moorcroft"}
    assert _found(devon, statuses=("registered",), search="EX1 1AA") == {"Moorcroft"}


def test_pages_of_a_search_are_counted_and_sorted(devon, register, officer):
    actor = staff_actor(officer)

    by_name = register_page_get(
        actor=actor, at=PageAt(), size=2, filters=RegisterFilters(sort=SORT_NAME), today=TODAY
    )
    oldest = register_page_get(
        actor=actor,
        at=PageAt(),
        size=10,
        filters=RegisterFilters(sort=SORT_OLDEST, search="EX1 1AA"),
        today=TODAY,
    )

    assert [entry.child.last_name for entry in by_name.rows] == ["Brightwater", "Moorcroft"]
    assert by_name.has_next
    assert [entry.child.last_name for entry in oldest.rows] == ["Smith-Jones", "Moorcroft"]
    assert oldest.count == 2


def test_the_export_carries_safeguarding_only_for_cleared_staff(devon, register):
    ChildSafeguarding.objects.create(
        child=register["Moorcroft"].child, child_protection_plan="current"
    )
    manager = StaffUserFactory(authority=devon, role="manager")
    cleared = StaffUserFactory(authority=devon, role="manager", can_view_safeguarding=True)

    rows, with_safeguarding = register_export_get(
        actor=staff_actor(manager), filters=RegisterFilters(), today=TODAY
    )
    assert not with_safeguarding
    assert len(rows) == len(PEOPLE)

    rows, with_safeguarding = register_export_get(
        actor=staff_actor(cleared), filters=RegisterFilters(search="Moorcroft"), today=TODAY
    )
    assert with_safeguarding
    (row,) = rows
    assert row.child.safeguarding.child_protection_plan == "current"
    assert row.postcode == "EX1 1AA"


@pytest.mark.usefixtures("two_large_registers")
@pytest.mark.parametrize("typed", ["family0004", "Child40 Family0004"])
def test_a_name_is_found_through_its_index_not_by_reading_every_child(officer, devon, typed):
    found = register_entries_filtered(
        authority=devon, filters=RegisterFilters(search=typed), today=TODAY
    )

    nodes = _nodes(json.loads(found.explain(format="json")))

    assert {entry.child.last_name for entry in found} >= {"Family00040"}
    assert "child_last_name_prefix" in [node.get("Index Name") for node in nodes]
    assert not [node for node in _scans_of(nodes, "child") if node["Node Type"] == "Seq Scan"]


def test_paging_by_surname_lists_each_entry_once_in_order(devon, officer):
    surnames = ["Ash", "Birch", "Birch", "Cedar", "Elm", "Elm", "Fir", "Oak"]
    for n, surname in enumerate(surnames):
        RegisterEntryFactory(
            child=ChildFactory(authority=devon, last_name=surname, first_name=f"Kit{n % 3}")
        )
    actor, filters = staff_actor(officer), RegisterFilters(sort=SORT_NAME)

    shown, at = [], PageAt()
    while True:
        page = register_page_get(actor=actor, at=at, size=3, filters=filters, today=TODAY)
        shown += page.rows
        if not page.has_next:
            break
        at = PageAt(after=page.rows[-1].pk)
    back = register_page_get(
        actor=actor, at=PageAt(before=shown[6].pk), size=3, filters=filters, today=TODAY
    )

    assert [entry.child.last_name for entry in shown] == sorted(surnames)
    assert len({entry.pk for entry in shown}) == len(surnames)
    assert back.rows == shown[3:6]


@pytest.mark.usefixtures("two_large_registers")
def test_a_page_in_surname_order_is_read_through_the_childrens_index(officer):
    with CaptureQueriesContext(connection) as queries:
        page = register_page_get(
            actor=staff_actor(officer),
            at=PageAt(),
            size=50,
            filters=RegisterFilters(sort=SORT_NAME),
            today=TODAY,
        )
    (rows,) = [query["sql"] for query in queries if "LIMIT 51" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {rows}")
        nodes = _nodes(cursor.fetchone()[0])

    assert len(page.rows) == 50
    # No sort of the whole register: the children are walked in surname order and the walk
    # stops after a page (ties on a name are put in order among themselves).
    assert not [node for node in nodes if node["Node Type"] == "Sort"]
    assert [node for node in _scans_of(nodes, "child") if node["Node Type"] == "Index Scan"]
