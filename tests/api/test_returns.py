"""The termly return over the API: counted as the register stood on the census date, only the
token's own LA, only with the returns:read scope, a wrong period refused by name, and every
return sent recorded in the audit trail as an export."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from registers.contracts import la_return_errors
from registers.models import AuditEvent
from registers.rules.codes import CaseStatus, ClosureReason
from tests.api.conftest import ApiClient, token_issue
from tests.factories import ChildFactory
from tests.selectors.case_histories import Move, at, case_history, registered

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 12, 1, 10, tzinfo=UTC)
CENSUS = date(2025, 10, 2)  # autumn 2025: the first Thursday in October
ADDRESS = "/api/v1/returns/2025-26/autumn/"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def child_on_register(authority, moves):
    child = ChildFactory(authority=authority, date_of_birth=date(2015, 3, 1))
    return case_history(child=child, moves=moves)


@pytest.fixture
def devon_register(devon):
    """Three Devon children: one home educated on the census date, one registered the day
    after it, one closed (back at school) the day before it and opened again after it."""
    child_on_register(devon, registered(date(2025, 6, 2)))
    child_on_register(devon, registered(date(2025, 10, 3)))
    child_on_register(
        devon,
        [
            *registered(date(2025, 5, 1)),
            Move(at(date(2025, 10, 1)), CaseStatus.CLOSED, ClosureReason.RETURNED_TO_SCHOOL),
        ],
    )
    return devon


def test_the_return_counts_the_children_home_educated_when_the_census_day_ended(
    devon_register,
):
    api = ApiClient(token_issue(devon_register, scopes=["returns:read"]))

    response = api.get(ADDRESS)

    assert response.status_code == 200
    document = response.json()
    assert la_return_errors(document) == []
    assert document["period"]["census_date"] == CENSUS.isoformat()
    assert document["local_authority"]["old_la_code"] == "878"
    home_educated = document["census"]["elective_home_education"]
    assert home_educated["total"] == 1
    assert sum(row["count"] for row in home_educated["sex"]) == 1
    # The year from 1 September: the child there all along, and the one closed in October.
    assert document["academic_year"]["children_at_any_point"] == 2


def test_each_return_sent_is_recorded_as_an_export_naming_no_child(devon_register):
    token = token_issue(devon_register, scopes=["returns:read"])

    ApiClient(token).get(ADDRESS)

    export = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert export.authority_id == devon_register.pk
    assert export.door == "api"
    assert export.api_token.authority_id == devon_register.pk
    assert (export.object_type, export.object_id) == ("la_return", "2025-26/autumn")
    assert export.children == []


def test_another_las_token_reads_its_own_return_not_this_one(devon_register, cornwall):
    cornish = ApiClient(token_issue(cornwall, scopes=["returns:read"])).get(ADDRESS).json()

    assert cornish["local_authority"]["la_name"] == "Cornwall"
    assert cornish["census"]["elective_home_education"]["total"] == 0
    assert cornish["academic_year"]["children_at_any_point"] == 0


def test_a_token_without_the_returns_scope_is_refused(devon_register):
    api = ApiClient(token_issue(devon_register, scopes=["register:read"]))

    response = api.get(ADDRESS)

    assert response.status_code == 403
    assert response.json() == {
        "message": "This token may not do this: it needs the returns:read scope",
        "errors": {},
    }
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


@pytest.mark.parametrize(
    ("address", "fields"),
    [
        ("/api/v1/returns/2025-27/autumn/", ["academic_year"]),
        ("/api/v1/returns/2025-26/winter/", ["term"]),
        ("/api/v1/returns/2021-22/autumn/", ["term"]),  # before the return began
        ("/api/v1/returns/2025-26/spring/", ["term"]),  # its census day is still to come
    ],
)
def test_a_wrong_year_or_term_is_refused_by_name(devon, address, fields):
    api = ApiClient(token_issue(devon, scopes=["returns:read"]))

    response = api.get(address)

    assert response.status_code == 400
    body = response.json()
    assert body["message"] == "There is a problem"
    assert sorted(body["errors"]) == fields
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()
