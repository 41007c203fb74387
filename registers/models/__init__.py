"""The register's data model; later features add behaviour, not a second model."""

from registers.models.api import ApiScope, ApiToken, IdempotentRequest
from registers.models.audit import AuditEvent, OutboxMessage
from registers.models.authorities import LocalAuthority
from registers.models.cases import (
    CaseTransition,
    InformationRequest,
    Notification,
    RegisterEntry,
    RegisterSize,
)
from registers.models.children import (
    Address,
    Child,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    EducationArrangement,
    Person,
    Provider,
)
from registers.models.returns import CensusDate
from registers.models.staff import StaffInvitation, StaffRole, StaffUser
from registers.models.work import AttendanceOrderStep, ConsentRequest, Contact, Task, Visit

__all__ = [
    "Address",
    "ApiScope",
    "ApiToken",
    "AttendanceOrderStep",
    "AuditEvent",
    "CaseTransition",
    "CensusDate",
    "Child",
    "ChildAddress",
    "ChildPerson",
    "ChildSafeguarding",
    "ConsentRequest",
    "Contact",
    "EducationArrangement",
    "IdempotentRequest",
    "InformationRequest",
    "LocalAuthority",
    "Notification",
    "OutboxMessage",
    "Person",
    "Provider",
    "RegisterEntry",
    "RegisterSize",
    "StaffInvitation",
    "StaffRole",
    "StaffUser",
    "Task",
    "Visit",
]
