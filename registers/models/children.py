"""Children, their addresses, the people around them, and who educates them."""

import uuid

from django.conf import settings
from django.db import models

from registers.models.authorities import LocalAuthority
from registers.models.base import BaseModel
from registers.rules.codes import AddressKind, ProviderType, Relationship, SenProvision, Sex


class Address(BaseModel):
    line_1 = models.CharField("Address line 1", max_length=100)
    line_2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField("Town or city", max_length=60)
    county = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=8)
    uprn = models.CharField("UPRN", max_length=12, blank=True)

    class Meta:
        # Postcodes are kept in normal form (registers.validation.postcode_clean), so a search
        # by postcode is an equality this index serves.
        indexes = [models.Index(fields=["postcode"], name="address_postcode")]

    def __str__(self) -> str:
        return ", ".join(
            part for part in (self.line_1, self.line_2, self.town, self.postcode) if part
        )


class Child(BaseModel):
    """A child known to the register (s.436C(1)(a)); cases are RegisterEntry rows."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="children"
    )
    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    # Children Act 2004 s.16LC: the consistent identifier is expected to be the NHS number.
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    upn = models.CharField("Unique pupil number (UPN)", max_length=13, blank=True)
    former_upn = models.CharField("Former UPN", max_length=13, blank=True)
    sen_provision = models.CharField(
        "Special educational needs",
        max_length=20,
        choices=SenProvision.choices,
        default=SenProvision.UNKNOWN,
    )
    # Counts the changes officers have made to the record (registers.services.record), so that
    # a form loaded before someone else changed the record is refused rather than applied.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "children"
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "upn"],
                condition=~models.Q(upn=""),
                name="child_upn_unique_within_authority",
                violation_error_message="A child with this UPN is already on the register",
            ),
        ]
        indexes = [
            models.Index(fields=["authority", "last_name", "first_name"]),
            models.Index(fields=["authority", "date_of_birth"]),
            # The few archived children, which lists of live records leave out.
            models.Index(
                fields=["id"], condition=models.Q(archived_at__isnull=False), name="child_archived"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.first_name, self.middle_names, self.last_name) if part
        )


class ChildSafeguarding(BaseModel):
    """Prescribed items 13 to 15: kept apart, shown only to cleared staff, every read logged."""

    class Status(models.TextChoices):
        NONE = "none", "None known"
        CURRENT = "current", "Current"
        PREVIOUS = "previous", "Previous"

    child = models.OneToOneField(
        Child, primary_key=True, on_delete=models.CASCADE, related_name="safeguarding"
    )
    section_47_enquiry = models.CharField(
        "Section 47 enquiry", max_length=10, choices=Status.choices, default=Status.NONE
    )
    child_protection_plan = models.CharField(
        "Child protection plan", max_length=10, choices=Status.choices, default=Status.NONE
    )
    child_protection_plan_ended_on = models.DateField(null=True, blank=True)
    child_in_need = models.CharField(
        "Child in need", max_length=10, choices=Status.choices, default=Status.NONE
    )
    looked_after = models.BooleanField("Looked after", default=False)
    looked_after_reason = models.TextField(blank=True)


class ChildAddress(BaseModel):
    """Where a child lives or lived, with dates (s.436C(1)(a) and the previous address rule)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="addresses")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=AddressKind.choices)
    lived_from = models.DateField(null=True, blank=True)
    lived_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "-lived_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(kind=AddressKind.CURRENT),
                name="one_current_address_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(lived_until__isnull=True)
                | models.Q(lived_from__isnull=True)
                | models.Q(lived_until__gte=models.F("lived_from")),
                name="child_address_dates_ordered",
            ),
        ]


class Person(BaseModel):
    """A parent or carer (s.436C(1)(b)); parents have no account."""

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="people")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.ForeignKey(
        Address, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ChildPerson(BaseModel):
    """How a person stands to a child, and whether they educate the child (s.436C(1)(c))."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="relationships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships")
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    has_parental_responsibility = models.BooleanField(default=True)
    provides_education = models.BooleanField(default=False)
    is_main_contact = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "person"], name="child_person_unique"),
        ]


class Provider(BaseModel):
    """An out-of-school education provider (s.436C(1)(e), s.436E)."""

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="providers"
    )
    name = models.CharField(max_length=200)
    provider_type = models.CharField(max_length=30, choices=ProviderType.choices)
    address = models.ForeignKey(
        Address, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)

    def __str__(self) -> str:
        return self.name


class EducationArrangement(BaseModel):
    """Who educates the child and for how long each week: estimates (s.436C(1)(d)-(e))."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="arrangements")
    educator = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="arrangements"
    )
    provider = models.ForeignKey(
        Provider, null=True, blank=True, on_delete=models.PROTECT, related_name="arrangements"
    )
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1)
    hours_without_parent = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(educator__isnull=False, provider__isnull=True)
                    | models.Q(educator__isnull=True, provider__isnull=False)
                ),
                name="arrangement_has_one_educator",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0, hours_per_week__lte=168),
                name="arrangement_hours_within_week",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_without_parent__isnull=True)
                | models.Q(
                    hours_without_parent__gte=0,
                    hours_without_parent__lte=models.F("hours_per_week"),
                ),
                name="arrangement_unsupervised_within_total",
            ),
        ]


class RecordChange(models.Model):
    """One field of a child's record changed by an officer: who, when, the old and new value,
    and where the information came from. Kept for the history; never changed afterwards.

    `category` is the kind of data, as the audit trail names it, so that a change to a
    safeguarding field is shown only to staff cleared for safeguarding values.
    """

    # The child whose record changed; a provider's own details (its email) name the provider.
    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    provider = models.ForeignKey(
        Provider, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.CharField(max_length=40)
    field = models.CharField(max_length=100)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    source = models.CharField("Where the information came from", max_length=200, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["child", "changed_at"], name="record_change_history")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(child__isnull=False) | models.Q(provider__isnull=False),
                name="record_change_names_its_record",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.old_value} → {self.new_value}"
