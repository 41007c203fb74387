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
    RecordChange,
)
from registers.models.letters import Letter, LetterTemplate
from registers.models.returns import CensusDate
from registers.models.review import DuplicateDecision, NotificationReview
from registers.models.staff import StaffInvitation, StaffRole, StaffUser
from registers.models.work import (
    AttendanceOrderStep,
    BulkJob,
    ConsentRequest,
    Contact,
    SuitabilityDecision,
    Task,
    Visit,
)

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
    "DuplicateDecision",
    "EducationArrangement",
    "IdempotentRequest",
    "Letter",
    "LetterTemplate",
    "InformationRequest",
    "LocalAuthority",
    "Notification",
    "NotificationReview",
    "OutboxMessage",
    "Person",
    "Provider",
    "RecordChange",
    "RegisterEntry",
    "RegisterSize",
    "StaffInvitation",
    "StaffRole",
    "StaffUser",
    "SuitabilityDecision",
    "Task",
    "BulkJob",
    "Visit",
]
