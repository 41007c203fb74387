"""Letters on the staff pages: an LA admin changes a template (an unknown placeholder refused,
a stale page refused); an officer chooses a letter on the child's Letters tab, previews it,
makes it, finds it on the timeline and downloads its PDF, all within their own LA."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registers.models import (
    AuditEvent,
    ChildSafeguarding,
    ConsentRequest,
    Letter,
    LetterTemplate,
    StaffRole,
)
from registers.rules.letters import LetterKind, letter_digest
from registers.selectors.letters import letter_preview_get
from registers.services.letters import letter_make, letter_template_save
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record, staff_actor
from tests.letters import pdf_text
from tests.pages import assert_errors_shown, text

pytestmark = pytest.mark.django_db

SETTINGS = "/staff/settings/letters/"
WELCOME = "/staff/settings/letters/welcome/"


@pytest.fixture
def admin_client(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    return sign_in_fully(client, admin)


@pytest.fixture
def child(devon):
    return child_with_record(authority=devon, first_name="Isla", last_name="Moorcroft")


def letters_url(child) -> str:
    return reverse("staff:child-letters", kwargs={"child_id": child.pk})


def preview(client, child, kind="welcome"):
    return client.get(
        reverse("staff:child-letter-preview", kwargs={"child_id": child.pk}), {"kind": kind}
    )


def previewed(response) -> str:
    return re.search(r'name="previewed" value="([0-9a-f]+)"', response.content.decode())[1]


def test_an_la_admin_changes_a_letter_and_officers_letters_use_it(
    admin_client, officer, child, client
):
    listed = admin_client.get(SETTINGS)
    assert "Welcome letter" in text(listed.content.decode())
    form = admin_client.get(WELCOME)
    assert "{child_name}" in text(form.content.decode())

    saved = admin_client.post(
        WELCOME,
        {"title": "Welcome, {child_first_name}", "body": "Dear {parent_name}", "version": "0"},
    )

    assert saved.status_code == 302
    assert LetterTemplate.objects.get().title == "Welcome, {child_first_name}"
    shown = preview(sign_in_fully(client, officer), child)
    assert "Welcome, Isla" in text(shown.content.decode())


def test_a_template_with_an_unknown_placeholder_is_refused_with_its_name(admin_client):
    response = admin_client.post(
        WELCOME, {"title": "Welcome", "body": "Dear {parent_nme}", "version": "0"}
    )

    assert_errors_shown(
        response,
        [
            (
                "id_body",
                "{parent_nme} is not a placeholder this service knows – use one of the "
                "placeholders listed, spelt as shown",
            )
        ],
    )
    assert response.content.decode().count("<title>Error: ") == 1
    assert not LetterTemplate.objects.exists()


def test_a_template_page_loaded_before_someone_else_saved_is_refused(admin_client):
    admin_client.post(WELCOME, {"title": "First", "body": "First", "version": "0"})

    response = admin_client.post(WELCOME, {"title": "Second", "body": "Second", "version": "0"})

    assert "Someone else has changed this letter" in text(response.content.decode())
    assert LetterTemplate.objects.get().title == "First"


@pytest.mark.parametrize("role", [StaffRole.OFFICER, StaffRole.MANAGER])
def test_only_an_la_admin_may_change_letters(client, devon, role):
    sign_in_fully(client, StaffUserFactory(authority=devon, role=role))

    assert client.get(SETTINGS).status_code == 403
    refused = client.post(WELCOME, {"title": "Mine", "body": "Mine", "version": "0"})

    assert refused.status_code == 403
    assert not LetterTemplate.objects.exists()
    assert (
        AuditEvent.objects.filter(
            outcome=AuditEvent.Outcome.DENIED, object_type="letter_template"
        ).count()
        == 2
    )


def test_an_officer_previews_makes_and_downloads_a_letter_found_on_the_timeline(
    officer_client, child
):
    tab = officer_client.get(letters_url(child))
    assert "No letters have been made for Isla" in text(tab.content.decode())

    shown = preview(officer_client, child)
    page = text(shown.content.decode())
    assert "Preview: Welcome letter" in page
    assert "Isla Moorcroft" in page
    assert "will be kept as a PDF and emailed to" in page

    made = officer_client.post(
        letters_url(child), {"kind": "welcome", "previewed": previewed(shown)}, follow=True
    )

    letter = Letter.objects.get()
    assert "Welcome letter made and emailed to" in text(made.content.decode())
    timeline = officer_client.get(reverse("staff:child-timeline", kwargs={"child_id": child.pk}))
    assert "Letter made: Welcome letter" in text(timeline.content.decode())
    before = AuditEvent.objects.filter(children=[str(child.pk)]).count()
    download = officer_client.get(
        reverse("staff:child-letter-pdf", kwargs={"child_id": child.pk, "letter_id": letter.pk})
    )
    assert download["Content-Type"] == "application/pdf"
    assert "Isla Moorcroft" in pdf_text(download.content)
    assert AuditEvent.objects.filter(children=[str(child.pk)]).count() == before + 1


def test_a_letter_not_chosen_or_not_possible_gets_the_gov_uk_error(officer_client, child):
    none_chosen = officer_client.get(
        reverse("staff:child-letter-preview", kwargs={"child_id": child.pk})
    )
    assert_errors_shown(none_chosen, [("id_kind_1", "Select the kind of letter to make")])

    no_decision = preview(officer_client, child, kind=LetterKind.CONSENT_DECISION)
    assert_errors_shown(
        no_decision,
        [("id_kind_1", "There is no consent decision for this child yet – record one first")],
    )


def test_a_letter_whose_preview_is_out_of_date_is_not_made(officer_client, child):
    shown = preview(officer_client, child)
    child.last_name = "Moorcroft-Hale"
    child.save()

    response = officer_client.post(
        letters_url(child), {"kind": "welcome", "previewed": previewed(shown)}
    )

    assert "The letter has changed since you previewed it" in text(response.content.decode())
    assert "Moorcroft-Hale" in text(response.content.decode())
    assert not Letter.objects.exists()


def test_another_las_child_and_letters_are_not_found(client, cornwall_officer, officer, child):
    _page, draft = letter_preview_get(
        actor=staff_actor(officer), child_id=child.pk, kind="welcome"
    )
    letter = letter_make(
        actor=staff_actor(officer),
        child_id=child.pk,
        kind="welcome",
        previewed=letter_digest(draft.text),
    )
    sign_in_fully(client, cornwall_officer)

    assert client.get(letters_url(child)).status_code == 404
    assert preview(client, child).status_code == 404
    pdf = reverse("staff:child-letter-pdf", kwargs={"child_id": child.pk, "letter_id": letter.pk})
    assert client.get(pdf).status_code == 404
    assert (
        client.post(letters_url(child), {"kind": "welcome", "previewed": "x"}).status_code == 404
    )
    assert Letter.objects.count() == 1


def test_a_letter_carrying_safeguarding_values_is_kept_from_staff_not_cleared(
    client, officer, devon, child
):
    ChildSafeguarding.objects.create(
        child=child,
        child_protection_plan=ChildSafeguarding.Status.CURRENT,
        looked_after_reason="FIXTURE-SAFEGUARDING-REASON",
    )
    consent = ConsentRequest.objects.create(
        authority=devon,
        child=child,
        condition=ConsentRequest.Condition.CHILD_PROTECTION_PLAN,
        school_name="Exeter Road Academy",
        status=ConsentRequest.Status.GRANTED,
        requested_on=date(2026, 9, 1),
        decided_on=date(2026, 9, 20),
        reasons="FIXTURE-REASONS",
    )
    letter_template_save(
        authority=devon,
        kind=LetterKind.CONSENT_DECISION,
        title="Consent {decision}",
        body="Needed because of {consent_condition}",
        expected_version=0,
        actor=staff_actor(StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)),
    )
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)
    _page, draft = letter_preview_get(
        actor=staff_actor(cleared), child_id=child.pk, kind=LetterKind.CONSENT_DECISION
    )
    theirs = letter_make(
        actor=staff_actor(cleared),
        child_id=child.pk,
        kind=LetterKind.CONSENT_DECISION,
        previewed=letter_digest(draft.text),
    )
    assert consent.get_condition_display() in pdf_text(theirs.pdf)
    sign_in_fully(client, officer)

    pdf = reverse("staff:child-letter-pdf", kwargs={"child_id": child.pk, "letter_id": theirs.pk})
    assert client.get(pdf).status_code == 404
    assert "Download PDF" not in client.get(letters_url(child)).content.decode()
    shown = preview(client, child, kind=LetterKind.CONSENT_DECISION)
    assert "child protection plan" not in text(shown.content.decode()).lower()
    made = client.post(
        letters_url(child), {"kind": "consent_decision", "previewed": previewed(shown)}
    )
    assert made.status_code == 302
    mine = Letter.objects.exclude(pk=theirs.pk).get()
    assert "child protection plan" not in pdf_text(mine.pdf).lower()
    assert "FIXTURE-SAFEGUARDING-REASON" not in pdf_text(mine.pdf)
    timeline = text(
        client.get(reverse("staff:child-timeline", kwargs={"child_id": child.pk})).content.decode()
    )
    assert "child protection plan" not in timeline.lower()


def test_the_timeline_runs_the_same_statements_however_many_letters_and_requests(
    officer_client, officer, devon
):
    few = child_with_record(authority=devon)
    many = child_with_record(authority=devon)
    for n in range(5):
        _page, draft = letter_preview_get(
            actor=staff_actor(officer), child_id=many.pk, kind=LetterKind.WELCOME
        )
        letter_make(
            actor=staff_actor(officer),
            child_id=many.pk,
            kind=LetterKind.WELCOME,
            previewed=letter_digest(draft.text),
        )
        ConsentRequest.objects.create(
            authority=devon,
            child=many,
            condition=ConsentRequest.Condition.SPECIAL_SCHOOL,
            school_name=f"School {n}",
            status=ConsentRequest.Status.REFUSED,
            requested_on=date(2026, 1, n + 1),
            decided_on=date(2026, 2, n + 1),
            reasons="Not now",
        )

    counts = []
    for child in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert (
                officer_client.get(
                    reverse("staff:child-timeline", kwargs={"child_id": child.pk})
                ).status_code
                == 200
            )
        counts.append(len(queries))

    assert counts[0] == counts[1]
