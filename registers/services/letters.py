"""Letters: an LA admin's templates, and letters made from a child's record into PDF, kept with
the record and emailed to the parent through the outbox where the parent has an email address.

The PDF is drawn by fpdf2, a Python library with no system packages behind it, in one of the
fonts every PDF reader has (Helvetica). Those fonts hold the Windows-1252 characters: any other
character is written as its closest of those (an accent dropped), or "?", in the PDF only; the
letter's text is kept exactly as filled.
"""

import unicodedata
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from fpdf import FPDF

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, Letter, LetterTemplate, LocalAuthority
from registers.rules.letters import (
    KIND_MISSING,
    LetterKind,
    LetterText,
    letter_digest,
    template_errors,
)
from registers.selectors.children import ChildPage, child_page_read
from registers.selectors.letters import LetterDraft, letter_draft_make
from registers.services.outbox import letter_email_enqueue

PDF_ENCODING = "windows-1252"
# Letters that Unicode does not write as a plain letter and a mark, as they are written plainly.
_UNDECOMPOSED = str.maketrans(
    {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Ħ": "H", "ħ": "h"}
)
STALE_TEMPLATE = (
    "Someone else has changed this letter since you opened it – check their version, then "
    "make your changes again"
)
STALE_PREVIEW = (
    "The letter has changed since you previewed it (the record or the template was changed) – "
    "check the new preview, then make the letter"
)


@transaction.atomic
def letter_template_save(
    *,
    authority: LocalAuthority,
    kind: LetterKind | str,
    title: str,
    body: str,
    expected_version: int,
    actor: Actor,
) -> LetterTemplate:
    """Save the LA's own text for one kind of letter.

    Refused, with every problem by field and nothing saved, when the text is empty, too long, or
    names a placeholder there is none of; or when someone has saved the template since the page
    was loaded (`expected_version` is the version it showed, 0 for the built-in text).
    """
    kind = LetterKind(kind)
    title, body = title.strip(), body.strip()
    template = (
        LetterTemplate.objects.select_for_update().filter(authority=authority, kind=kind).first()
    )
    current = template.version if template and template.archived_at is None else 0
    if current != expected_version:
        raise ApplicationError(STALE_TEMPLATE)
    if errors := template_errors(title=title, body=body):
        raise ApplicationError(errors)
    if template is None:
        template = LetterTemplate(authority=authority, kind=kind, created_by=actor.user)
    template.title, template.body = title, body
    template.version = current + 1
    template.archived_at, template.archived_by, template.archive_reason = None, None, ""
    template.modified_by = actor.user
    template.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="letter_template",
        object_id=template.pk,
    )
    return template


def _printable(text: str) -> str:
    """The text in the characters the PDF's font holds."""
    out = []
    for character in text:
        try:
            character.encode(PDF_ENCODING)
        except UnicodeEncodeError:
            plain = "".join(
                part
                for part in unicodedata.normalize("NFKD", character.translate(_UNDECOMPOSED))
                if not unicodedata.combining(part)
            )
            try:
                plain.encode(PDF_ENCODING)
            except UnicodeEncodeError:
                plain = "?"
            character = plain or "?"
        out.append(character)
    return "".join(out)


def letter_pdf_render(*, la_name: str, text: LetterText) -> bytes:
    """The letter as an A4 PDF: the LA's name at the head, the title, then the text."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = PDF_ENCODING
    pdf.set_title(_printable(text.title))
    pdf.set_author(_printable(la_name))
    pdf.set_creator(_printable(la_name))
    pdf.set_margins(left=20, top=20, right=20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 7, _printable(la_name), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.multi_cell(0, 6, _printable(text.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5.5, _printable(text.body), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _email_body(*, letter: Letter, la_name: str) -> str:
    return (
        "Dear parent or carer,\n\n"
        f"Please find attached a letter from {la_name}: {letter.title}.\n\n"
        f"{la_name}"
    )


def letter_store(*, page: ChildPage, draft: LetterDraft, actor: Actor) -> Letter:
    """Keep the letter with the child's record, as a PDF, and email it to the parent where
    they have an email address. Called inside the transaction of the work it follows."""
    authority = page.child.authority
    letter = Letter.objects.create(
        authority=authority,
        child=page.child,
        entry=page.entry,
        kind=draft.kind,
        title=draft.text.title,
        body=draft.text.body,
        pdf=letter_pdf_render(la_name=authority.name, text=draft.text),
        made_by=actor.user,
        made_at=timezone.now(),
        shows_safeguarding=draft.shows_safeguarding,
        emailed_to=draft.emailed_to,
        created_by=actor.user,
        modified_by=actor.user,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="letter",
        object_id=letter.pk,
        categories=["identity", "address", "family", "education"],
        children=[page.child.pk],
    )
    if draft.emailed_to:
        letter.email = letter_email_enqueue(
            letter=letter,
            to=draft.emailed_to,
            subject=f"{authority.name}: {letter.title}",
            body=_email_body(letter=letter, la_name=authority.name),
            dedupe_key=f"letter-{letter.pk}",
        )
        letter.save(update_fields=["email", "modified_at"])
    return letter


@transaction.atomic
def letter_make(
    *, actor: Actor, child_id: UUID | str, kind: LetterKind | str, previewed: str
) -> Letter:
    """Make the letter of `kind` for the child, filled from the record as it is now.

    `previewed` is the fingerprint of the text the officer previewed: if the record or the
    template has changed since, the letter is not made and the officer is asked to look again.
    """
    try:
        kind = LetterKind(kind)
    except ValueError:
        raise ApplicationError({"kind": [KIND_MISSING]}) from None
    page, draft = child_page_read(
        actor=actor,
        child_id=child_id,
        categories={"identity", "address", "family", "education"},
        read=lambda page: letter_draft_make(page=page, kind=kind, user=actor.user),
    )
    if letter_digest(draft.text) != previewed:
        raise ApplicationError(STALE_PREVIEW)
    return letter_store(page=page, draft=draft, actor=actor)
