"""The reports page and its CSV: a period asked for, refused when wrong, counted in the same
statements whatever the register's size, safeguarding counts only for cleared staff."""

import csv
import io

import pytest
from django.urls import reverse

from registers.models import ChildSafeguarding
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record, children_registered_in_bulk

pytestmark = pytest.mark.django_db

REPORTS = reverse("staff:reports")
CSV = reverse("staff:reports-csv")


def _period(starts: str, ends: str) -> dict[str, str]:
    (sd, sm, sy), (ed, em, ey) = starts.split(), ends.split()
    return {
        "starts_0": sd,
        "starts_1": sm,
        "starts_2": sy,
        "ends_0": ed,
        "ends_1": em,
        "ends_2": ey,
    }


def test_the_report_counts_the_las_children_of_the_period(officer_client, devon, cornwall):
    children_registered_in_bulk(devon, 5)
    children_registered_in_bulk(cornwall, 7, start=100)

    response = officer_client.get(REPORTS)

    assert response.status_code == 200
    assert "5 children on the register in the period" in response.content.decode()


def test_a_period_that_ends_before_it_starts_is_refused(officer_client, devon):
    response = officer_client.get(REPORTS, _period("1 10 2026", "1 9 2026"))

    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert "End date must be the same as or after the start date" in content
    assert "on the register in the period" not in content


def test_the_csv_has_every_table_and_social_care_only_for_cleared_staff(client, devon):
    child = child_with_record(authority=devon)
    ChildSafeguarding.objects.create(child=child, child_protection_plan="current")
    officer = StaffUserFactory(authority=devon, full_name="Ann Officer")
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    sign_in_fully(client, officer)
    plain = list(csv.reader(io.StringIO(client.get(CSV).content.decode("utf-8-sig"))))
    plain_page = client.get(REPORTS).content.decode()
    sign_in_fully(client, cleared)
    full = list(csv.reader(io.StringIO(client.get(CSV).content.decode("utf-8-sig"))))

    assert plain[0] == ["Table", "Row", "Count"]
    assert ["Children on the register in the period", "All", "1"] in plain
    assert ["Caseload: open tasks", "Ann Officer", "0"] in plain
    assert not [row for row in plain if "protection" in row[1]]
    assert "Child protection plan" not in plain_page
    assert ["Known to children's social care", "Child protection plan (now)", "1"] in full


@pytest.mark.usefixtures("session_renewal_held")
def test_the_report_runs_as_many_statements_at_10000_children_as_at_100(
    officer_client, devon, django_assert_max_num_queries
):

    def statements() -> int:
        with django_assert_max_num_queries(10) as captured:
            assert officer_client.get(REPORTS).status_code == 200
        return len(captured.captured_queries)

    children_registered_in_bulk(devon, 100, per_day=20)
    at_100 = statements()
    children_registered_in_bulk(devon, 9900, start=100, per_day=200)
    at_10000 = statements()

    assert at_100 == at_10000
