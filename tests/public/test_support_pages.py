"""Asking for support (s.436G), with the Django test client."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from registers.models import Notification, OutboxMessage, Task
from registers.rules.codes import NotificationKind
from tests.receipts import confirmed_with_one_receipt

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


def text(response) -> str:
    return response.content.decode()


def form_key(client) -> str:
    page = text(client.get(reverse("public:support")))
    return re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)


def answers(client, **overrides) -> dict:
    return {
        "name": "Morwenna Pascoe",
        "email": "morwenna@family.example",
        "phone": "",
        "child_name": "Jory Pascoe",
        "reference": "",
        "support_wanted": "Advice about GCSE exam centres",
        "idempotency_key": form_key(client),
    } | overrides


def test_a_support_request_is_sent_and_confirmed_with_a_reference(client, devon):
    posted = answers(client)

    response = client.post(reverse("public:support"), posted, follow=True)

    notification = Notification.objects.get()
    assert notification.kind == NotificationKind.SUPPORT_REQUEST
    assert "Request sent" in text(response)
    assert f"Your reference is {notification.reference}" in text(response)
    assert Task.objects.get().kind == Task.Kind.SUPPORT_REQUEST

    # The same form sent again (double click): still one request.
    client.post(reverse("public:support"), posted)
    assert Notification.objects.count() == 1


def test_a_parent_who_gives_an_email_is_sent_a_receipt_once(client, devon, settings):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    posted = answers(client)

    done = text(client.post(reverse("public:support"), posted, follow=True))
    client.post(reverse("public:support"), posted)

    confirmed_with_one_receipt(done, to="morwenna@family.example")


def test_a_parent_who_gives_only_a_phone_number_is_not_told_of_an_email(client, devon):
    posted = answers(client, email="", phone="01632 960001")

    done = text(client.post(reverse("public:support"), posted, follow=True))

    assert "Request sent" in done
    assert "We have sent you a confirmation email" not in done
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter your name"),
        (
            {"email": "", "phone": ""},
            "Enter an email address or a phone number, so that we can contact you",
        ),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"phone": "call me"}, "Enter a phone number, like 01632 960 001"),
        ({"child_name": ""}, "Enter your child&#x27;s name"),
        ({"support_wanted": ""}, "Enter what support you would like"),
        (
            {"support_wanted": "x" * 2001},
            "What support you would like must be 2000 characters or fewer",
        ),
    ],
)
def test_bad_answers_are_errors_and_nothing_is_saved(client, devon, overrides, message):
    response = client.post(reverse("public:support"), answers(client, **overrides))

    assert response.status_code == 200
    assert "There is a problem" in text(response)
    assert message in text(response)
    assert not Notification.objects.exists()


def test_what_a_parent_typed_is_never_shown_unescaped(client, devon):
    response = client.post(
        reverse("public:support"),
        answers(client, name="<script>alert(1)</script>", support_wanted=""),
    )
    assert "<script>alert(1)</script>" not in text(response)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text(response)


def test_the_start_page_links_to_report_a_change_and_support(client, devon):
    content = text(client.get(reverse("public:start")))
    assert f'href="{reverse("public:report-change")}"' in content
    assert f'href="{reverse("public:support")}"' in content
