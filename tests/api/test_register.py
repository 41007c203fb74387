"""The register API: each LA's token sees its own LA's children and cases only (S1, S2), a page
at a time with a capped page size (S19) and a constant number of queries, never a safeguarding
field, and every read is audited with the children it showed."""

from datetime import date, timedelta

import pytest

from registers.models import ApiToken, AuditEvent, ChildSafeguarding
from registers.rules.codes import CaseStatus, Door, PrimaryReason
from tests.api.conftest import ApiClient
from tests.factories import ChildFactory, RegisterEntryFactory, child_with_record

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases/"
CHILDREN = "/api/v1/children/"


def entries(authority, number: int, **fields) -> list:
    start = date(2026, 9, 1)
    return [
        RegisterEntryFactory(
            child=ChildFactory(authority=authority, last_name=f"Family{index:03d}"),
            notified_on=start + timedelta(days=index % 7),
            **fields,
        )
        for index in range(number)
    ]


def every_row(api: ApiClient, path: str, **params) -> list[dict]:
    """Every row of a list, following its next links."""
    rows, response = [], api.get(path, params)
    while True:
        assert response.status_code == 200, response.json()
        rows.extend(response.json()["results"])
        if response.json()["next"] is None:
            return rows
        response = api.get(response.json()["next"])


@pytest.mark.parametrize("path", [CASES, CHILDREN])
def test_another_las_token_sees_nothing_of_this_la(devon, cornwall, devon_api, cornwall_api, path):
    entries(devon, 3)
    cornish = entries(cornwall, 2)

    devon_rows = every_row(devon_api, path)
    listed = devon_api.get(path).json()

    cornish_ids = {str(entry.pk) for entry in cornish} | {str(e.child_id) for e in cornish}
    assert len(devon_rows) == listed["count"] == 3
    assert not cornish_ids & {row["id"] for row in devon_rows}
    assert cornwall_api.get(path).json()["count"] == 2


def test_another_las_child_and_case_are_not_found_and_the_refusal_is_audited(
    devon, cornwall, devon_api
):
    cornish = entries(cornwall, 1)[0]

    for path in (f"{CHILDREN}{cornish.child_id}/", f"{CASES}{cornish.pk}/"):
        response = devon_api.get(path)
        assert response.status_code == 404
        assert response.json()["errors"] == {}
        assert "No such" in response.json()["message"]

    refused = AuditEvent.objects.filter(outcome=AuditEvent.Outcome.DENIED, door=Door.API)
    assert sorted(refused.values_list("object_type", "object_id", "authority_id")) == [
        ("child", str(cornish.child_id), devon.pk),
        ("register_entry", str(cornish.pk), devon.pk),
    ]


@pytest.mark.parametrize("path", [f"{CHILDREN}not-a-uuid/", f"{CASES}12345/"])
def test_an_id_that_is_not_an_id_is_not_found(devon_api, path):
    assert devon_api.get(path).status_code == 404


@pytest.mark.parametrize("path", [CASES, CHILDREN])
def test_a_huge_page_size_gives_at_most_100_rows(devon, devon_api, path):
    entries(devon, 101)

    listed = devon_api.get(path, {"page_size": "100000"}).json()

    assert listed["count"] == 101
    assert len(listed["results"]) == 100
    assert listed["next"]


@pytest.mark.parametrize("size", ["0", "-1", "ten", "1.5", "²"])
def test_a_page_size_that_is_not_a_number_is_refused(devon_api, size):
    response = devon_api.get(CASES, {"page_size": size})

    assert response.status_code == 400
    assert response.json()["errors"] == {
        "page_size": ["Enter the page size as a whole number, 1 or more"]
    }


@pytest.mark.parametrize("path", [CASES, CHILDREN])
def test_pages_walk_the_whole_list_once(devon, devon_api, path):
    made = entries(devon, 23)

    rows = every_row(devon_api, path, page_size=5)

    ids = [row["id"] for row in rows]
    expected = {str(e.pk) for e in made} if path == CASES else {str(e.child_id) for e in made}
    assert len(ids) == len(set(ids)) == 23
    assert set(ids) == expected


@pytest.mark.parametrize("path", [CASES, CHILDREN])
def test_a_cursor_not_given_by_the_list_is_refused(devon, devon_api, path):
    entries(devon, 3)
    other = CHILDREN if path == CASES else CASES
    from_other_list = devon_api.get(other, {"page_size": 1}).json()["next"].split("cursor=")[1]

    for cursor in ("nonsense", from_other_list, "W10"):
        response = devon_api.get(path, {"cursor": cursor})
        assert response.status_code == 400
        assert list(response.json()["errors"]) == ["cursor"]


@pytest.mark.parametrize("path", [CASES, CHILDREN])
def test_a_page_costs_the_same_queries_whatever_its_size_or_depth(
    devon, devon_api, path, django_assert_num_queries
):
    entries(devon, 30)
    second_page = devon_api.get(path, {"page_size": 10}).json()["next"]

    # The token, then in one transaction (a savepoint and its release, as the tests run it) the
    # count, the page and the audit row.
    for asked in ({"page_size": 10}, {"page_size": 100}):
        with django_assert_num_queries(6):
            devon_api.get(path, asked)
    with django_assert_num_queries(6):
        devon_api.get(second_page)


def test_cases_are_filtered_by_status_reason_and_notified_date(devon, devon_api):
    entries(devon, 2, status=CaseStatus.REGISTERED, primary_reason=PrimaryReason.LIFESTYLE)
    entries(devon, 3, status=CaseStatus.NOTIFIED, primary_reason=PrimaryReason.RELIGIOUS)
    late = RegisterEntryFactory(child=ChildFactory(authority=devon), notified_on=date(2027, 1, 5))

    def listed(**params) -> set[str]:
        return {row["reference"] for row in every_row(devon_api, CASES, **params)}

    assert len(listed(status="registered")) == 3  # two, and the late one
    assert len(listed(primary_reason="religious")) == 3
    assert len(listed(status="notified", primary_reason="religious")) == 3
    assert listed(notified_since="2027-01-01") == {late.reference}
    assert len(every_row(devon_api, CHILDREN, status="notified")) == 3


def test_filters_that_are_not_codes_are_named_with_what_they_may_be(devon_api):
    response = devon_api.get(
        CASES, {"status": "lost", "primary_reason": "bored", "notified_since": "31/12/2026"}
    )

    errors = response.json()["errors"]
    assert response.status_code == 400
    assert sorted(errors) == ["notified_since", "primary_reason", "status"]
    assert errors["status"][0].startswith("Choose a status from: notified, eligibility_check")
    assert errors["notified_since"] == ["Enter the date like 2026-09-01"]


def test_a_childs_record_has_no_safeguarding_fields(devon, devon_api):
    child = child_with_record(authority=devon)
    ChildSafeguarding.objects.create(
        child=child,
        child_protection_plan=ChildSafeguarding.Status.CURRENT,
        looked_after=True,
        looked_after_reason="SAFEGUARDING-MARKER-7731",
    )

    response = devon_api.get(f"{CHILDREN}{child.pk}/")

    record = response.json()
    assert response.status_code == 200
    assert record["id"] == str(child.pk)
    assert len(record["parents"]) == len(record["education"]) == len(record["cases"]) == 1
    body = response.content.decode()
    for withheld in ("SAFEGUARDING-MARKER-7731", "looked_after", "child_protection", "section_47"):
        assert withheld not in body


def test_a_childs_record_costs_the_same_queries_however_full(
    devon, devon_api, django_assert_num_queries
):
    child = child_with_record(authority=devon)

    # The token, then in one transaction (a savepoint and its release, as the tests run it) the
    # child, addresses, parents, education, cases and the audit row.
    with django_assert_num_queries(9):
        devon_api.get(f"{CHILDREN}{child.pk}/")


def test_every_read_is_audited_with_the_children_it_showed(devon, devon_api, devon_token):
    made = entries(devon, 3)
    child = made[0].child
    token = ApiToken.objects.get(prefix=devon_token.split("_")[1])

    devon_api.get(CASES, {"page_size": 2})
    devon_api.get(CHILDREN)
    devon_api.get(f"{CHILDREN}{child.pk}/")
    devon_api.get(f"{CASES}{made[1].pk}/")

    rows = AuditEvent.objects.filter(door=Door.API).order_by("id")
    assert [(row.object_type, row.outcome) for row in rows] == [
        ("case_list", "allowed"),
        ("child_list", "allowed"),
        ("child", "allowed"),
        ("register_entry", "allowed"),
    ]
    assert {row.api_token_id for row in rows} == {token.pk}
    assert {row.authority_id for row in rows} == {devon.pk}
    assert len(rows[0].children) == 2
    assert sorted(rows[1].children) == sorted(str(entry.child_id) for entry in made)
    assert rows[2].children == [str(child.pk)]
    assert rows[3].children == [str(made[1].child_id)]
