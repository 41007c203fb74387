"""Reads behind letters: each LA's templates (its own, else the built-in text), what a letter
for a child is filled with, the letters made for a child, and a letter's PDF. Every read of a
child's letters is audited as a read of the child."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import (
    AttendanceOrderStep,
    AuditEvent,
    ChildAddress,
    ChildPerson,
    ConsentRequest,
    Letter,
    LetterTemplate,
    LocalAuthority,
)
from registers.rules.codes import AddressKind
from registers.rules.deadlines import days_beginning_with, long_date
from registers.rules.letters import (
    DEFAULT_TEMPLATES,
    SAFEGUARDING_PLACEHOLDERS,
    SAFEGUARDING_WITHHELD,
    LetterKind,
    LetterText,
    answer_period_days,
    letter_fill,
    placeholders_used,
)
from registers.selectors.children import ChildPage, child_page_read

# The consent conditions that are safeguarding information (s.434A(4): section 47 enquiries
# or a child protection plan).
SAFEGUARDING_CONDITIONS = frozenset(
    {ConsentRequest.Condition.SECTION_47, ConsentRequest.Condition.CHILD_PROTECTION_PLAN}
)
NO_CONSENT_DECISION = "There is no consent decision for this child yet – record one first"
NOT_ON_REGISTER = "A letter can only be made for a child with a case on the register"
DEAR_PARENT = "Parent or carer"


class LetterNotFound(Http404):
    """Another LA's letter, or one the reader may not see, answers as one that does not exist."""


@dataclass(frozen=True)
class LetterTemplateRow:
    kind: LetterKind
    text: LetterText
    # Whether the LA has written its own text (else the built-in one is used).
    own: bool
    version: int


def letter_templates_list(*, authority: LocalAuthority) -> list[LetterTemplateRow]:
    """Every kind of letter with the text the LA's letters of that kind are made from."""
    own = {template.kind: template for template in authority.letter_templates.live()}
    return [_row(kind, own.get(kind)) for kind in LetterKind]


def letter_template_get(*, authority: LocalAuthority, kind: LetterKind | str) -> LetterTemplateRow:
    kind = LetterKind(kind)
    return _row(kind, authority.letter_templates.live().filter(kind=kind).first())


def _row(kind: LetterKind, template: LetterTemplate | None) -> LetterTemplateRow:
    if template is None:
        return LetterTemplateRow(kind=kind, text=DEFAULT_TEMPLATES[kind], own=False, version=0)
    return LetterTemplateRow(
        kind=kind,
        text=LetterText(title=template.title, body=template.body),
        own=True,
        version=template.version,
    )


def parent_contact(child) -> tuple[str, str]:
    """The name and email address a letter about the child goes to: the main contact, else the
    first parent or carer; the email is the first of theirs there is."""
    links = list(
        ChildPerson.objects.live()
        .filter(child=child, person__archived_at__isnull=True)
        .select_related("person")
        .order_by("-is_main_contact", "id")
    )
    name = str(links[0].person) if links else DEAR_PARENT
    email = next((link.person.email for link in links if link.person.email), "")
    return name, email


def latest_consent_decision(child) -> ConsentRequest | None:
    return (
        ConsentRequest.objects.live()
        .filter(
            child=child, status__in=[ConsentRequest.Status.GRANTED, ConsentRequest.Status.REFUSED]
        )
        .order_by("-decided_on", "-id")
        .first()
    )


@dataclass(frozen=True)
class LetterDraft:
    """A letter as it would be made now: its kind, text, and where it would be emailed."""

    kind: LetterKind
    text: LetterText
    emailed_to: str
    shows_safeguarding: bool


def letter_draft_make(
    *,
    page: ChildPage,
    kind: LetterKind | str,
    user,
    today: date | None = None,
    consent: ConsentRequest | None = None,
) -> LetterDraft:
    """The letter of `kind` for the child of `page`, filled from the record as it is now.

    A safeguarding value is filled in only for staff cleared for it. Raises ApplicationError
    where the letter cannot be made (no case; a consent decision letter with no decision).
    """
    kind = LetterKind(kind)
    child, entry = page.child, page.entry
    if entry is None:
        raise ApplicationError({"kind": [NOT_ON_REGISTER]})
    if kind == LetterKind.CONSENT_DECISION:
        consent = consent or latest_consent_decision(child)
        if consent is None:
            raise ApplicationError({"kind": [NO_CONSENT_DECISION]})
    authority = child.authority
    today = today or timezone.localdate()
    template = letter_template_get(authority=authority, kind=kind).text
    parent_name, email = parent_contact(child)
    address = (
        ChildAddress.objects.live()
        .filter(child=child, kind=AddressKind.CURRENT)
        .select_related("address")
        .first()
    )
    values = {
        "child_name": child.full_name,
        "child_first_name": child.first_name,
        "date_of_birth": long_date(child.date_of_birth),
        "reference": entry.reference,
        "la_name": authority.name,
        "parent_name": parent_name,
        "address": "\n".join(
            part
            for part in (
                address.address.line_1,
                address.address.line_2,
                address.address.town,
                address.address.postcode,
            )
            if part
        )
        if address
        else "",
        "today": long_date(today),
        "respond_by": long_date(
            days_beginning_with(
                today,
                answer_period_days(
                    kind,
                    registration_period_days=authority.registration_period_days,
                    notice_to_satisfy_period_days=authority.notice_to_satisfy_period_days,
                ),
            )
        ),
        "officer_name": str(user),
        "school_name": _school_named(entry, consent),
    }
    shows_safeguarding = False
    if consent is not None:
        values |= {
            "decision": consent.get_status_display().lower(),
            "reasons": consent.reasons,
            "re_request_from": long_date(consent.re_request_from)
            if consent.re_request_from
            else "",
            "consent_condition": _condition_words(consent, user),
        }
        used = set(placeholders_used(template.title)) | set(placeholders_used(template.body))
        shows_safeguarding = bool(
            used & SAFEGUARDING_PLACEHOLDERS
            and consent.condition in SAFEGUARDING_CONDITIONS
            and user.can_view_safeguarding
        )
    return LetterDraft(
        kind=kind,
        text=letter_fill(template, values),
        emailed_to=email,
        shows_safeguarding=shows_safeguarding,
    )


def _condition_words(consent: ConsentRequest, user) -> str:
    if consent.condition in SAFEGUARDING_CONDITIONS and not user.can_view_safeguarding:
        return SAFEGUARDING_WITHHELD
    return consent.get_condition_display()


def _school_named(entry, consent: ConsentRequest | None) -> str:
    if consent is not None:
        return consent.school_name
    named = (
        AttendanceOrderStep.objects.live()
        .filter(entry=entry)
        .exclude(named_school="")
        .order_by("-served_on", "-id")
        .values_list("named_school", flat=True)
        .first()
    )
    return named or entry.previous_school_name


def letter_preview_get(*, actor: Actor, child_id: UUID | str, kind: LetterKind | str):
    """The child's page and the letter of `kind` as it would be made now; one audit row."""
    return child_page_read(
        actor=actor,
        child_id=child_id,
        categories={"identity", "address", "family", "education"},
        read=lambda page: letter_draft_make(page=page, kind=kind, user=actor.user),
    )


def _letters_visible(page: ChildPage, user):
    letters = Letter.objects.live().filter(child=page.child).select_related("made_by", "email")
    if not user.can_view_safeguarding:
        letters = letters.filter(shows_safeguarding=False)
    return letters.defer("pdf").order_by("-made_at", "-id")


def child_letters_get(*, actor: Actor, child_id: UUID | str):
    """The child's page and the letters made for them that the reader may see, newest first."""
    return child_page_read(
        actor=actor,
        child_id=child_id,
        categories={"education"},
        read=lambda page: list(_letters_visible(page, actor.user)),
    )


def letter_pdf_get(*, actor: Actor, child_id: UUID | str, letter_id: int | str) -> Letter:
    """One letter of the child, with its PDF, for a reader who may see it; one audit row (the
    read of the child, or a refusal naming the letter)."""

    def read(page: ChildPage) -> Letter | None:
        try:
            return _letters_visible(page, actor.user).defer(None).get(pk=int(letter_id))
        except (Letter.DoesNotExist, ValueError):
            return None

    try:
        _page, letter = child_page_read(
            actor=actor,
            child_id=child_id,
            categories={"identity", "address", "family", "education"},
            read=read,
        )
    except Http404 as error:
        raise LetterNotFound("No such letter") from error
    if letter is None:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.DENIED,
            object_type="letter",
            object_id=letter_id,
        )
        raise LetterNotFound("No such letter")
    return letter
