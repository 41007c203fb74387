"""The child record shows what a parent told the LA about the family: where a parent or carer
lives when it is not the child's home, and whether the family would like support or advice,
read with the record's own statements (no more than a record without them)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registers.models import Child
from tests.factories import child_with_record
from tests.pages import summary_rows
from tests.public import begin, complete_answers, parent_answers

pytestmark = pytest.mark.django_db

MILL_STREET = {"line_1": "7 Mill Street", "line_2": "", "town": "Crediton", "postcode": "EX17 3AB"}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime(2026, 11, 28, 10, tzinfo=ZoneInfo("Europe/London"))):
        yield


def notified(devon, *, wants_support: bool) -> Child:
    """A child a parent told the LA about online: two parents, the second living elsewhere."""
    parent = Client()
    answers = complete_answers(
        parents=[
            parent_answers(1, first_name="Robin"),
            parent_answers(2, first_name="Sam", relationship="father", address=MILL_STREET),
        ],
        wants_support=wants_support,
    )
    begin(parent, {page: answer for page, answer in answers.items() if page != "declaration"})
    sent = parent.post(
        reverse("public:notify-page", args=["declaration"]), {"confirmed": "confirmed"}
    )
    assert sent.url == reverse("public:notify-confirmation")
    return Child.objects.get(first_name="Amelia")


def record(officer_client, child: Child):
    with CaptureQueriesContext(connection) as queries:
        response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))
    assert response.status_code == 200
    statements = [q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    return response, len(statements)


def test_a_parent_living_elsewhere_and_a_wish_for_support_are_on_the_record(officer_client, devon):
    response, _ = record(officer_client, notified(devon, wants_support=True))

    rows = summary_rows(response)
    assert rows["Mother"] == (
        "Robin Brightwater Lives at the child's home address Educates the child "
        "Has parental responsibility robin@family.example"
    )
    assert rows["Father"].startswith("Sam Brightwater Lives at 7 Mill Street, Crediton, EX17 3AB")
    assert rows["Would like support or advice"] == "Yes, said when notifying on 28 November 2026"


def test_a_family_that_did_not_ask_for_support_is_shown_as_such(officer_client, devon):
    response, _ = record(officer_client, notified(devon, wants_support=False))

    assert summary_rows(response)["Would like support or advice"] == (
        "No, said when notifying on 28 November 2026"
    )


def test_a_record_not_from_a_parent_does_not_say(officer_client, devon):
    response, _ = record(officer_client, child_with_record(authority=devon))

    assert "Would like support or advice" not in summary_rows(response)


def test_showing_them_takes_no_more_statements(officer_client, devon):
    _, plain = record(officer_client, child_with_record(authority=devon))
    _, notified_record = record(officer_client, notified(devon, wants_support=True))

    assert notified_record == plain
