"""Searching, filtering and exporting the register on its page: what an officer or a manager
sees and downloads, who may export, the audit of each export, spreadsheets that cannot run
formulas, and the same statements at 100 as at 10,000 children (P1)."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registers.models import AuditEvent, ChildSafeguarding, StaffRole
from tests.conftest import sign_in_fully
from tests.factories import (
    ChildFactory,
    RegisterEntryFactory,
    StaffUserFactory,
    child_with_record,
    children_registered_in_bulk,
)

pytestmark = pytest.mark.django_db

REGISTER = reverse("staff:register")
CSV = reverse("staff:register-export-csv")
XLSX = reverse("staff:register-export-xlsx")


def _families(response) -> list[int]:
    return [int(n) for n in re.findall(r"Family(\d{5}), Child", response.content.decode())]


@pytest.fixture
def manager_client(client, devon):
    return sign_in_fully(client, StaffUserFactory(authority=devon, role=StaffRole.MANAGER))


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_an_officer_finds_a_child_by_name_reference_birth_and_upn(officer_client, devon):
    child = child_with_record(
        authority=devon, first_name="Isla", last_name="Moorcroft", upn="A801200110001"
    )
    child_with_record(
        authority=devon,
        first_name="Oliver",
        last_name="Brightwater",
        date_of_birth=child.date_of_birth - timedelta(days=1),
    )
    reference = child.entries.get().reference

    for typed in (
        "moorc",
        reference.lower(),
        child.date_of_birth.strftime("%d/%m/%Y"),
        "A801200110001",
    ):
        content = officer_client.get(REGISTER, {"q": typed}).content.decode()
        assert "Moorcroft, Isla" in content, typed
        assert "Brightwater" not in content, typed
        assert "1 entry found" in content


def test_filters_show_as_tags_that_remove_them_and_paging_keeps_them(
    officer_client, devon, settings
):
    settings.CNIS_REGISTER_PAGE_SIZE = 5
    children_registered_in_bulk(devon, 12)
    for n in range(3):
        RegisterEntryFactory(
            child=ChildFactory(authority=devon, last_name=f"Enquiry{n}"), status="enquiry"
        )

    first = officer_client.get(REGISTER, {"status": "registered", "sort": "oldest"})
    content = first.content.decode()
    assert "12 entries found, oldest first" in content
    assert _families(first) == [11, 10, 9, 8, 7]
    assert "Enquiry0" not in content
    # The tag for the status filter drops it and keeps the order.
    tag = re.search(
        r'href="([^"]+)"><span class="govuk-visually-hidden">Remove this filter', content
    )
    assert tag.group(1).replace("&amp;", "&") == f"{REGISTER}?sort=oldest"
    following = re.search(r'href="([^"]+)" rel="next"', content).group(1).replace("&amp;", "&")
    second = officer_client.get(following)
    assert "status=registered" in following
    assert _families(second) == [6, 5, 4, 3, 2]


def test_a_wrong_search_or_filter_is_refused_with_a_message(officer_client, devon):
    children_registered_in_bulk(devon, 2)

    too_long = officer_client.get(REGISTER, {"q": "x" * 101})
    made_up = officer_client.get(REGISTER, {"status": "invented"})

    assert too_long.status_code == made_up.status_code == 400
    assert "There is a problem" in too_long.content.decode()
    assert "Search must be 100 characters or fewer" in too_long.content.decode()
    assert "Select a status from the list" in made_up.content.decode()
    assert _families(too_long) == _families(made_up) == []


def test_a_search_finds_none_of_another_las_children(officer_client, devon, cornwall):
    theirs = child_with_record(authority=cornwall, last_name="Polperro")

    by_name = officer_client.get(REGISTER, {"q": "Polperro"})
    by_reference = officer_client.get(REGISTER, {"q": theirs.entries.get().reference})

    for response in (by_name, by_reference):
        assert "Polperro," not in response.content.decode()
        assert "No entries match" in response.content.decode()


@pytest.mark.usefixtures("session_renewal_held")
def test_search_and_filters_run_as_many_statements_at_10000_children_as_at_100(
    officer_client, devon, django_assert_max_num_queries
):
    asked = [
        {},
        {"q": "Family0004"},
        {"q": "Family0004", "page": "last"},
        {"status": "registered", "year_group": ["5", "6"], "sort": "name"},
        {"overdue": "yes", "sen": "ehc_plan"},
    ]

    def statements() -> list[int]:
        counts = []
        for query in asked:
            with django_assert_max_num_queries(8) as captured:
                assert officer_client.get(REGISTER, query).status_code == 200
            counts.append(len(captured.captured_queries))
        return counts

    children_registered_in_bulk(devon, 100)
    at_100 = statements()
    children_registered_in_bulk(devon, 9900, start=100)
    at_10000 = statements()

    assert "10 entries found" in officer_client.get(REGISTER, {"q": "Family0004"}).content.decode()
    assert at_100 == at_10000


def test_an_officer_may_not_export_and_is_not_offered_it(officer_client, officer, devon):
    children_registered_in_bulk(devon, 2)

    page = officer_client.get(REGISTER)
    refused = officer_client.get(CSV)

    assert "Export to CSV" not in page.content.decode()
    assert refused.status_code == 403
    assert "Family00000" not in refused.content.decode()
    event = AuditEvent.objects.get(actor=officer, outcome=AuditEvent.Outcome.DENIED)
    assert event.action == AuditEvent.Action.VIEW


def test_a_manager_exports_the_filtered_list_with_one_audit_row_naming_its_children(
    manager_client, devon
):
    children = children_registered_in_bulk(devon, 6)
    RegisterEntryFactory(
        child=ChildFactory(authority=devon, last_name="Elsewhere"), status="enquiry"
    )

    page = manager_client.get(REGISTER, {"status": "registered"})
    response = manager_client.get(CSV, {"status": "registered"})

    assert "Export to CSV" in page.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0][:3] == ["Reference", "Surname", "First name"]
    assert [row[1] for row in rows[1:]] == [f"Family{n:05d}" for n in range(6)]
    (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT)
    assert sorted(event.children) == sorted(str(child.pk) for child in children)
    assert event.object_type == "register"


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]
)
def test_exports_never_hand_a_spreadsheet_a_formula(manager_client, devon, dangerous):
    RegisterEntryFactory(
        child=ChildFactory(authority=devon, last_name=dangerous, first_name="Ann")
    )

    csv_rows = _csv_rows(manager_client.get(CSV))
    xlsx_rows = _xlsx_rows(manager_client.get(XLSX))

    assert csv_rows[1][1] == "'" + dangerous
    # XML keeps a carriage return as a line feed: what matters is the quote before it.
    assert xlsx_rows[1][1] == "'" + dangerous.replace("\r", "\n")


def test_safeguarding_values_are_exported_only_to_cleared_staff(client, devon):
    child = child_with_record(authority=devon, last_name="Moorcroft")
    ChildSafeguarding.objects.create(
        child=child, child_protection_plan="current", child_in_need="previous"
    )
    uncleared = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    cleared = StaffUserFactory(
        authority=devon, role=StaffRole.LA_ADMIN, can_view_safeguarding=True
    )

    sign_in_fully(client, uncleared)
    plain_csv = manager_csv = client.get(CSV).content.decode("utf-8-sig")
    plain_xlsx = _xlsx_rows(client.get(XLSX))
    sign_in_fully(client, cleared)
    cleared_rows = _csv_rows(client.get(CSV))

    for text in (plain_csv, repr(plain_xlsx)):
        assert "Child protection plan" not in text
        assert "Current" not in text and "Previous" not in text
    assert "Moorcroft" in manager_csv
    headings, row = cleared_rows
    assert dict(zip(headings, row, strict=True))["Child protection plan"] == "Current"
    assert dict(zip(headings, row, strict=True))["Child in need"] == "Previous"
    event = AuditEvent.objects.filter(actor=cleared, action=AuditEvent.Action.EXPORT).get()
    assert "safeguarding" in event.categories
