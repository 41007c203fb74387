"""The register list: the LA's live entries of live children, and nothing archived; every page
read through the index in the register's order (P7)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registers.models import Address, ChildAddress
from registers.rules.codes import AddressKind
from registers.selectors.paging import PageAt
from registers.selectors.register import (
    children_at_postcode,
    register_entry_list,
    register_page_get,
)
from tests.factories import child_with_record, children_registered_in_bulk, staff_actor

pytestmark = pytest.mark.django_db


def test_the_list_leaves_out_archived_children_and_entries(officer, devon, cornwall):
    kept = child_with_record(authority=devon).entries.get()
    child_with_record(authority=devon).archive(actor=staff_actor(officer), reason="Twice")
    child_with_record(authority=devon).entries.get().archive(
        actor=staff_actor(officer), reason="Opened in error"
    )
    child_with_record(authority=cornwall)

    assert list(register_entry_list(authority=devon)) == [kept]


def _registered_at_addresses(authority, count: int) -> None:
    """`count` children on the LA's register, five notified a day, each at an address."""
    children = children_registered_in_bulk(authority, count, per_day=5)
    addresses = Address.objects.bulk_create(
        Address(line_1=f"{n} High Street", town="Exeter", postcode=f"EX{n % 40} {n % 9}AB")
        for n in range(count)
    )
    ChildAddress.objects.bulk_create(
        ChildAddress(child=child, address=address, kind=AddressKind.CURRENT)
        for child, address in zip(children, addresses, strict=True)
    )


@pytest.fixture
def two_large_registers(devon, cornwall, postgres_only):
    """Enough entries over two LAs that PostgreSQL's planner weighs an index against a scan."""
    _registered_at_addresses(devon, 3000)
    _registered_at_addresses(cornwall, 2000)
    with connection.cursor() as cursor:
        for table in ("registerentry", "child", "address", "childaddress"):
            cursor.execute(f"ANALYZE registers_{table}")


def _nodes(explained: list[dict]) -> list[dict]:
    """Every node of a plan PostgreSQL gave as EXPLAIN (FORMAT JSON)."""
    (plan,) = explained
    nodes, waiting = [], [plan["Plan"]]
    while waiting:
        node = waiting.pop()
        nodes.append(node)
        waiting.extend(node.get("Plans", []))
    return nodes


def _page_plan(actor, at: PageAt) -> list[dict]:
    """The plan of the statement that reads the page's entries."""
    with CaptureQueriesContext(connection) as queries:
        page = register_page_get(actor=actor, at=at, size=50)
    assert len(page.rows) == 50
    (sql,) = [
        query["sql"]
        for query in queries
        if query["sql"].startswith("SELECT") and "ORDER BY" in query["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        return _nodes(cursor.fetchone()[0])


def test_every_page_of_the_register_is_read_through_its_index(officer, two_large_registers):
    actor = staff_actor(officer)
    middle = register_page_get(actor=actor, at=PageAt(), size=1500).rows[-1]

    for at in (PageAt(), PageAt(last=True), PageAt(after=middle.pk), PageAt(before=middle.pk)):
        nodes = _page_plan(actor, at)
        on_entries = [
            node for node in nodes if node.get("Relation Name") == "registers_registerentry"
        ]
        # The page is read in the index's order; a page placed by a row also finds that row
        # by its primary key.
        assert "register_entry_order" in [node.get("Index Name") for node in on_entries], at
        assert all(node["Node Type"] == "Index Scan" for node in on_entries), at
        assert not [node for node in nodes if "Sort" in node["Node Type"]], at


def test_a_postcode_is_found_through_its_index_within_the_la(officer, devon, two_large_registers):
    found = children_at_postcode(authority=devon, postcode="EX7 7AB")

    nodes = _nodes(json.loads(found.explain(format="json")))

    assert found.count() > 0
    assert {child.authority_id for child in found} == {devon.pk}
    assert all(child.addresses.get().address.postcode == "EX7 7AB" for child in found)
    assert "address_postcode" in [node.get("Index Name") for node in nodes]
    assert not [node for node in nodes if node["Node Type"] == "Seq Scan"]
