"""The Contacts and visits tab: an officer records a contact, a visit and a suitability
decision, each on its own page; dates out of order and a decision without evidence are refused
with GOV.UK errors and nothing recorded. A provider's email is recorded from its page."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from registers.models import Contact, Provider, RecordChange, SuitabilityDecision, Visit
from tests.factories import child_with_record
from tests.pages import assert_errors_shown, error_summary, summary_rows, text
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

TODAY = date.today()


def url(name: str, child, **kwargs) -> str:
    return reverse(name, kwargs={"child_id": child.pk, **kwargs})


def day(name: str, on: date | None) -> dict:
    if on is None:
        return {}
    return {f"{name}_0": on.day, f"{name}_1": on.month, f"{name}_2": on.year}


def notified_days_ago(devon, days: int):
    child = child_with_record(authority=devon)
    child.entries.update(notified_on=TODAY - timedelta(days=days))
    child.refresh_from_db()
    return child


def visit_posted(child, *, offered_on: date, visit_on: date | None, status="completed") -> dict:
    return {
        "version": child.version,
        "status": status,
        **day("offered_on", offered_on),
        **day("visit_on", visit_on),
        "at_home": "yes",
        "visited_by": "Jo Officer",
        "notes": "Saw maths and reading work",
    }


def table_rows(response) -> list[list[str]]:
    content = response.content.decode()
    return [
        [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', content, re.S)
        if "<td" in row
    ]


def test_the_tab_is_part_of_the_record(officer_client, devon):
    child = child_with_record(authority=devon)

    content = officer_client.get(url("staff:child-contacts", child)).content.decode()

    assert re.findall(r'aria-current="page">(.*?)</a>', content) == ["Contacts and visits"]
    assert "No visits recorded." in content
    assert "No contacts recorded." in content


def test_a_visit_is_recorded_and_shown_on_the_tab_and_the_timeline(officer_client, devon):
    child = notified_days_ago(devon, 20)
    assert officer_client.get(url("staff:child-visit-new", child)).status_code == 200

    response = officer_client.post(
        url("staff:child-visit-new", child),
        visit_posted(child, offered_on=TODAY - timedelta(days=10), visit_on=TODAY),
    )

    assert response.status_code == 302
    assert response.url == url("staff:child-contacts", child)
    tab = officer_client.get(response.url)
    offered = TODAY - timedelta(days=10)
    assert table_rows(tab) == [
        [
            f"{offered.day} {offered:%B %Y}",
            f"{TODAY.day} {TODAY:%B %Y}, at home",
            "Took place",
            "Jo Officer",
            "Saw maths and reading work",
            f"Update the visit offered on {offered.day} {offered:%B %Y}",
        ]
    ]
    timeline = officer_client.get(url("staff:child-timeline", child)).content.decode()
    assert "Visit at home: took place" in timeline


@pytest.mark.parametrize(
    ("offered_on", "visit_on", "expected"),
    [
        (
            TODAY - timedelta(days=21),
            TODAY,
            "id_offered_on_0",
        ),
        (TODAY - timedelta(days=5), TODAY - timedelta(days=6), "id_visit_on_0"),
        (TODAY - timedelta(days=5), TODAY + timedelta(days=1), "id_visit_on_0"),
    ],
    ids=["offered before the notification", "before the offer", "took place in the future"],
)
def test_a_visit_out_of_order_is_refused(officer_client, devon, offered_on, visit_on, expected):
    child = notified_days_ago(devon, 20)

    response = officer_client.post(
        url("staff:child-visit-new", child),
        visit_posted(child, offered_on=offered_on, visit_on=visit_on),
    )

    assert response.status_code == 200
    assert [target for target, _ in error_summary(response)] == [expected]
    assert not Visit.objects.exists()


def test_a_decision_without_evidence_is_refused(officer_client, devon):
    child = notified_days_ago(devon, 20)

    response = officer_client.post(
        url("staff:child-suitability-new", child),
        {"version": child.version, "outcome": "suitable", **day("decided_on", TODAY)},
    )

    assert_errors_shown(
        response, [("id_evidence", "Enter the evidence and reasons for the decision")]
    )
    assert not SuitabilityDecision.objects.exists()


def test_a_decision_is_shown_as_the_one_that_holds(officer_client, devon):
    child = notified_days_ago(devon, 20)

    officer_client.post(
        url("staff:child-suitability-new", child),
        {
            "version": child.version,
            "outcome": "not_yet_determined",
            **day("decided_on", TODAY),
            "evidence": "Waiting for the parent's report",
        },
    )

    rows = summary_rows(officer_client.get(url("staff:child-contacts", child)))
    assert rows["Decision"] == "Not yet determined"
    assert rows["Evidence and reasons"] == "Waiting for the parent's report"


def test_a_parents_report_is_recorded_as_a_contact(officer_client, devon):
    child = notified_days_ago(devon, 20)
    posted = {
        "version": child.version,
        "kind": "report",
        "direction": "in",
        **day("occurred_on", TODAY),
        "summary": "A report of the term's learning",
    }

    first = officer_client.post(url("staff:child-contact-new", child), posted)
    again = officer_client.post(url("staff:child-contact-new", child), posted)

    assert first.status_code == 302
    assert [message for _, message in error_summary(again)] == [
        "This record has changed since you opened the page – check it and try again"
    ]
    assert Contact.objects.count() == 1
    rows = table_rows(officer_client.get(url("staff:child-contacts", child)))
    assert rows[0][1:3] == [
        "Written report from the parent (from the family)",
        "A report of the term's learning",
    ]


def test_another_las_child_has_no_contacts_page(officer_client, cornwall):
    theirs = child_with_record(authority=cornwall, last_name="Trelawny")

    for response in (
        officer_client.get(url("staff:child-contacts", theirs)),
        officer_client.post(
            url("staff:child-visit-new", theirs),
            visit_posted(theirs, offered_on=TODAY, visit_on=TODAY),
        ),
    ):
        assert response.status_code == 404
        assert b"Trelawny" not in response.content
    assert not Visit.objects.exists()


def test_the_tab_runs_the_same_statements_however_much_is_recorded(officer_client, devon):
    child = notified_days_ago(devon, 20)
    entry = child.entries.get()

    def tab() -> None:
        assert officer_client.get(url("staff:child-contacts", child)).status_code == 200

    empty = len(statements_run(tab))
    for n in range(5):
        Contact.objects.create(
            entry=entry, kind="phone", direction="out", occurred_on=TODAY, summary=f"Call {n}"
        )
        Visit.objects.create(entry=entry, offered_on=TODAY - timedelta(days=n))
        SuitabilityDecision.objects.create(
            entry=entry, outcome="suitable", decided_on=TODAY, evidence=f"Seen {n}"
        )

    assert len(statements_run(tab)) == empty


def test_a_providers_email_is_recorded_with_its_source(officer_client, devon):
    child = child_with_record(authority=devon)
    provider = child.arrangements.get().provider
    page = reverse("staff:provider", kwargs={"provider_id": provider.pk})
    change = reverse("staff:provider-change-contact", kwargs={"provider_id": provider.pk})
    assert f'href="{change}"' in officer_client.get(page).content.decode()

    bad = officer_client.post(
        change, {"version": 0, "email": "not an email", "source": "provider_email"}
    )
    good = officer_client.post(
        change, {"version": 0, "email": "office@forest.example", "source": "provider_email"}
    )

    assert_errors_shown(
        bad,
        [("id_email", "Enter an email address in the correct format, like name@example.com")],
    )
    assert good.status_code == 302
    assert Provider.objects.get(pk=provider.pk).email == "office@forest.example"
    assert RecordChange.objects.get(provider=provider).source == "The provider, by email"


def test_a_visit_offered_is_updated_when_it_has_taken_place(officer_client, devon):
    child = notified_days_ago(devon, 20)
    offered_on = TODAY - timedelta(days=10)
    officer_client.post(
        url("staff:child-visit-new", child),
        visit_posted(child, offered_on=offered_on, visit_on=None, status="offered"),
    )
    visit = Visit.objects.get()
    change = url("staff:child-visit-change", child, visit_id=visit.pk)
    assert (
        f'href="{change}"'
        in officer_client.get(url("staff:child-contacts", child)).content.decode()
    )
    child.refresh_from_db()

    response = officer_client.post(
        change, visit_posted(child, offered_on=offered_on, visit_on=TODAY - timedelta(days=1))
    )

    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.visit_on) == ("completed", TODAY - timedelta(days=1))
    assert table_rows(officer_client.get(url("staff:child-contacts", child)))[0][2] == "Took place"


def test_the_parents_report_link_chooses_the_kind_of_contact(officer_client, devon):
    child = notified_days_ago(devon, 20)
    tab = officer_client.get(url("staff:child-contacts", child)).content.decode()
    link = url("staff:child-contact-new", child) + "?kind=report"
    assert f'href="{link}"' in tab

    form = officer_client.get(link).content.decode()

    assert re.search(r'value="report"\s+checked', form) or re.search(
        r'checked[^>]*value="report"', form
    )
