"""manage.py seed_demo: demo children and staff, DEBUG only, the same on every run."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.demo import demo_authorities_host
from registers.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_KEY_HEX
from registers.demo.children import demo_children_seed
from registers.models import (
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    LocalAuthority,
    Person,
    RegisterEntry,
    StaffRole,
    StaffUser,
)
from registers.rules.codes import CaseStatus
from registers.rules.identifiers import normalise_postcode
from registers.rules.school_age import is_of_compulsory_school_age

pytestmark = pytest.mark.django_db

LA_STAFF = [
    f"{prefix}@{slug}.example.org"
    for slug in ("devon", "cornwall")
    for prefix in ("officer", "manager", "admin")
]


@pytest.fixture(autouse=True)
def demo_settings(settings) -> None:
    settings.DEBUG = True
    # The demo accounts' real hasher is slow on purpose; the tests check behaviour, not cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", "--children", "40", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            LocalAuthority,
            StaffUser,
            TOTPDevice,
            Child,
            RegisterEntry,
            CaseTransition,
            Person,
            EducationArrangement,
        )
    }


def test_refuses_with_debug_off_and_creates_nothing(settings) -> None:
    settings.DEBUG = False

    with pytest.raises(CommandError, match="it runs only with DJANGO_DEBUG on"):
        seed()

    assert LocalAuthority.objects.count() == 0
    assert StaffUser.objects.count() == 0
    assert Child.objects.count() == 0


def test_makes_the_staff_accounts_with_the_demo_password_and_authenticator() -> None:
    seed()

    staff = {user.email: user for user in StaffUser.objects.select_related("authority")}
    assert set(staff) == {*LA_STAFF, "analyst@national.example.org"}
    assert staff["officer@devon.example.org"].role == StaffRole.OFFICER
    assert staff["officer@devon.example.org"].authority.dfe_number == "878"
    assert staff["manager@cornwall.example.org"].role == StaffRole.MANAGER
    assert staff["admin@cornwall.example.org"].role == StaffRole.LA_ADMIN
    assert staff["admin@cornwall.example.org"].can_view_safeguarding is True
    assert staff["officer@cornwall.example.org"].can_view_safeguarding is False
    analyst = staff["analyst@national.example.org"]
    assert analyst.role == StaffRole.NATIONAL_ANALYST
    assert analyst.authority is None
    for user in staff.values():
        assert user.check_password(DEMO_PASSWORD)
        device = TOTPDevice.objects.get(user=user)
        assert device.confirmed is True
        assert device.key == DEMO_TOTP_KEY_HEX
        assert device.name == "Demo authenticator"


def test_each_authority_is_hosted_with_children_of_compulsory_school_age() -> None:
    seed()

    today = timezone.localdate()
    for number in ("878", "908"):
        authority = LocalAuthority.objects.get(dfe_number=number)
        children = Child.objects.filter(authority=authority)
        assert authority.hosted is True
        assert children.count() == 40
        assert all(is_of_compulsory_school_age(child.date_of_birth, today) for child in children)
    assert LocalAuthority.objects.filter(hosted=True).count() == 2


def test_rerunning_adds_nothing() -> None:
    seed()
    before = counts()

    output = seed()

    assert counts() == before
    assert "Devon already has demo data: nothing added" in output
    assert "Cornwall already has demo data: nothing added" in output


def test_some_entries_are_closed_and_only_those_have_a_closure() -> None:
    seed()

    closed = RegisterEntry.objects.filter(status=CaseStatus.CLOSED)
    assert closed.exists()
    for entry in closed:
        assert entry.closure_reason
        assert entry.closed_on is not None
    open_entries = RegisterEntry.objects.exclude(status=CaseStatus.CLOSED)
    assert not open_entries.exclude(closure_reason="").exists()
    assert not open_entries.filter(closed_on__isnull=False).exists()


def test_every_child_has_a_full_consistent_record() -> None:
    seed()

    today = timezone.localdate()
    prefixes = {"878": "EX", "908": "TR"}
    for child in Child.objects.select_related("authority"):
        entry = RegisterEntry.objects.get(child=child)
        assert entry.authority_id == child.authority_id
        assert entry.notified_on <= today
        for day in (entry.eligible_from, entry.registered_on, entry.closed_on):
            assert day is None or day <= today
        transitions = list(entry.transitions.all())
        assert transitions[-1].to_status == entry.status

        address = ChildAddress.objects.select_related("address").get(child=child).address
        assert normalise_postcode(address.postcode) == address.postcode
        assert address.postcode.startswith(prefixes[child.authority.dfe_number])

        carers = ChildPerson.objects.filter(child=child).select_related("person")
        assert 1 <= len(carers) <= 2
        assert any(carer.provides_education for carer in carers)
        assert all(carer.person.email.endswith("@example.com") for carer in carers)

        arrangements = EducationArrangement.objects.filter(child=child)
        by_parent = [a for a in arrangements if a.educator_id is not None]
        assert len(by_parent) == 1
        assert 15 <= by_parent[0].hours_per_week <= 30
        for arrangement in arrangements.filter(provider__isnull=False):
            assert 2 <= arrangement.hours_per_week <= 12
            assert 0 <= arrangement.hours_without_parent <= arrangement.hours_per_week


def test_the_same_authority_gets_the_same_children_every_time() -> None:
    [devon] = demo_authorities_host(numbers=["878"])

    def seeded() -> list[tuple]:
        demo_children_seed(authority=devon, children=20)
        # Ids and references are the intake's to make; the children themselves are the same.
        fields = ("first_name", "last_name", "date_of_birth", "sex")
        return list(Child.objects.order_by(*fields).values_list(*fields))

    with transaction.atomic():
        first = seeded()
        transaction.set_rollback(True)
    assert not Child.objects.exists()

    assert seeded() == first


def test_other_authorities_get_valid_postcodes() -> None:
    seed("--authorities", "202")

    camden = LocalAuthority.objects.get(dfe_number="202")
    addresses = ChildAddress.objects.filter(child__authority=camden).select_related("address")
    assert addresses.count() == 40
    for child_address in addresses:
        postcode = child_address.address.postcode
        assert normalise_postcode(postcode) == postcode
    assert StaffUser.objects.filter(email="officer@camden.example.org").exists()


def test_an_unknown_authority_fails_and_creates_nothing() -> None:
    with pytest.raises(CommandError, match="999") as error:
        seed("--authorities", "878,999")

    assert "not an English local authority" in str(error.value)
    assert LocalAuthority.objects.count() == 0
    assert StaffUser.objects.count() == 0
    assert Child.objects.count() == 0


def test_no_authority_numbers_fail() -> None:
    with pytest.raises(CommandError, match="Enter at least one local authority number"):
        seed("--authorities", " , ")

    assert StaffUser.objects.count() == 0


def test_says_how_to_sign_in() -> None:
    output = seed()

    assert "Devon: 40 demo children added" in output
    assert "http://127.0.0.1:8000/staff/sign-in/" in output
    assert "officer@devon.example.org" in output
    assert "officer@cornwall.example.org" in output
    assert DEMO_PASSWORD in output
    assert "Get the security code with: make code" in output
