"""The intake of a parent's notification: one transaction, once (issue 3, item 2)."""

import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.intake.notification import NotificationDetails, notification_details_validate
from registers.models import (
    Address,
    AuditEvent,
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    ConsentRequest,
    EducationArrangement,
    Notification,
    OutboxMessage,
    Person,
    Provider,
    RegisterEntry,
    Task,
)
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    Door,
    NotificationKind,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    Regime,
    SenProvision,
)
from registers.selectors import duplicates
from registers.selectors.duplicates import names_similar
from registers.services.notifications import notification_submit
from registers.services.references import REFERENCE_ALPHABET
from tests.factories import AddressFactory, ChildAddressFactory, ChildFactory, public_actor
from tests.intake import ELSEWHERE, HOME, parent_data, provider_data
from tests.intake import notification_data as complete_answers
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)
# 15 days beginning with 28 November 2026 (day 1 counted).
FIFTEEN_DAYS_ON = date(2026, 12, 12)

SPECIAL_SCHOOL_ON_ROLL = {
    "attended": True,
    "name": "Woodland Special School",
    "still_on_roll": True,
    "special_school": "yes",
}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 11, 28), tick=False):
        yield


@pytest.fixture
def public_request():
    return public_actor()


def two_parents_two_providers(**overrides) -> dict:
    return complete_answers(
        parents=[
            parent_data(first_name="Robin", relationship="mother", educates=False),
            parent_data(
                first_name="Sam",
                relationship="foster_carer",
                address=ELSEWHERE,
                email="",
                phone="07700 900982",
            ),
        ],
        providers=[
            provider_data(name="Riverside Tutors", hours="6", hours_without_parent="4"),
            provider_data(
                name="Forest School",
                provider_type="out_of_school_setting",
                address=HOME,
                hours="10.5",
                hours_without_parent="10.5",
            ),
        ],
        lived_since=(2026, 6),
        previous_address=ELSEWHERE,
        additional_address={**ELSEWHERE, "line_1": "9 Mill Street"},
        **overrides,
    )


def details_of(data: dict) -> NotificationDetails:
    return notification_details_validate(data, today=TODAY)


def submit(devon, actor, data: dict, key: str = "journey-key-0001") -> Notification:
    return notification_submit(
        authority=devon,
        details=details_of(data),
        source=NotificationSource.PARENT,
        idempotency_key=key,
        actor=actor,
    )


def test_everything_the_parent_said_is_saved(devon, public_request):
    answers = two_parents_two_providers(primary_reason="mental_health", sen_provision="ehc_plan")

    notification = submit(devon, public_request, answers)

    child = Child.objects.get()
    assert (child.first_name, child.last_name, child.date_of_birth) == (
        "Amelia",
        "Brightwater",
        date(2015, 6, 10),
    )
    assert child.sen_provision == SenProvision.EHC_PLAN
    held = {held.kind: held for held in ChildAddress.objects.select_related("address")}
    assert held[AddressKind.CURRENT].address.postcode == "EX1 1AA"
    assert held[AddressKind.CURRENT].lived_from == date(2026, 6, 1)
    assert held[AddressKind.PREVIOUS].address.line_1 == "7 Mill Street"
    assert held[AddressKind.PREVIOUS].lived_until == date(2026, 6, 1)
    assert held[AddressKind.ADDITIONAL].address.line_1 == "9 Mill Street"

    links = list(ChildPerson.objects.select_related("person__address").order_by("id"))
    assert [link.person.first_name for link in links] == ["Robin", "Sam"]
    robin, sam = links
    assert robin.is_main_contact and not sam.is_main_contact
    assert robin.has_parental_responsibility
    assert not sam.has_parental_responsibility  # a foster carer
    assert (robin.provides_education, sam.provides_education) == (False, True)
    assert robin.person.address == held[AddressKind.CURRENT].address
    assert sam.person.address.town == "Crediton"
    assert sam.person.phone == "07700 900982"

    arrangements = list(EducationArrangement.objects.order_by("id"))
    by_parent = [a for a in arrangements if a.educator_id]
    assert [(a.educator.first_name, a.hours_per_week) for a in by_parent] == [
        ("Sam", Decimal("20.0"))
    ]
    by_provider = {a.provider.name: a for a in arrangements if a.provider_id}
    assert by_provider["Riverside Tutors"].hours_per_week == Decimal("6.0")
    assert by_provider["Riverside Tutors"].hours_without_parent == Decimal("4.0")
    assert by_provider["Riverside Tutors"].provider.website == "https://tutors.example"
    assert by_provider["Forest School"].hours_per_week == Decimal("10.5")
    assert by_provider["Forest School"].provider.address.postcode == "EX1 1AA"

    entry = RegisterEntry.objects.get()
    assert entry.child == child
    assert entry.status == CaseStatus.NOTIFIED
    assert entry.regime == Regime.EHE_2019
    assert entry.source == NotificationSource.PARENT
    assert entry.primary_reason == PrimaryReason.MENTAL_HEALTH
    assert entry.previous_school_name == "Exeter Primary School"
    assert entry.previous_school_type == PreviousSchoolType.ELSEWHERE_OR_UNKNOWN
    assert entry.notified_on == TODAY
    assert not entry.still_on_roll

    assert notification.kind == NotificationKind.NEW_REGISTRATION
    assert notification.source == NotificationSource.PARENT
    assert notification.reference == entry.reference
    assert (notification.child, notification.entry) == (child, entry)
    assert notification.payload == details_of(answers).as_data()
    assert len(entry.reference) == 9
    assert set(entry.reference.replace("-", "")) <= set(REFERENCE_ALPHABET)

    transition = CaseTransition.objects.get()
    assert (transition.from_status, transition.to_status) == ("", CaseStatus.NOTIFIED)
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_id, event.outcome) == (
        AuditEvent.Action.CREATE,
        "child",
        str(child.pk),
        AuditEvent.Outcome.ALLOWED,
    )
    assert event.actor is None
    assert event.ip_address == "203.0.113.7"
    assert "identity" in event.categories


def test_the_confirmation_email_goes_to_the_first_parent_through_the_outbox(devon, public_request):
    notification = submit(devon, public_request, two_parents_two_providers())

    message = OutboxMessage.objects.get()
    assert message.dedupe_key == f"notification-confirmation-{notification.pk}"
    assert message.topic == "email"
    assert message.published_at is None
    assert message.payload["to"] == "robin@family.example"
    assert message.payload["subject"] == "Devon: we have received your notification"
    body = message.payload["body"]
    assert notification.reference in body
    assert "Within 15 days, Devon will consider where Amelia lives" in body
    for personal in ("Brightwater", "Robin", "EX1", "Quay Lane", "2015", "Exeter Primary"):
        assert personal not in body


def test_no_email_is_queued_when_the_first_parent_gave_only_a_phone(devon, public_request):
    answers = complete_answers(parents=[parent_data(email="", phone="01632 960001")])

    submit(devon, public_request, answers)

    assert not OutboxMessage.objects.exists()
    assert Person.objects.get().phone == "01632 960001"


@pytest.mark.parametrize(
    ("source", "door"),
    [
        (NotificationSource.PARENT, Door.IMPORT),
        (NotificationSource.PARENT, Door.COMMAND),
        (NotificationSource.SCHOOL, Door.API),
    ],
    ids=["an imported register", "generated demo data", "a school's notice"],
)
def test_only_a_parent_who_told_us_gets_a_receipt(devon, source, door):
    notification_submit(
        authority=devon,
        details=details_of(complete_answers()),
        source=source,
        idempotency_key="journey-key-0001",
        actor=Actor(door=door),
    )

    assert Child.objects.count() == 1
    assert not OutboxMessage.objects.exists()


def test_the_same_journey_sent_twice_makes_one_record_with_one_reference(devon, public_request):
    answers = two_parents_two_providers()

    first = submit(devon, public_request, answers)
    second = submit(devon, public_request, answers)

    assert second.pk == first.pk
    assert second.reference == first.reference
    for model in (Notification, Child, RegisterEntry, OutboxMessage, AuditEvent):
        assert model.objects.count() == 1, model.__name__
    assert (Person.objects.count(), Provider.objects.count()) == (2, 2)
    assert Task.objects.filter(kind=Task.Kind.CONSIDER_LIVING_SITUATION).count() == 1


def test_another_journey_makes_another_notification(devon, public_request):
    first = submit(devon, public_request, complete_answers(), key="journey-key-0001")
    second = submit(
        devon, public_request, complete_answers(first_name="Leo"), key="journey-key-0002"
    )

    assert first.reference != second.reference
    assert Child.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_copies_racing_each_other_make_one_record(devon, postgres_only, monkeypatch):
    """Both copies pass the first look for the key; the unique constraint decides."""
    both_checked = threading.Barrier(2, timeout=10)
    real_check = duplicates.possible_duplicates

    def check_once_both_have_looked(**kwargs):
        both_checked.wait()
        return real_check(**kwargs)

    monkeypatch.setattr(
        "registers.services.notifications.possible_duplicates", check_once_both_have_looked
    )
    results, errors = [], []

    def send() -> None:
        try:
            results.append(
                notification_submit(
                    authority=devon,
                    details=details_of(complete_answers()),
                    source=NotificationSource.PARENT,
                    idempotency_key="raced-key",
                    actor=public_actor(),
                )
            )
        except Exception as error:  # reported below, with the thread's own error
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len({notification.pk for notification in results}) == 1
    assert Notification.objects.count() == 1
    assert Child.objects.count() == 1


def test_a_child_still_on_the_roll_of_a_special_school_goes_to_consent(devon, public_request):
    notification = submit(devon, public_request, complete_answers(school=SPECIAL_SCHOOL_ON_ROLL))

    entry = notification.entry
    assert entry.status == CaseStatus.CONSENT_PENDING
    assert entry.still_on_roll
    assert entry.previous_school_type == PreviousSchoolType.SPECIAL
    consent = ConsentRequest.objects.get()
    assert consent.child == entry.child
    assert consent.condition == ConsentRequest.Condition.SPECIAL_SCHOOL
    assert consent.status == ConsentRequest.Status.REQUESTED
    assert consent.school_name == "Woodland Special School"
    assert consent.requested_on == TODAY
    assert [(task.kind, task.due_on) for task in Task.objects.all()] == [
        (Task.Kind.CONSENT_DECISION, FIFTEEN_DAYS_ON)
    ]
    assert CaseTransition.objects.get().to_status == CaseStatus.CONSENT_PENDING
    body = OutboxMessage.objects.get().payload["body"]
    assert "special" not in body.lower()


@pytest.mark.parametrize(
    ("school", "expected_type", "consent"),
    [
        ({**SPECIAL_SCHOOL_ON_ROLL, "still_on_roll": False}, PreviousSchoolType.SPECIAL, False),
        ({**SPECIAL_SCHOOL_ON_ROLL, "special_school": "not_sure"}, "else_unk", False),
        ({"attended": False}, PreviousSchoolType.NONE, False),
    ],
)
def test_only_a_child_on_roll_at_a_special_school_needs_consent(
    devon, public_request, school, expected_type, consent
):
    notification = submit(devon, public_request, complete_answers(school=school))

    assert notification.entry.previous_school_type == expected_type
    assert ConsentRequest.objects.exists() is consent
    assert notification.entry.status == CaseStatus.NOTIFIED


def test_an_unsure_answer_about_a_special_school_asks_an_officer_to_check(devon, public_request):
    submit(
        devon,
        public_request,
        complete_answers(school={**SPECIAL_SCHOOL_ON_ROLL, "special_school": "not_sure"}),
    )

    review = Task.objects.get(kind=Task.Kind.REVIEW_NOTIFICATION)
    assert "s.434A" in review.details


def test_deadline_tasks_have_the_statutory_due_dates(devon, public_request):
    notification = submit(devon, public_request, complete_answers(wants_support=True))

    tasks = {task.kind: task for task in Task.objects.all()}
    assert set(tasks) == {Task.Kind.CONSIDER_LIVING_SITUATION, Task.Kind.SUPPORT_REQUEST}
    assert tasks[Task.Kind.CONSIDER_LIVING_SITUATION].due_on == FIFTEEN_DAYS_ON
    assert tasks[Task.Kind.SUPPORT_REQUEST].due_on == FIFTEEN_DAYS_ON
    for task in tasks.values():
        assert (task.entry, task.notification, task.authority) == (
            notification.entry,
            notification,
            devon,
        )


def test_the_living_situation_period_is_the_las_setting(devon, public_request):
    devon.living_situation_period_days = 10
    devon.save()

    submit(devon, public_request, complete_answers())

    task = Task.objects.get(kind=Task.Kind.CONSIDER_LIVING_SITUATION)
    assert task.due_on == date(2026, 12, 7)
    assert "Within 10 days" in OutboxMessage.objects.get().payload["body"]


def existing_child(authority, *, first_name="Amelia", last_name="Brightwater", postcode="EX1 1AA"):
    child = ChildFactory(
        authority=authority,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=date(2015, 6, 10),
    )
    ChildAddressFactory(child=child, address=AddressFactory(postcode=postcode))
    return child


def test_a_likely_duplicate_is_flagged_for_an_officer_and_not_merged(devon, public_request):
    other = existing_child(devon, first_name="Millie", last_name="BRIGHTWATER")

    notification = submit(devon, public_request, complete_answers())

    assert Child.objects.count() == 2
    assert notification.child != other
    task = Task.objects.get(kind=Task.Kind.POSSIBLE_DUPLICATE)
    assert str(other.pk) in task.details
    assert task.entry == notification.entry


@pytest.mark.parametrize(
    "other",
    [
        {"postcode": "EX2 2BB"},
        {"last_name": "Smith"},
    ],
    ids=["another postcode", "another name"],
)
def test_a_different_child_is_not_flagged(devon, cornwall, public_request, other):
    existing_child(devon, **other)

    submit(devon, public_request, complete_answers())

    assert not Task.objects.filter(kind=Task.Kind.POSSIBLE_DUPLICATE).exists()


def test_another_las_child_is_never_a_duplicate(devon, cornwall, public_request):
    existing_child(cornwall)

    submit(devon, public_request, complete_answers())

    assert not Task.objects.filter(kind=Task.Kind.POSSIBLE_DUPLICATE).exists()


@pytest.mark.parametrize(
    ("first", "last", "other_first", "other_last", "similar"),
    [
        ("Amelia", "Brightwater", "Millie", "brightwater", True),
        ("Amelia", "Smith-Jones", "amelia", "Smith Jones", True),
        ("Amelia", "Smith-Jones", "Millie", "Smith Jones", False),
        ("Amelia", "Smith", "Amelia", "Smyth", False),
    ],
)
def test_names_are_similar_by_a_simple_rule(first, last, other_first, other_last, similar):
    assert (
        names_similar(
            first_name=first, last_name=last, other_first=other_first, other_last=other_last
        )
        is similar
    )


def test_details_are_checked_again_on_arrival_and_nothing_is_saved(devon, public_request):
    """A door that built its details without the check still cannot put a bad row in."""
    details = details_of(complete_answers())
    too_young = replace(details, child=replace(details.child, date_of_birth=date(2022, 1, 1)))

    with pytest.raises(ApplicationError) as refused:
        notification_submit(
            authority=devon,
            details=too_young,
            source=NotificationSource.PARENT,
            idempotency_key="journey-key-0001",
            actor=public_request,
        )

    assert refused.value.errors["child.date_of_birth"][0].startswith(
        "Your child is not of compulsory school age yet"
    )
    for model in (Notification, Child, Address, Person, RegisterEntry, Task, OutboxMessage):
        assert not model.objects.exists(), model.__name__
    assert not AuditEvent.objects.exists()


def _statements(run) -> int:
    return len(statements_run(run))


def four_parents_four_providers() -> dict:
    return complete_answers(
        parents=[
            parent_data(first_name=name, relationship=relationship, address=address)
            for name, relationship, address in (
                ("Robin", "mother", None),
                ("Sam", "father", ELSEWHERE),
                ("Alex", "step_parent", None),
                ("Jo", "foster_carer", {**ELSEWHERE, "line_1": "9 Mill Street"}),
            )
        ],
        providers=[
            provider_data(name="Riverside Tutors"),
            provider_data(
                name="Forest School", provider_type="out_of_school_setting", address=HOME
            ),
            provider_data(name="Maths Online", website="https://maths.example"),
            provider_data(
                name="Swim Club", provider_type="out_of_school_setting", address=ELSEWHERE
            ),
        ],
        wants_support=True,
    )


def test_sending_runs_the_same_statements_however_many_parents_and_providers(
    devon, cornwall, public_request
):
    one_of_each = _statements(
        lambda: submit(devon, public_request, complete_answers(providers=[provider_data()]))
    )
    four_of_each = _statements(
        lambda: submit(cornwall, public_request, four_parents_four_providers(), key="journey-2")
    )

    assert one_of_each == four_of_each
    assert Person.objects.filter(authority=cornwall).count() == 4
    assert EducationArrangement.objects.filter(child__authority=cornwall).count() == 5


def test_sending_runs_at_most_six_statements_with_the_outbox_write(
    devon, public_request, postgres_only
):
    """P8: the look for the key, for duplicates and for known providers; the keys of the rows
    others point at; then every row, the receipt in the outbox among them, in one statement."""
    assert _statements(lambda: submit(devon, public_request, four_parents_four_providers())) <= 6
    assert OutboxMessage.objects.count() == 1


def test_a_repeat_costs_one_query(devon, public_request, django_assert_max_num_queries):
    """One look for the key, inside the transaction's savepoint and its release."""
    answers = two_parents_two_providers()
    submit(devon, public_request, answers)

    with django_assert_max_num_queries(3):
        submit(devon, public_request, answers)


def test_the_submission_is_audited_against_the_la_with_no_staff_actor(devon, public_request):
    notification = submit(devon, public_request, two_parents_two_providers())

    event = AuditEvent.objects.get(object_type="child")
    assert event.object_id == str(notification.child_id)
    assert (event.authority_id, event.actor_id) == (devon.pk, None)
    assert event.action == AuditEvent.Action.CREATE
