"""A parent answers an update request through the link, with the Django test client."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from registers.actors import SCHEDULER
from registers.models import InformationRequest, Notification, OutboxMessage, Task
from registers.services.update_requests import update_request_send
from tests.factories import entry_asked_for_updates
from tests.links import link_sent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    """Posts are counted per client per hour; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


SENT = datetime(2026, 10, 3, 10, tzinfo=ZoneInfo("Europe/London"))
ANSWERED = SENT + timedelta(days=7)
NEW_LINK_SENT = (
    "If the details match a child on our register, we will email a new link to the address we hold"
)


@pytest.fixture
def entry(devon):
    return entry_asked_for_updates(authority=devon, registered_on=date(2026, 6, 1))


@pytest.fixture
def token(entry):
    with time_machine.travel(SENT, tick=False):
        return link_sent(update_request_send(entry=entry, actor=SCHEDULER))


@pytest.fixture
def a_week_later():
    with time_machine.travel(ANSWERED, tick=False):
        yield


def url(name: str, token: str) -> str:
    return reverse(name, kwargs={"token": token})


def text(response) -> str:
    return response.content.decode()


def test_the_link_shows_what_the_la_holds(client, entry, token, a_week_later):
    response = client.get(url("public:update-request", token))

    content = text(response)
    assert response.status_code == 200
    assert "Check the information we hold" in content
    assert "Isla Moorcroft" in content
    assert "9 April 2015" in content
    assert str(entry.child.addresses.get().address) in content
    assert entry.child.arrangements.get().provider.name in content
    assert "Is this information still correct?" in content


def test_everything_correct_then_declaration_then_done(client, entry, token, a_week_later):
    response = client.post(url("public:update-request", token), {"still_correct": "yes"})
    assert response.url == url("public:update-request-check", token)

    check = client.get(response.url)
    assert "Check your answers before sending your update" in text(check)
    assert "Accept and send" in text(check)

    done = client.post(url("public:update-request-check", token), follow=True)
    assert "Update sent" in text(done)
    assert "Your reference is HXK4-7QWT" in text(done)
    notification = Notification.objects.get()
    assert notification.payload["still_correct"] is True
    assert Task.objects.filter(kind=Task.Kind.REVIEW_NOTIFICATION).count() == 1

    # A double click or the back button: the same confirmation, still one record.
    again = client.post(url("public:update-request-check", token))
    assert again.url == reverse("public:update-request-done")
    assert Notification.objects.count() == 1


def test_a_used_link_is_refused_with_a_way_to_ask_again(client, entry, token, a_week_later):
    client.post(url("public:update-request", token), {"still_correct": "yes"})
    client.post(url("public:update-request-check", token))

    for other_browser in (client.__class__(), client):
        response = other_browser.get(url("public:update-request", token))
        assert response.status_code == 410
        assert "This link has already been used" in text(response)
        assert "Ask for a new link" in text(response)
        assert "Isla" not in text(response)
    replay = client.__class__().post(url("public:update-request-check", token))
    assert replay.status_code == 410
    assert Notification.objects.count() == 1


def test_an_expired_link_gets_the_clear_page(client, entry, token):
    with time_machine.travel(SENT + timedelta(days=28, seconds=1), tick=False):
        response = client.get(url("public:update-request", token))

    assert response.status_code == 410
    assert "This link has expired" in text(response)
    assert "Ask for a new link" in text(response)
    assert 'name="date_of_birth_0"' in text(response)
    assert "Isla" not in text(response)


@pytest.mark.parametrize("page", ["public:update-request", "public:update-request-check"])
def test_a_tampered_or_unknown_link_is_not_valid(client, token, a_week_later, page):
    tampered = token[:-2] + ("xy" if token[-2:] != "xy" else "yz")

    response = client.get(url(page, tampered))
    assert response.status_code == 404
    assert "This link is not valid" in text(response)
    post = client.post(url(page, tampered), {"still_correct": "yes"})
    assert post.status_code == 404
    assert not Notification.objects.exists()


def test_no_answer_to_the_question_is_an_error(client, token, a_week_later):
    response = client.post(url("public:update-request", token), {})

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert "Select yes if the information is still correct" in text(response)
    assert text(response).count('href="#id_still_correct') == 1


def start_changes(client, token) -> str:
    client.post(url("public:update-request", token), {"still_correct": "no"})
    return url("public:update-request-changes", token)


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({}, "Tell us what has changed"),
        (
            {"address_line_1": "4 Quay Lane", "town": "Topsham", "postcode": "EX3"},
            "Enter a real postcode, like AA1 1AA",
        ),
        ({"town": "Topsham", "postcode": "EX3 0JB"}, "Enter address line 1"),
        ({"hours_by_parents": "200"}, "must be 168 or fewer – there are 168 hours in a week"),
        ({"hours_by_parents": "-1"}, "Hours a week you teach your child must be 0 or more"),
        ({"hours_by_parents": "lots"}, "must be a number"),
        ({"anything_else": "x" * 2001}, "Anything else must be 2000 characters or fewer"),
    ],
)
def test_bad_changes_show_an_error_and_save_nothing(client, token, a_week_later, posted, message):
    changes = start_changes(client, token)

    response = client.post(changes, posted)

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert message in text(response)
    assert not Notification.objects.exists()


def test_changes_are_checked_then_sent_and_typed_text_is_escaped(client, token, a_week_later):
    changes = start_changes(client, token)

    response = client.post(
        changes,
        {
            "address_line_1": "4 Quay Lane",
            "town": "Topsham",
            "postcode": "ex3 0jb",
            "anything_else": "<script>alert(1)</script>",
        },
    )
    assert response.url == url("public:update-request-check", token)
    check = text(client.get(response.url))
    assert "EX3 0JB" in check
    assert "<script>alert(1)</script>" not in check
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check
    assert f'href="{changes}#id_postcode"' in check

    client.post(url("public:update-request-check", token))
    notification = Notification.objects.get()
    assert notification.payload["changes"]["anything_else"] == "<script>alert(1)</script>"


def test_answers_left_idle_are_deleted_with_a_clear_page(client, token, settings):
    with time_machine.travel(ANSWERED, tick=False):
        client.post(url("public:update-request", token), {"still_correct": "yes"})
    idle = ANSWERED + timedelta(seconds=settings.CNIS_ANSWERS_IDLE_SECONDS + 1)
    with time_machine.travel(idle, tick=False):
        response = client.post(url("public:update-request-check", token))

    assert "Your answers have been deleted" in text(response)
    assert not Notification.objects.exists()


def ask_again(client, reference: str, born: date):
    return client.post(
        reverse("public:update-new-link"),
        {
            "reference": reference,
            "date_of_birth_0": born.day,
            "date_of_birth_1": born.month,
            "date_of_birth_2": born.year,
        },
        follow=True,
    )


def without_csrf_and_nonce(content: str) -> str:
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)
    return re.sub(r'nonce="[^"]+"', "", content)


def test_asking_again_never_says_whether_the_details_matched(client, entry, token):
    with time_machine.travel(SENT + timedelta(days=30), tick=False):
        matched = ask_again(client, "hxk4 7qwt", date(2015, 4, 9))
        unmatched = ask_again(client, "AAAA-AAAA", date(2015, 4, 9))

    assert NEW_LINK_SENT in text(matched)
    assert matched.redirect_chain == unmatched.redirect_chain
    assert without_csrf_and_nonce(text(matched)) == without_csrf_and_nonce(text(unmatched))
    # Only the match, whose last link expired unanswered, was sent a new one.
    assert InformationRequest.objects.count() == 2
    assert OutboxMessage.objects.count() == 2


def test_asking_again_while_the_link_still_works_sends_nothing(client, entry, token):
    with time_machine.travel(ANSWERED, tick=False):
        response = ask_again(client, "HXK4-7QWT", date(2015, 4, 9))

    assert NEW_LINK_SENT in text(response)
    assert InformationRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("reference", "born", "message"),
    [
        ("", date(2015, 4, 9), "Enter your reference"),
        ("HXK4-7QWT", date(2030, 1, 1), "Your child&#x27;s date of birth must be in the past"),
    ],
)
def test_asking_again_with_bad_details_is_an_error(client, entry, reference, born, message):
    response = ask_again(client, reference, born)

    assert "There is a problem" in text(response)
    assert message in text(response)


def test_asking_again_with_an_impossible_date_is_an_error(client, entry):
    response = client.post(
        reverse("public:update-new-link"),
        {
            "reference": "HXK4-7QWT",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "2015",
        },
    )
    assert "Your child&#x27;s date of birth must be a real date" in text(response)
