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


def _plans(actor, at: PageAt) -> tuple[list[dict], list[dict]]:
    """The plans of the two statements that read a page of the register: the count, the page."""
    with CaptureQueriesContext(connection) as queries:
        page = register_page_get(actor=actor, at=at, size=50)
    assert len(page.rows) == 50
    (count, rows) = [query["sql"] for query in queries if query["sql"].startswith("SELECT")]
    with connection.cursor() as cursor:
        plans = []
        for sql in (count, rows):
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plans.append(_nodes(cursor.fetchone()[0]))
    return plans[0], plans[1]


def _scans_of(nodes: list[dict], table: str) -> list[dict]:
    return [node for node in nodes if node.get("Relation Name") == f"registers_{table}"]


def test_every_page_of_the_register_is_read_through_its_index(officer, two_large_registers):
    actor = staff_actor(officer)
    middle = register_page_get(actor=actor, at=PageAt(), size=1500).rows[-1]

    for at in (PageAt(), PageAt(last=True), PageAt(after=middle.pk), PageAt(before=middle.pk)):
        count, rows = _plans(actor, at)

        # The page is read in the index's order, and stops after a page; a page placed by a
        # row also finds that row by its primary key.
        on_entries = _scans_of(rows, "registerentry")
        assert "register_entry_order" in [node.get("Index Name") for node in on_entries], at
        assert all(node["Node Type"] == "Index Scan" for node in on_entries), at
        assert not [node for node in rows if "Sort" in node["Node Type"]], at
        # The register's size is one row the database keeps: reading it touches no entry and
        # no child, however large the register.
        assert _scans_of(count, "registersize"), at
        assert not _scans_of(count, "registerentry") + _scans_of(count, "child"), at


def test_a_postcode_is_found_through_its_index_within_the_la(officer, devon, two_large_registers):
    found = children_at_postcode(authority=devon, postcode="EX7 7AB")

    nodes = _nodes(json.loads(found.explain(format="json")))

    assert found.count() > 0
    assert {child.authority_id for child in found} == {devon.pk}
    assert all(child.addresses.get().address.postcode == "EX7 7AB" for child in found)
    assert "address_postcode" in [node.get("Index Name") for node in nodes]
    assert not [node for node in nodes if node["Node Type"] == "Seq Scan"]
