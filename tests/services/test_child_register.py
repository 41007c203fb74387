"""Adding a child by hand: everything in one transaction; bad input names the field (issue 2)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from registers.errors import ApplicationError
from registers.intake.child import ChildAddDetails
from registers.models import (
    Address,
    AuditEvent,
    CaseTransition,
    Child,
    ChildAddress,
    RegisterEntry,
    Task,
)
from registers.rules.codes import CaseStatus, NotificationSource, Sex
from registers.selectors.authorities import local_authority_get_by_number
from registers.services.children import child_register
from tests.factories import ChildFactory, staff_actor

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 11, 28), tick=False):
        yield


def details(**overrides) -> ChildAddDetails:
    fields = dict(
        first_name="Amelia",
        last_name="Brightwater",
        date_of_birth=date(2016, 3, 27),
        sex=Sex.FEMALE,
        upn="",
        nhs_number="",
        address_line_1="1 Quay Lane",
        town="Exeter",
        postcode="ex1 1aa",
        source=NotificationSource.LOCAL_AUTHORITY,
    )
    fields.update(overrides)
    return ChildAddDetails(**fields)


def _nothing_saved() -> None:
    assert not Child.objects.exists()
    assert not Address.objects.exists()
    assert not RegisterEntry.objects.exists()
    assert not Task.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_child_is_registered_with_its_deadline_task_and_audit(devon, officer):
    entry = child_register(authority=devon, details=details(), actor=staff_actor(officer))

    child = entry.child
    assert (child.full_name, child.authority) == ("Amelia Brightwater", devon)
    assert ChildAddress.objects.get(child=child).address.postcode == "EX1 1AA"
    assert entry.status == CaseStatus.ELIGIBILITY_CHECK
    assert entry.notified_on == TODAY
    assert CaseTransition.objects.get(entry=entry).to_status == CaseStatus.ELIGIBILITY_CHECK
    # 15 days beginning with 28 November 2026.
    assert Task.objects.get(entry=entry).due_on == date(2026, 12, 12)
    # The officer who found the child holds the case, and so its task.
    assert entry.assigned_officer == officer
    event = AuditEvent.objects.get()
    assert (event.action, event.object_id, event.request_id) == (
        AuditEvent.Action.CREATE,
        str(child.pk),
        "test-request-0001",
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"date_of_birth": date(2026, 11, 29)},
            "date_of_birth",
            "Date of birth must be in the past",
        ),
        (
            {"date_of_birth": date(2022, 1, 10)},
            "date_of_birth",
            "The child is not of compulsory school age yet – they will be from 31 March 2027",
        ),
        (
            {"date_of_birth": date(2010, 1, 10)},
            "date_of_birth",
            "no longer of compulsory school age – they were until 26 June 2026",
        ),
        ({"postcode": "EX1 1A"}, "postcode", "Enter a real postcode, like AA1 1AA"),
        ({"nhs_number": "943 476 5918"}, "nhs_number", "Enter a real NHS number"),
        ({"nhs_number": "12345"}, "nhs_number", "NHS number must be 10 digits"),
        ({"upn": "A80120011000"}, "upn", "UPN must be 13 characters"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(devon, officer, overrides, field, message):
    with pytest.raises(ApplicationError) as raised:
        child_register(authority=devon, details=details(**overrides), actor=staff_actor(officer))

    assert message in " ".join(raised.value.errors[field])
    _nothing_saved()


def test_a_duplicate_upn_within_the_la_is_refused(devon, cornwall, officer):
    ChildFactory(authority=devon, upn="B801200005001")

    with pytest.raises(ApplicationError) as raised:
        child_register(
            authority=devon, details=details(upn="b801200005001"), actor=staff_actor(officer)
        )

    assert raised.value.errors["upn"] == [
        "A child with this UPN is already on the register – check the UPN"
    ]
    assert Child.objects.count() == 1


def test_the_same_upn_in_another_la_is_allowed(devon, cornwall, officer):
    ChildFactory(authority=cornwall, upn="B801200005001")

    entry = child_register(
        authority=devon, details=details(upn="B801200005001"), actor=staff_actor(officer)
    )

    assert entry.child.upn == "B801200005001"


def test_an_unknown_la_number_is_refused_with_the_field_named(db):
    with pytest.raises(ApplicationError) as raised:
        local_authority_get_by_number(dfe_number="999")

    assert "999 is not an English local authority" in raised.value.errors["local_authority"][0]


ADD_CHILD_FORM = {
    "first_name": "Amelia",
    "last_name": "Brightwater",
    "date_of_birth_0": "27",
    "date_of_birth_1": "3",
    "date_of_birth_2": "2016",
    "sex": "female",
    "address_line_1": "1 Quay Lane",
    "town": "Exeter",
    "postcode": "EX1 1AA",
    "source": "local_authority",
    "previous_school_type": "else_unk",
    "primary_reason": "unknown",
}


def test_the_add_child_page_shows_errors_linked_to_fields(officer_client):
    response = officer_client.post(
        reverse("staff:child-add"),
        {**ADD_CHILD_FORM, "date_of_birth_0": "31", "date_of_birth_1": "2"},
    )

    content = response.content.decode()
    assert "There is a problem" in content
    assert "Date of birth must be a real date" in content
    assert 'href="#id_date_of_birth_0"' in content
    assert not Child.objects.exists()


def test_the_add_child_page_reports_service_errors_on_the_field(officer_client):
    url = reverse("staff:child-add")

    response = officer_client.post(url, {**ADD_CHILD_FORM, "nhs_number": "943 476 5918"})
    assert "Enter a real NHS number" in response.context["form"].errors["nhs_number"][0]
    assert 'href="#id_nhs_number"' in response.content.decode()
    assert not Child.objects.exists()

    response = officer_client.post(url, {**ADD_CHILD_FORM, "nhs_number": "943 476 5919"})
    child = Child.objects.get()
    assert response["Location"] == reverse("staff:child", kwargs={"child_id": child.pk})
