"""What the API answers with: plain dict functions (no per-row serializer, quality target P5),
each beside the JSON Schema the OpenAPI document gives for it. Fields are named one by one;
safeguarding fields are never among them.

Codes are the register's codes (registers.rules.codes); dates are ISO 8601; hours are text,
as the intake takes them ("7.5").
"""

from datetime import date, datetime

from registers.models import (
    Address,
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    Notification,
    RegisterEntry,
)
from registers.rules.codes import (
    AddressKind,
    CaseStatus,
    ClosureReason,
    Door,
    EligibilityBasis,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Regime,
    Relationship,
    SenProvision,
    Sex,
)
from registers.validation import hours_text

# Schema parts ---------------------------------------------------------------------------------


def _object(properties: dict, *, description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return {**schema, "description": description} if description else schema


def _codes(codes, *, nullable: bool = False) -> dict:
    values = [str(code) for code in codes]
    if nullable:
        return {"type": ["string", "null"], "enum": [*values, None]}
    return {"type": "string", "enum": values}


def _list(items: dict) -> dict:
    return {"type": "array", "items": items}


TEXT = {"type": "string"}
UUID = {"type": "string", "format": "uuid"}
DATE = {"type": "string", "format": "date"}
OPTIONAL_DATE = {"type": ["string", "null"], "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
BOOLEAN = {"type": "boolean"}
HOURS = {"type": "string", "description": 'Hours a week, like "7.5"'}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime) -> str:
    return value.isoformat()


# Addresses and people -------------------------------------------------------------------------

ADDRESS_SCHEMA = _object(
    {"line_1": TEXT, "line_2": TEXT, "town": TEXT, "county": TEXT, "postcode": TEXT}
)


def address_data(address: Address | None) -> dict | None:
    if address is None:
        return None
    return {
        "line_1": address.line_1,
        "line_2": address.line_2,
        "town": address.town,
        "county": address.county,
        "postcode": address.postcode,
    }


CHILD_ADDRESS_SCHEMA = _object(
    {
        "kind": _codes(AddressKind),
        "address": ADDRESS_SCHEMA,
        "lived_from": OPTIONAL_DATE,
        "lived_until": OPTIONAL_DATE,
    }
)


def child_address_data(held: ChildAddress) -> dict:
    return {
        "kind": held.kind,
        "address": address_data(held.address),
        "lived_from": _day(held.lived_from),
        "lived_until": _day(held.lived_until),
    }


PARENT_SCHEMA = _object(
    {
        "first_name": TEXT,
        "last_name": TEXT,
        "relationship": _codes(Relationship),
        "has_parental_responsibility": BOOLEAN,
        "educates": BOOLEAN,
        "main_contact": BOOLEAN,
        "email": TEXT,
        "phone": TEXT,
        "address": {"anyOf": [ADDRESS_SCHEMA, {"type": "null"}]},
    }
)


def parent_data(link: ChildPerson) -> dict:
    person = link.person
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "relationship": link.relationship,
        "has_parental_responsibility": link.has_parental_responsibility,
        "educates": link.provides_education,
        "main_contact": link.is_main_contact,
        "email": person.email,
        "phone": person.phone,
        "address": address_data(person.address),
    }


PROVIDER_SCHEMA = _object(
    {
        "name": TEXT,
        "provider_type": _codes(ProviderType),
        "website": TEXT,
        "email": TEXT,
        "address": {"anyOf": [ADDRESS_SCHEMA, {"type": "null"}]},
    }
)
EDUCATION_SCHEMA = _object(
    {
        "provider": {"anyOf": [PROVIDER_SCHEMA, {"type": "null"}]},
        "educated_by_parent": BOOLEAN,
        "hours_per_week": HOURS,
        "hours_without_parent": {"type": ["string", "null"]},
    },
    description="Who educates the child and for how long (s.436C(1)(d)-(e)): a provider, "
    "or a parent (provider null)",
)


def education_data(arrangement: EducationArrangement) -> dict:
    provider = arrangement.provider
    return {
        "provider": None
        if provider is None
        else {
            "name": provider.name,
            "provider_type": provider.provider_type,
            "website": provider.website,
            "email": provider.email,
            "address": address_data(provider.address),
        },
        "educated_by_parent": arrangement.educator_id is not None,
        "hours_per_week": hours_text(arrangement.hours_per_week),
        "hours_without_parent": None
        if arrangement.hours_without_parent is None
        else hours_text(arrangement.hours_without_parent),
    }


# Children -------------------------------------------------------------------------------------

_CHILD_IDENTITY = {
    "id": UUID,
    "first_name": TEXT,
    "middle_names": TEXT,
    "last_name": TEXT,
    "date_of_birth": DATE,
    "sex": _codes(Sex),
    "sen_provision": _codes(SenProvision),
}


def _child_identity(child: Child) -> dict:
    return {
        "id": str(child.pk),
        "first_name": child.first_name,
        "middle_names": child.middle_names,
        "last_name": child.last_name,
        "date_of_birth": child.date_of_birth.isoformat(),
        "sex": child.sex,
        "sen_provision": child.sen_provision,
    }


CASE_LINK_SCHEMA = _object({"id": UUID, "reference": TEXT, "status": _codes(CaseStatus)})
CHILD_SUMMARY_SCHEMA = _object(
    {**_CHILD_IDENTITY, "case": CASE_LINK_SCHEMA},
    description="A child on the register, with their newest case",
)


def child_summary_data(child: Child) -> dict:
    """A row of the children list: the child annotated with their newest case."""
    return {
        **_child_identity(child),
        "case": {
            "id": str(child.case_id),
            "reference": child.case_reference,
            "status": child.case_status,
        },
    }


CASE_SUMMARY_SCHEMA = _object(
    {
        "id": UUID,
        "reference": TEXT,
        "status": _codes(CaseStatus),
        "notified_on": DATE,
        "closed_on": OPTIONAL_DATE,
    }
)


def _case_summary(entry: RegisterEntry) -> dict:
    return {
        "id": str(entry.pk),
        "reference": entry.reference,
        "status": entry.status,
        "notified_on": entry.notified_on.isoformat(),
        "closed_on": _day(entry.closed_on),
    }


CHILD_SCHEMA = _object(
    {
        **_CHILD_IDENTITY,
        "upn": TEXT,
        "nhs_number": TEXT,
        "addresses": _list(CHILD_ADDRESS_SCHEMA),
        "parents": _list(PARENT_SCHEMA),
        "education": _list(EDUCATION_SCHEMA),
        "cases": _list(CASE_SUMMARY_SCHEMA),
    },
    description="A child's record: no safeguarding fields",
)


def child_data(child: Child) -> dict:
    """The child's record, from the prefetched lists of registers.selectors.register_pages."""
    return {
        **_child_identity(child),
        "upn": child.upn,
        "nhs_number": child.nhs_number,
        "addresses": [child_address_data(held) for held in child.addresses.all()],
        "parents": [parent_data(link) for link in child.relationships.all()],
        "education": [education_data(held) for held in child.arrangements.all()],
        "cases": [_case_summary(entry) for entry in child.entries.all()],
    }


# Cases ----------------------------------------------------------------------------------------

CHILD_LINK_SCHEMA = _object(
    {"id": UUID, "first_name": TEXT, "last_name": TEXT, "date_of_birth": DATE}
)
_CASE_FIELDS = {
    "id": UUID,
    "reference": TEXT,
    "status": _codes(CaseStatus),
    "regime": _codes(Regime),
    "source": _codes(NotificationSource),
    "primary_reason": _codes(PrimaryReason),
    "previous_school_type": _codes(PreviousSchoolType),
    "still_on_roll": BOOLEAN,
    "notified_on": DATE,
    "eligible_from": OPTIONAL_DATE,
    "registered_on": OPTIONAL_DATE,
    "closed_on": OPTIONAL_DATE,
    "closure_reason": _codes(ClosureReason, nullable=True),
    "child": CHILD_LINK_SCHEMA,
}
CASE_ROW_SCHEMA = _object(_CASE_FIELDS, description="A case: a child's entry on the register")


def case_row_data(entry: RegisterEntry) -> dict:
    child = entry.child
    return {
        "id": str(entry.pk),
        "reference": entry.reference,
        "status": entry.status,
        "regime": entry.regime,
        "source": entry.source,
        "primary_reason": entry.primary_reason,
        "previous_school_type": entry.previous_school_type,
        "still_on_roll": entry.still_on_roll,
        "notified_on": entry.notified_on.isoformat(),
        "eligible_from": _day(entry.eligible_from),
        "registered_on": _day(entry.registered_on),
        "closed_on": _day(entry.closed_on),
        "closure_reason": entry.closure_reason or None,
        "child": {
            "id": str(child.pk),
            "first_name": child.first_name,
            "last_name": child.last_name,
            "date_of_birth": child.date_of_birth.isoformat(),
        },
    }


TRANSITION_SCHEMA = _object(
    {
        "from_status": _codes(CaseStatus, nullable=True),
        "to_status": _codes(CaseStatus),
        "occurred_at": DATE_TIME,
        "door": _codes(Door, nullable=True),
        "reason": TEXT,
    }
)
CASE_SCHEMA = _object(
    {
        **_CASE_FIELDS,
        "previous_school_name": TEXT,
        "eligibility_basis": _codes(EligibilityBasis, nullable=True),
        "history": _list(TRANSITION_SCHEMA),
    },
    description="A case with its history of status changes, oldest first",
)


def _transition_data(transition: CaseTransition) -> dict:
    return {
        "from_status": transition.from_status or None,
        "to_status": transition.to_status,
        "occurred_at": _moment(transition.occurred_at),
        "door": transition.door or None,
        "reason": transition.reason,
    }


def case_data(entry: RegisterEntry) -> dict:
    return {
        **case_row_data(entry),
        "previous_school_name": entry.previous_school_name,
        "eligibility_basis": entry.eligibility_basis or None,
        "history": [_transition_data(transition) for transition in entry.transitions.all()],
    }


# Notifications --------------------------------------------------------------------------------

NOTIFICATION_RECEIVED_SCHEMA = _object(
    {
        "reference": TEXT,
        "received_at": DATE_TIME,
        "child": _object({"id": UUID}),
        "case": _object({"id": UUID, "status": _codes(CaseStatus)}),
    },
    description="The notification is on the register: its reference, and the child and case "
    "it made (or found, for a notification the register already had)",
)


def notification_received_data(notification: Notification) -> dict:
    return {
        "reference": notification.reference,
        "received_at": _moment(notification.received_at),
        "child": {"id": str(notification.child_id)},
        "case": {"id": str(notification.entry_id), "status": notification.entry.status},
    }


def page_schema(row: dict) -> dict:
    return _object(
        {
            "count": {"type": "integer", "description": "Rows in the whole list"},
            "next": {
                "type": ["string", "null"],
                "description": "The next page's address, or null on the last page",
            },
            "results": _list(row),
        }
    )
