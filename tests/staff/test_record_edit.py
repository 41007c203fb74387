"""An officer changes a child's record from the record's Change links: each change on its own
page, kept on the timeline; bad input, a stale form or a closed case is refused with GOV.UK
errors and nothing changed; safeguarding values reach only staff cleared for them."""

from datetime import date, timedelta
from html import escape

import pytest
from django.urls import reverse

from registers.models import AuditEvent, Child, ChildAddress, RecordChange, StaffRole
from registers.rules.codes import AddressKind, CaseStatus, ClosureReason
from registers.services.safeguarding import child_safeguarding_record
from tests.conftest import sign_in_fully
from tests.factories import (
    StaffUserFactory,
    child_with_record,
    children_registered_in_bulk,
    staff_actor,
)
from tests.pages import assert_errors_shown, error_summary, summary_rows
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

REASON = "Placed with foster carers by the court in March"


def url(name: str, child: Child, **kwargs) -> str:
    return reverse(name, kwargs={"child_id": child.pk, **kwargs})


def details_posted(child: Child, **changed) -> dict:
    born = child.date_of_birth
    return {
        "version": child.version,
        "first_name": child.first_name,
        "middle_names": child.middle_names,
        "last_name": child.last_name,
        "date_of_birth_0": born.day,
        "date_of_birth_1": born.month,
        "date_of_birth_2": born.year,
        "sex": child.sex,
        "upn": child.upn,
        "nhs_number": child.nhs_number,
    } | changed


def test_the_record_links_each_part_to_its_change_page(officer_client, devon):
    child = child_with_record(authority=devon)

    content = officer_client.get(url("staff:child", child)).content.decode()

    for name, kwargs in (
        ("staff:child-change-details", {}),
        ("staff:child-change-sen", {}),
        ("staff:child-change-address", {}),
        ("staff:child-change-parent", {"relationship_id": child.relationships.get().pk}),
        ("staff:child-change-arrangement", {"arrangement_id": child.arrangements.get().pk}),
        ("staff:child-change-previous-school", {}),
    ):
        assert f'href="{url(name, child, **kwargs)}"' in content, name
    assert url("staff:child-change-safeguarding", child) not in content


def test_a_changed_name_shows_on_the_record_and_the_timeline(officer_client, officer, devon):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")
    assert officer_client.get(url("staff:child-change-details", child)).status_code == 200

    response = officer_client.post(
        url("staff:child-change-details", child), details_posted(child, first_name="Amelie")
    )

    assert response.status_code == 302
    assert response.url == url("staff:child", child)
    record = officer_client.get(response.url)
    assert summary_rows(record)["Name"] == "Amelie Brightwater"
    assert "The child&#x27;s details have been changed" in record.content.decode()
    timeline = officer_client.get(url("staff:child-timeline", child)).content.decode()
    assert "Changed: First name" in timeline
    assert "Was: Amelia. Now: Amelie." in timeline
    assert f"by {escape(str(officer))}" in timeline


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (
            {"first_name": "A" * 101},
            [("id_first_name", "First name must be 100 characters or fewer")],
        ),
        (
            {"last_name": "Bright\u0007water"},
            [
                (
                    "id_last_name",
                    "Last name must not include line breaks or other hidden characters",
                )
            ],
        ),
        (
            {"first_name": "", "date_of_birth_0": "31", "date_of_birth_1": "2"},
            [
                ("id_first_name", "Enter the child's first name"),
                ("id_date_of_birth_0", "Date of birth must be a real date"),
            ],
        ),
    ],
    ids=["over-long", "control character", "missing and not a date"],
)
def test_bad_details_are_refused_and_nothing_changes(officer_client, devon, changed, expected):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")

    response = officer_client.post(
        url("staff:child-change-details", child), details_posted(child, **changed)
    )

    assert_errors_shown(response, expected)
    assert "<title>Error: " in response.content.decode()
    child.refresh_from_db()
    assert (child.first_name, child.last_name, child.version) == ("Amelia", "Brightwater", 1)
    assert not RecordChange.objects.exists()


def test_a_stale_form_is_refused(officer_client, devon):
    child = child_with_record(authority=devon, first_name="Amelia")
    loaded = details_posted(child, first_name="Amelie")
    officer_client.post(
        url("staff:child-change-details", child), details_posted(child, last_name="Z")
    )

    response = officer_client.post(url("staff:child-change-details", child), loaded)

    assert response.status_code == 200
    assert [message for _, message in error_summary(response)] == [
        "This record has changed since you opened the page – check it and try again"
    ]
    child.refresh_from_db()
    assert child.first_name == "Amelia"


def test_a_closed_case_offers_no_changes_and_refuses_them(officer_client, devon):
    child = child_with_record(authority=devon, first_name="Amelia")
    child.entries.update(
        status=CaseStatus.CLOSED, closed_on=date.today(), closure_reason=ClosureReason.DECEASED
    )

    record = officer_client.get(url("staff:child", child)).content.decode()
    response = officer_client.post(
        url("staff:child-change-details", child), details_posted(child, first_name="Amelie")
    )

    assert url("staff:child-change-details", child) not in record
    assert [message for _, message in error_summary(response)] == [
        "This child's case is closed, so their record cannot be changed"
    ]
    child.refresh_from_db()
    assert child.first_name == "Amelia"


def test_a_move_keeps_the_old_address_as_previous(officer_client, devon):
    child = child_with_record(authority=devon)
    old = child.addresses.get()
    moved = date.today() - timedelta(days=2)

    response = officer_client.post(
        url("staff:child-change-address", child),
        {
            "version": 1,
            "line_1": "7 Mill Street",
            "town": "Crediton",
            "postcode": "ex17 3ab",
            "moved_on_0": moved.day,
            "moved_on_1": moved.month,
            "moved_on_2": moved.year,
        },
    )

    assert response.status_code == 302
    rows = summary_rows(officer_client.get(url("staff:child", child)))
    assert rows["Home address"].startswith("7 Mill Street Crediton EX17 3AB From ")
    until = moved - timedelta(days=1)
    assert rows["Previous address"].endswith(f"until {until.day} {until:%B %Y}")
    assert ChildAddress.objects.get(pk=old.pk).kind == AddressKind.PREVIOUS


def test_a_move_without_an_address_shows_every_problem(officer_client, devon):
    child = child_with_record(authority=devon)

    response = officer_client.post(url("staff:child-change-address", child), {"version": 1})

    assert [target for target, _ in error_summary(response)] == [
        "id_line_1",
        "id_town",
        "id_postcode",
        "id_moved_on_0",
    ]
    assert ChildAddress.objects.filter(child=child).count() == 1


def test_another_las_child_cannot_be_changed(officer_client, cornwall):
    theirs = child_with_record(authority=cornwall, first_name="Kerensa")

    response = officer_client.post(
        url("staff:child-change-details", theirs), details_posted(theirs, first_name="Changed")
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.first_name == "Kerensa"


# Safeguarding -----------------------------------------------------------------------------------


@pytest.fixture
def protected_child(devon):
    child = child_with_record(authority=devon)
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)
    child_safeguarding_record(
        child=child,
        actor=staff_actor(cleared),
        section_47_enquiry="current",
        looked_after=True,
        looked_after_reason=REASON,
    )
    return child, cleared


def test_staff_not_cleared_never_receive_safeguarding_values(officer_client, protected_child):
    child, cleared = protected_child
    cleared_client = sign_in_fully(type(officer_client)(), cleared)
    posted = {
        "version": child.version,
        "section_47_enquiry": "previous",
        "child_protection_plan": "none",
        "child_in_need": "none",
        "looked_after": "yes",
        "looked_after_reason": REASON + " (confirmed)",
    }
    assert (
        cleared_client.post(url("staff:child-change-safeguarding", child), posted).status_code
        == 302
    )

    pages = [
        officer_client.get(url("staff:child", child)),
        officer_client.get(url("staff:child-timeline", child)),
        officer_client.get(url("staff:child-change-safeguarding", child)),
        officer_client.post(url("staff:child-change-safeguarding", child), posted),
    ]

    for page in pages:
        content = page.content.decode()
        assert REASON not in content
        assert "Section 47" not in content
    assert [page.status_code for page in pages[2:]] == [404, 404]
    cleared_record = cleared_client.get(url("staff:child", child)).content.decode()
    assert REASON + " (confirmed)" in cleared_record
    cleared_timeline = cleared_client.get(url("staff:child-timeline", child)).content.decode()
    assert "Changed: Section 47 enquiry" in cleared_timeline
    refused = AuditEvent.objects.filter(
        outcome=AuditEvent.Outcome.DENIED, categories=["safeguarding"]
    )
    assert refused.count() == 2


# Who viewed the record -------------------------------------------------------------------------


def test_managers_see_who_viewed_the_record_and_officers_do_not(officer_client, officer, devon):
    child = child_with_record(authority=devon)
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER, full_name="Mo Manager")
    managers_client = sign_in_fully(type(officer_client)(), manager)
    officer_client.get(reverse("staff:register"))
    listed_only = managers_client.get(url("staff:child-timeline", child)).content.decode()
    officer_client.get(url("staff:child", child))

    officers_timeline = officer_client.get(url("staff:child-timeline", child)).content.decode()
    managers_timeline = managers_client.get(url("staff:child-timeline", child)).content.decode()

    assert "Record viewed" not in listed_only
    assert "Record viewed" not in officers_timeline
    assert "Record viewed" in managers_timeline
    assert f"by {escape(str(officer))}" in managers_timeline


# Constant statements ----------------------------------------------------------------------------


@pytest.mark.usefixtures("session_renewal_held")
def test_the_record_runs_the_same_statements_at_100_and_10000_children(officer_client, devon):
    child = child_with_record(authority=devon)
    children_registered_in_bulk(devon, 100)

    def record() -> None:
        assert officer_client.get(url("staff:child", child)).status_code == 200

    at_100 = len(statements_run(record))
    children_registered_in_bulk(devon, 9_900, start=100)
    at_10000 = len(statements_run(record))

    assert at_100 == at_10000


def test_an_education_provider_is_added_from_the_record(officer_client, devon):
    child = child_with_record(authority=devon)
    add = url("staff:child-add-provider", child)
    assert f'href="{add}"' in officer_client.get(url("staff:child", child)).content.decode()

    response = officer_client.post(
        add,
        {
            "version": 1,
            "name": "Exeter Maths Tutors",
            "provider_type": "tutor",
            "email": "",
            "hours_per_week": "3",
            "hours_without_parent": "",
            "source": "provider_phone",
        },
    )

    assert response.status_code == 302
    rows = summary_rows(officer_client.get(url("staff:child", child)))
    assert rows["Exeter Maths Tutors"] == "Tutor About 3 hours a week"
