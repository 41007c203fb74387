"""Reporting a change, with the Django test client: the page never reveals a reference."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from registers.models import ChildAddress, Notification, Task
from registers.rules.codes import NotificationKind
from tests.factories import child_with_record
from tests.receipts import confirmed_with_one_receipt

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    """Posts are counted per client per hour; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


NOW = datetime(2026, 10, 5, 11, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9))
    entry = child.entries.get()
    entry.reference = "HXK4-7QWT"
    entry.save()
    return entry


def text(response) -> str:
    return response.content.decode()


def dated(name: str, day: date) -> dict:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def identify(client, reference="HXK4-7QWT", born=date(2015, 4, 9)):
    return client.post(
        reverse("public:report-change"), {"reference": reference} | dated("date_of_birth", born)
    )


MOVE = {
    "address_line_1": "4 Quay Lane",
    "town": "Topsham",
    "postcode": "EX3 0JB",
} | dated("moving_on", date(2026, 11, 1))


def report_move(client, reference="HXK4-7QWT", born=date(2015, 4, 9), move=MOVE, email=""):
    identify(client, reference, born)
    client.post(reverse("public:report-change-kind"), {"kind": "moving_in_area"})
    client.post(reverse("public:report-change-details"), move)
    client.post(reverse("public:report-change-email"), {"email": email})
    return client.post(reverse("public:report-change-check"), follow=True)


def without_csrf_and_nonce(content: str) -> str:
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)
    return re.sub(r'nonce="[^"]+"', "", content)


def test_a_move_is_reported_and_linked_for_review(client, entry):
    addresses = list(ChildAddress.objects.values())
    assert identify(client).url == reverse("public:report-change-kind")
    kind = client.post(reverse("public:report-change-kind"), {"kind": "moving_in_area"})
    assert kind.url == reverse("public:report-change-details")
    details = client.post(reverse("public:report-change-details"), MOVE)
    assert details.url == reverse("public:report-change-email")
    email = client.post(details.url, {"email": ""})
    assert email.url == reverse("public:report-change-check")

    check = text(client.get(email.url))
    assert "Check your answers before reporting the change" in check
    for answer in ("HXK4-7QWT", "9 April 2015", "4 Quay Lane", "EX3 0JB", "1 November 2026"):
        assert answer in check
    assert f'href="{reverse("public:report-change-details")}#id_postcode"' in check

    done = client.post(reverse("public:report-change-check"), follow=True)
    assert "Change reported" in text(done)
    notification = Notification.objects.get()
    assert notification.kind == NotificationKind.CHANGE_OF_CIRCUMSTANCES
    assert notification.entry == entry
    assert Task.objects.get().kind == Task.Kind.REVIEW_NOTIFICATION
    assert list(ChildAddress.objects.values()) == addresses

    # Sent twice (double click, back button): one record, the same page.
    again = client.post(reverse("public:report-change-check"))
    assert again.url == reverse("public:report-change-done")
    assert Notification.objects.count() == 1


def test_the_confirmation_never_reveals_whether_a_reference_exists(
    client, django_user_model, entry
):
    matched = report_move(client)
    other_browser = client.__class__()
    unmatched = report_move(other_browser, reference="AAAA-AAAA")

    linked, unlinked = Notification.objects.order_by("id")
    assert matched.redirect_chain == unmatched.redirect_chain
    # Each report has its own reference; apart from it, the pages are the same.
    assert without_csrf_and_nonce(text(matched)).replace(
        linked.reference, "REFERENCE"
    ) == without_csrf_and_nonce(text(unmatched)).replace(unlinked.reference, "REFERENCE")
    assert "If the reference and date of birth match a child on our register" in text(matched)
    assert linked.entry == entry
    assert unlinked.entry is None
    assert Task.objects.filter(notification=unlinked).exists()


def test_the_confirmation_shows_the_reports_own_reference(client, entry):
    done = text(report_move(client))

    notification = Notification.objects.get()
    assert notification.reference != entry.reference
    assert f"Your reference is {notification.reference}" in done
    assert "We have sent you a confirmation email" not in done


def test_a_parent_who_gives_an_email_is_sent_a_receipt_once(client, entry, settings):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    done = text(report_move(client, email="robin@family.example"))
    # The back button, then "Accept and send" again.
    client.post(reverse("public:report-change-check"))

    confirmed_with_one_receipt(done, to="robin@family.example")


def test_the_email_is_on_check_answers_with_a_change_link(client, entry):
    identify(client)
    client.post(reverse("public:report-change-kind"), {"kind": "moving_in_area"})
    client.post(reverse("public:report-change-details"), MOVE)
    client.post(reverse("public:report-change-email"), {"email": "robin@family.example"})

    check = text(client.get(reverse("public:report-change-check")))

    assert "robin@family.example" in check
    assert f'href="{reverse("public:report-change-email")}#id_email"' in check


def test_a_badly_written_email_is_an_error(client, entry):
    identify(client)
    client.post(reverse("public:report-change-kind"), {"kind": "moving_in_area"})
    client.post(reverse("public:report-change-details"), MOVE)

    response = client.post(reverse("public:report-change-email"), {"email": "robin.example"})

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert "Enter an email address in the correct format" in text(response)


def test_typed_text_is_shown_escaped(client, entry):
    identify(client)
    client.post(reverse("public:report-change-kind"), {"kind": "other"})
    client.post(reverse("public:report-change-details"), {"details": "<script>alert(1)</script>"})

    check = text(client.get(reverse("public:report-change-check")))
    assert "<script>alert(1)</script>" not in check
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({}, "Enter your reference"),
        ({"reference": "HXK4-7QWT"}, "Enter your child&#x27;s date of birth"),
        (
            {"reference": "HXK4-7QWT"} | dated("date_of_birth", date(2027, 1, 1)),
            "Your child&#x27;s date of birth must be in the past",
        ),
        (
            {
                "reference": "HXK4-7QWT",
                "date_of_birth_0": "31",
                "date_of_birth_1": "2",
                "date_of_birth_2": "2015",
            },
            "Your child&#x27;s date of birth must be a real date",
        ),
        (
            {"reference": "HXK4-7QWT-TOOLONG"} | dated("date_of_birth", date(2015, 4, 9)),
            "Your reference must be 12 characters or fewer",
        ),
    ],
)
def test_bad_identity_answers_are_errors(client, entry, posted, message):
    response = client.post(reverse("public:report-change"), posted)

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert message in text(response)


def test_no_kind_of_change_is_an_error(client, entry):
    identify(client)
    response = client.post(reverse("public:report-change-kind"), {})
    assert "Select what has changed" in text(response)


@pytest.mark.parametrize(
    ("kind", "posted", "message"),
    [
        ("moving_in_area", MOVE | {"postcode": "EX3"}, "Enter a real postcode, like AA1 1AA"),
        ("moving_in_area", MOVE | {"town": ""}, "Enter town or city"),
        (
            "moving_in_area",
            MOVE | dated("moving_on", date(2027, 11, 1)),
            "Date you moved must be on or before 5 October 2027",
        ),
        ("leaving_area", {}, "Enter date you move"),
        ("returning_to_school", dated("school_from", date(2026, 11, 2)), "Enter the name of"),
        ("other", {"details": "x" * 2001}, "What has changed must be 2000 characters or fewer"),
        ("other", {}, "Enter what has changed"),
    ],
)
def test_bad_details_are_errors_and_nothing_is_saved(client, entry, kind, posted, message):
    identify(client)
    client.post(reverse("public:report-change-kind"), {"kind": kind})

    response = client.post(reverse("public:report-change-details"), posted)

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert message in text(response)
    assert not Notification.objects.exists()


def test_answers_left_idle_are_deleted_with_a_clear_page(client, entry, settings):
    identify(client)
    idle = NOW + timedelta(seconds=settings.CNIS_ANSWERS_IDLE_SECONDS + 1)
    with time_machine.travel(idle, tick=False):
        response = client.get(reverse("public:report-change-kind"))

    assert "Your answers have been deleted" in text(response)


def test_change_report_posts_are_rate_limited(client, entry, settings):
    settings.CNIS_PUBLIC_POSTS_PER_HOUR = 2
    identify(client)
    identify(client)

    response = identify(client)

    assert response.status_code == 429
