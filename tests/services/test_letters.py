"""Letters: templates checked for placeholders, filled from the record into a PDF, kept, and
emailed to the parent through the outbox."""

from datetime import date

import pytest
from django.core import mail
from django.http import Http404

from registers.errors import ApplicationError
from registers.models import AuditEvent, ChildSafeguarding, ConsentRequest, Letter, LetterTemplate
from registers.rules.letters import LetterKind, letter_digest
from registers.selectors.letters import child_letters_get, letter_preview_get
from registers.services.letters import letter_make, letter_template_save
from registers.services.outbox import outbox_sweep
from tests.factories import StaffUserFactory, child_with_record, staff_actor
from tests.letters import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(devon):
    child = child_with_record(
        authority=devon, first_name="Zoë", last_name="Łukasiewicz", date_of_birth=date(2014, 5, 3)
    )
    parent = child.relationships.get().person
    parent.first_name, parent.last_name, parent.email = "Ada", "Łukasiewicz", "ada@family.example"
    parent.save()
    return child


def make(officer, child, kind):
    actor = staff_actor(officer)
    _page, draft = letter_preview_get(actor=actor, child_id=child.pk, kind=kind)
    return letter_make(
        actor=actor, child_id=child.pk, kind=kind, previewed=letter_digest(draft.text)
    )


def test_a_letter_is_filled_from_the_record_made_into_a_pdf_and_emailed(officer, child, devon):
    letter = make(officer, child, LetterKind.WELCOME)

    entry = child.entries.get()
    assert letter.entry == entry and letter.made_by == officer
    assert "Zoë Łukasiewicz" in letter.body
    text = pdf_text(letter.pdf)
    assert "Devon" in text
    # The PDF's font has no Ł: it is written without its stroke; the kept text is exact.
    assert "Zoë Lukasiewicz" in text
    assert entry.reference in text
    assert "Dear Ada Lukasiewicz" in text
    assert str(officer) in text
    assert "{" not in text

    outbox_sweep()
    (sent,) = mail.outbox
    assert sent.to == ["ada@family.example"]
    ((name, content, mimetype),) = sent.attachments
    assert mimetype == "application/pdf" and name.startswith("welcome-")
    assert pdf_text(content) == text
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, object_type="letter", children=[str(child.pk)]
    ).exists()


def test_a_parent_with_no_email_gets_no_email_but_the_letter_is_kept(officer, child):
    person = child.relationships.get().person
    person.email = ""
    person.save()

    letter = make(officer, child, LetterKind.UPDATE_REQUEST)

    assert letter.email is None and letter.emailed_to == ""
    outbox_sweep()
    assert mail.outbox == []


def test_the_las_own_template_is_used_once_saved(officer, child, devon):
    admin = StaffUserFactory(authority=devon, role="la_admin")
    letter_template_save(
        authority=devon,
        kind=LetterKind.WELCOME,
        title="Hello {child_first_name}",
        body="Reply by {respond_by}. Braces {{like this}}.",
        expected_version=0,
        actor=staff_actor(admin),
    )

    letter = make(officer, child, LetterKind.WELCOME)

    assert letter.title == "Hello Zoë"
    assert "Braces {like this}." in letter.body


def test_a_template_naming_an_unknown_placeholder_is_refused_and_nothing_saved(devon, officer):
    with pytest.raises(ApplicationError) as refused:
        letter_template_save(
            authority=devon,
            kind=LetterKind.WELCOME,
            title="Hello {child_nmae}",
            body="Dear {parent_name}, {child_name.__class__} {oops",
            expected_version=0,
            actor=staff_actor(officer),
        )

    assert refused.value.errors["title"] == [
        "{child_nmae} is not a placeholder this service knows – use one of the placeholders "
        "listed, spelt as shown"
    ]
    assert "A { or } does not open or close a placeholder" in refused.value.errors["body"][0]
    assert not LetterTemplate.objects.exists()


def test_a_template_changed_by_someone_else_since_it_was_opened_is_not_overwritten(devon):
    admin = staff_actor(StaffUserFactory(authority=devon, role="la_admin"))
    saved = dict(authority=devon, kind=LetterKind.WELCOME, title="First", actor=admin)
    letter_template_save(body="First text", expected_version=0, **saved)

    with pytest.raises(ApplicationError, match="Someone else has changed this letter"):
        letter_template_save(body="Second text", expected_version=0, **saved)

    assert LetterTemplate.objects.get().body == "First text"


def test_a_letter_whose_record_changed_since_the_preview_is_not_made(officer, child):
    actor = staff_actor(officer)
    _page, draft = letter_preview_get(actor=actor, child_id=child.pk, kind=LetterKind.WELCOME)
    child.first_name = "Zoe"
    child.save()

    with pytest.raises(ApplicationError, match="changed since you previewed it"):
        letter_make(
            actor=actor,
            child_id=child.pk,
            kind=LetterKind.WELCOME,
            previewed=letter_digest(draft.text),
        )
    assert not Letter.objects.exists()


def test_another_las_child_is_not_found(cornwall_officer, child):
    with pytest.raises(Http404):
        make(cornwall_officer, child, LetterKind.WELCOME)
    assert not Letter.objects.exists()


def test_safeguarding_values_reach_a_letter_only_for_staff_cleared_for_them(officer, child, devon):
    ChildSafeguarding.objects.create(
        child=child, looked_after=True, looked_after_reason="FIXTURE-LOOKED-AFTER-REASON"
    )
    ConsentRequest.objects.create(
        authority=devon,
        child=child,
        condition=ConsentRequest.Condition.CHILD_PROTECTION_PLAN,
        school_name="Exeter Road Academy",
        status=ConsentRequest.Status.REFUSED,
        requested_on=date(2026, 9, 1),
        decided_on=date(2026, 9, 20),
        reasons="Not in the child's best interests now",
        re_request_from=date(2027, 3, 20),
    )
    admin = StaffUserFactory(authority=devon, role="la_admin")
    letter_template_save(
        authority=devon,
        kind=LetterKind.CONSENT_DECISION,
        title="Consent {decision}",
        body="Consent was needed because of {consent_condition}. {reasons}",
        expected_version=0,
        actor=staff_actor(admin),
    )
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    uncleared_letter = make(officer, child, LetterKind.CONSENT_DECISION)
    cleared_letter = make(cleared, child, LetterKind.CONSENT_DECISION)

    uncleared_text = pdf_text(uncleared_letter.pdf)
    assert "child protection plan" not in uncleared_text
    assert "FIXTURE-LOOKED-AFTER-REASON" not in uncleared_text
    assert "the conditions in section 434A of the Education Act 1996" in uncleared_text
    assert "child protection plan" in pdf_text(cleared_letter.pdf)
    # The cleared officer's letter is not shown to the officer who is not cleared.
    _page, shown = child_letters_get(actor=staff_actor(officer), child_id=child.pk)
    assert shown == [uncleared_letter]
