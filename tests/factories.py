"""factory_boy factories: generated people only, never real personal data."""

from datetime import date, timedelta

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.actors import Actor
from registers.models import (
    Address,
    Child,
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    LocalAuthority,
    Person,
    Provider,
    RegisterEntry,
    StaffRole,
    StaffUser,
    Visit,
)
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    Door,
    NotificationSource,
    ProviderType,
    Regime,
    Relationship,
    Sex,
)


def public_actor(*, client_address: str = "203.0.113.7") -> Actor:
    """A parent or provider on the public pages, as their request would describe them."""
    return Actor(door=Door.PUBLIC, client_address=client_address, request_id="test-request-0001")


def staff_actor(user, *, door: Door = Door.STAFF) -> Actor:
    """A signed-in member of staff on the staff pages."""
    return Actor(door=door, user=user, client_address="127.0.0.1", request_id="test-request-0001")


STAFF_PASSWORD = "correct-horse-battery-staple-42"
# RFC 6238's test secret ("12345678901234567890"), so codes can be checked by any TOTP tool.
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("dfe_number",)

    dfe_number = factory.Sequence(lambda n: f"{900 + n % 99:03d}")
    ons_code = factory.Sequence(lambda n: f"E06{n:06d}")
    name = factory.Sequence(lambda n: f"Testshire {n}")
    region_code = "E12000009"
    region_name = "South West"
    hosted = True


class StaffUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffUser
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"officer{n}@council.example")
    full_name = factory.Faker("name", locale="en_GB")
    role = StaffRole.OFFICER
    authority = factory.SubFactory(LocalAuthorityFactory)
    password = factory.PostGenerationMethodCall("set_password", STAFF_PASSWORD)

    @factory.post_generation
    def totp_device(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            TOTPDevice.objects.create(
                user=obj, name="Authenticator app", key=TOTP_KEY_HEX, confirmed=True
            )


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    line_1 = factory.Faker("street_address", locale="en_GB")
    town = factory.Faker("city", locale="en_GB")
    postcode = "EX1 1AA"


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    authority = factory.SubFactory(LocalAuthorityFactory)
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.LazyFunction(lambda: date.today() - timedelta(days=365 * 10))
    sex = Sex.FEMALE


class RegisterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegisterEntry

    child = factory.SubFactory(ChildFactory)
    authority = factory.SelfAttribute("child.authority")
    reference = factory.Sequence(lambda n: f"TEST-{n:04d}")
    status = CaseStatus.REGISTERED
    regime = Regime.EHE_2019
    source = NotificationSource.PARENT
    notified_on = factory.LazyFunction(date.today)


class ChildAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildAddress

    child = factory.SubFactory(ChildFactory)
    address = factory.SubFactory(AddressFactory)
    kind = AddressKind.CURRENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    authority = factory.SubFactory(LocalAuthorityFactory)
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"parent{n}@family.example")


class ChildPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildPerson

    child = factory.SubFactory(ChildFactory)
    person = factory.SubFactory(
        PersonFactory, authority=factory.SelfAttribute("..child.authority")
    )
    relationship = Relationship.MOTHER
    provides_education = True


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Forest School {n}")
    provider_type = ProviderType.OUT_OF_SCHOOL_SETTING


class EducationArrangementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EducationArrangement

    child = factory.SubFactory(ChildFactory)
    provider = factory.SubFactory(
        ProviderFactory, authority=factory.SelfAttribute("..child.authority")
    )
    hours_per_week = 6
    hours_without_parent = 4


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    entry = factory.SubFactory(RegisterEntryFactory)
    offered_on = factory.LazyFunction(date.today)


def child_with_record(*, authority: LocalAuthority, **child_fields) -> Child:
    """A child with an entry, an address, a parent and a provider: a full record page."""
    child = ChildFactory(authority=authority, **child_fields)
    RegisterEntryFactory(child=child)
    ChildAddressFactory(child=child)
    ChildPersonFactory(child=child)
    EducationArrangementFactory(child=child)
    return child


def entry_asked_for_updates(*, authority: LocalAuthority, registered_on: date) -> RegisterEntry:
    """Isla Moorcroft's entry (HXK4-7QWT, born 9 April 2015), on the register since
    `registered_on`, whose parent has an email address: the LA may send it an update request
    once its minimum interval from that day has passed."""
    child = child_with_record(
        authority=authority,
        first_name="Isla",
        last_name="Moorcroft",
        date_of_birth=date(2015, 4, 9),
    )
    entry = child.entries.get()
    entry.registered_on = registered_on
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


def children_registered_in_bulk(
    authority: LocalAuthority, count: int, *, start: int = 0, per_day: int = 1
) -> list[Child]:
    """Children Family00000, Family00001, ... on the LA's register, made in bulk, `per_day` of
    them notified each day, going back from today: with one a day, the register lists them in
    that order."""
    numbers = range(start, start + count)
    children = Child.objects.bulk_create(
        Child(
            authority=authority,
            first_name=f"Child{n}",
            last_name=f"Family{n:05d}",
            date_of_birth=date.today() - timedelta(days=2500 + n % 2000),
        )
        for n in numbers
    )
    RegisterEntry.objects.bulk_create(
        RegisterEntry(
            authority=authority,
            child=child,
            reference=f"{authority.dfe_number}-{n:05d}",
            status=CaseStatus.REGISTERED,
            regime=Regime.EHE_2019,
            source=NotificationSource.PARENT,
            notified_on=date.today() - timedelta(days=n // per_day),
        )
        for n, child in zip(numbers, children, strict=True)
    )
    return children
