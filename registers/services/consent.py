"""The LA's consent to withdraw a relevant child from school (s.434A): a request recorded, and
the decision on the child's best interests, with reasons. The case waits in Consent pending
while the request does; the parent is sent the consent decision letter and the school an email.
"""

from datetime import date
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, ConsentRequest
from registers.rules.codes import CaseStatus, ClosureReason
from registers.rules.consent import (
    ALREADY_DECIDED,
    ALREADY_OPEN,
    GRANTED,
    consent_assessment_errors,
    consent_decision_errors,
    consent_request_errors,
    re_request_from,
    re_request_refusal,
)
from registers.rules.deadlines import long_date
from registers.rules.letters import LetterKind
from registers.selectors.children import SAFEGUARDING_CATEGORY, ChildPage, child_page_read
from registers.selectors.consent import ConsentRequestNotFound
from registers.selectors.letters import SAFEGUARDING_CONDITIONS, letter_draft_make
from registers.services.cases import register_entry_transition
from registers.services.letters import letter_store
from registers.services.outbox import email_enqueue

OPEN_STATUSES = (ConsentRequest.Status.REQUESTED, ConsentRequest.Status.UNDER_ASSESSMENT)
# The case moves into Consent pending from these, when a request is recorded.
STATUSES_BEFORE_CONSENT = (CaseStatus.NOTIFIED, CaseStatus.ELIGIBILITY_CHECK)
STALE = (
    "Someone else has changed this consent request since you opened it – check it, then try again"
)


def _categories(condition: str) -> list[str]:
    if condition in SAFEGUARDING_CONDITIONS:
        return ["education", SAFEGUARDING_CATEGORY]
    return ["education"]


def _changed_record(*, actor: Actor, request: ConsentRequest) -> None:
    """The audit row of a change to a consent request."""
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=request.authority,
        object_type="consent_request",
        object_id=request.pk,
        categories=_categories(request.condition),
        children=[request.child_id],
    )


def _page(actor: Actor, child_id: UUID | str) -> ChildPage:
    page, _ = child_page_read(
        actor=actor, child_id=child_id, categories={"education"}, read=lambda page: None
    )
    return page


@transaction.atomic
def consent_request_record(
    *,
    actor: Actor,
    child_id: UUID | str,
    condition: str,
    school_name: str,
    school_urn: str = "",
    school_email: str = "",
    requested_on: date,
) -> ConsentRequest:
    """Record a parent's request for consent to withdraw the child from school.

    Refused, with nothing recorded, when a request already waits for a decision, or when an
    earlier refusal's period has not ended. The child's case, if it is newly notified or being
    checked, moves to Consent pending.
    """
    page = _page(actor, child_id)
    child = page.child
    errors = consent_request_errors(
        condition=condition,
        conditions=set(ConsentRequest.Condition.values),
        school_name=school_name,
        school_urn=school_urn,
        requested_on=requested_on,
        today=timezone.localdate(),
    )
    if errors:
        raise ApplicationError(errors)
    earlier = list(
        ConsentRequest.objects.live().select_for_update().filter(child=child).order_by("-id")
    )
    if any(request.status in OPEN_STATUSES for request in earlier):
        raise ApplicationError(ALREADY_OPEN)
    refused = next(
        (request for request in earlier if request.status == ConsentRequest.Status.REFUSED),
        None,
    )
    if refused and (
        refusal := re_request_refusal(
            refused_on=refused.decided_on,
            re_request_from=refused.re_request_from,
            requested_on=requested_on,
        )
    ):
        raise ApplicationError({"requested_on": [refusal]})

    entry = page.entry
    request = ConsentRequest.objects.create(
        authority=child.authority,
        child=child,
        entry=entry,
        condition=condition,
        school_name=school_name.strip(),
        school_urn=school_urn.strip(),
        school_email=school_email.strip(),
        requested_on=requested_on,
        created_by=actor.user,
        modified_by=actor.user,
    )
    if entry is not None and entry.status in STATUSES_BEFORE_CONSENT:
        register_entry_transition(
            entry=entry,
            to_status=CaseStatus.CONSENT_PENDING,
            reason=(
                f"The parent asked on {long_date(requested_on)} for consent to withdraw the "
                f"child from {request.school_name} (s.434A)"
            ),
            actor=actor,
            expected_version=entry.version,
        )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=child.authority,
        object_type="consent_request",
        object_id=request.pk,
        categories=_categories(condition),
        children=[child.pk],
    )
    return request


def _school_email_body(*, request: ConsentRequest, granted: bool) -> str:
    child = request.child
    authority = request.authority
    outcome = (
        "Consent is granted. The child may now be removed from the school's admission register "
        "to be educated other than at school."
        if granted
        else "Consent is refused. The child remains a registered pupil at the school."
    )
    return (
        f"Dear {request.school_name},\n\n"
        f"{authority.name} has decided the request from the parents of {child.full_name} "
        f"(born {long_date(child.date_of_birth)}) for consent to withdraw them from your school "
        "to educate them other than at school (section 434A of the Education Act 1996).\n\n"
        f"{outcome}\n\n{authority.name}"
    )


def _open_request_locked(*, actor: Actor, child_id, consent_id: int, expected_version: int):
    """The child's undecided request, locked; refused if another's, stale or decided."""
    page = _page(actor, child_id)
    request = (
        ConsentRequest.objects.live()
        .select_for_update(of=("self",))
        .select_related("authority", "child", "entry")
        .filter(child=page.child, authority=actor.user.authority, pk=consent_id)
        .first()
    )
    if request is None:
        raise ConsentRequestNotFound("No such consent request")
    if request.version != expected_version:
        raise ApplicationError(STALE)
    if request.status not in OPEN_STATUSES:
        raise ApplicationError(ALREADY_DECIDED)
    return request


@transaction.atomic
def consent_assessment_save(
    *,
    actor: Actor,
    child_id: UUID | str,
    consent_id: int,
    best_interests_analysis: str,
    expected_version: int,
) -> ConsentRequest:
    """Keep the best-interests assessment of an undecided request, which is then Under
    assessment, for the decision to be made later."""
    request = _open_request_locked(
        actor=actor, child_id=child_id, consent_id=consent_id, expected_version=expected_version
    )
    if errors := consent_assessment_errors(best_interests_analysis=best_interests_analysis):
        raise ApplicationError(errors)
    request.best_interests_analysis = best_interests_analysis.strip()
    request.status = ConsentRequest.Status.UNDER_ASSESSMENT
    request.version += 1
    request.modified_by = actor.user
    request.save()
    _changed_record(actor=actor, request=request)
    return request


@transaction.atomic
def consent_decide(
    *,
    actor: Actor,
    child_id: UUID | str,
    consent_id: int,
    decision: str,
    best_interests_analysis: str,
    reasons: str,
    decided_on: date | None,
    expected_version: int,
) -> ConsentRequest:
    """Record the decision on a consent request, with the best-interests assessment and the
    reasons, and tell the parent (the consent decision letter) and the school (an email).

    Refused, by field and with nothing changed, without a decision, an assessment or reasons,
    with a date before the request or in the future, on a request decided already, or from a
    page loaded before someone else changed the request. On refusal the parent may ask again
    after the LA's period; the case, if it waits in Consent pending, is closed (the child stays
    on roll); on consent it goes on to the eligibility check.
    """
    request = _open_request_locked(
        actor=actor, child_id=child_id, consent_id=consent_id, expected_version=expected_version
    )
    errors = consent_decision_errors(
        decision=decision,
        best_interests_analysis=best_interests_analysis,
        reasons=reasons,
        decided_on=decided_on,
        requested_on=request.requested_on,
        today=timezone.localdate(),
    )
    if errors:
        raise ApplicationError(errors)

    granted = decision == GRANTED
    request.status = ConsentRequest.Status.GRANTED if granted else ConsentRequest.Status.REFUSED
    request.best_interests_analysis = best_interests_analysis.strip()
    request.reasons = reasons.strip()
    request.decided_on = decided_on
    request.decided_by = actor.user
    request.re_request_from = (
        None
        if granted
        else re_request_from(
            refused_on=decided_on, months=request.authority.consent_re_request_months
        )
    )
    request.version += 1
    request.modified_by = actor.user
    request.save()

    entry = request.entry
    if entry is not None and entry.status == CaseStatus.CONSENT_PENDING:
        entry = register_entry_transition(
            entry=entry,
            to_status=CaseStatus.ELIGIBILITY_CHECK if granted else CaseStatus.CLOSED,
            reason=(
                "Consent granted (s.434A): the school may now remove the child from its roll"
                if granted
                else f"Consent refused (s.434A): the child stays a pupil at {request.school_name}"
            ),
            closure_reason="" if granted else ClosureReason.NOT_ELIGIBLE,
            actor=actor,
            expected_version=entry.version,
        )
    _changed_record(actor=actor, request=request)
    if entry is not None:
        letter_page = ChildPage(child=request.child, entries=[entry])
        draft = letter_draft_make(
            page=letter_page, kind=LetterKind.CONSENT_DECISION, user=actor.user, consent=request
        )
        letter_store(page=letter_page, draft=draft, actor=actor)
    if request.school_email:
        email_enqueue(
            to=request.school_email,
            subject=f"{request.authority.name}: decision on consent for {request.child.full_name}",
            body=_school_email_body(request=request, granted=granted),
            dedupe_key=f"consent-decision-school-{request.pk}",
        )
    return request
