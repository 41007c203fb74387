"""Posts to public forms are limited per client address (S10, ASVS 2.4.1); the limit fails open."""

import socket
import time
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cnis.celery import app
from registers.models import Notification
from registers.public.authority import CHOSEN
from tests.factories import child_with_record
from tests.public.test_notify_pages import JOURNEY

pytestmark = pytest.mark.django_db

TOO_MANY = "Sorry, there have been too many attempts"
# Two minutes into an hour, so an hour's worth of test never straddles two windows by accident.
START = datetime(2026, 11, 2, 9, 2, tzinfo=UTC)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def limit(settings) -> int:
    settings.CNIS_PUBLIC_POSTS_PER_HOUR = 3
    return 3


@pytest.fixture
def chooser(devon, cornwall) -> str:
    return reverse("public:choose-authority")


def closed_port() -> int:
    """A localhost port that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def choose(client, url: str, authority, address: str = "198.51.100.7"):
    return client.post(url, {"authority": authority.pk}, REMOTE_ADDR=address)


def test_posts_beyond_the_limit_get_the_too_many_attempts_page(client, limit, chooser, devon):
    with time_machine.travel(START, tick=False):
        for _ in range(limit):
            assert choose(client, chooser, devon).status_code == 302

        response = choose(client, chooser, devon)

    assert response.status_code == 429
    content = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{TOO_MANY}</h1>' in content
    assert "Wait an hour, then try again" in content
    assert "Skip to main content" in content  # the service's own layout, not a bare error
    assert response["Retry-After"] == str(58 * 60)


def test_a_refused_post_changes_nothing(client, limit, chooser, devon, cornwall):
    with time_machine.travel(START, tick=False):
        for _ in range(limit):
            choose(client, chooser, devon)
        assert choose(client, chooser, cornwall).status_code == 429

        assert client.session[CHOSEN] == devon.pk


def test_another_address_is_not_affected(client, limit, chooser, devon):
    with time_machine.travel(START, tick=False):
        for _ in range(limit + 1):
            choose(client, chooser, devon, address="198.51.100.7")

        assert choose(client, chooser, devon, address="203.0.113.9").status_code == 302
        assert choose(client, chooser, devon, address="198.51.100.7").status_code == 429


def test_pages_read_with_get_are_not_counted(client, limit, chooser, devon):
    with time_machine.travel(START, tick=False):
        for _ in range(limit * 3):
            assert client.get(chooser, REMOTE_ADDR="198.51.100.7").status_code == 200

        for _ in range(limit):
            assert choose(client, chooser, devon).status_code == 302
        assert client.get(chooser, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_limit_resets_after_an_hour(client, limit, chooser, devon):
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(limit + 1):
            choose(client, chooser, devon)
        assert choose(client, chooser, devon).status_code == 429

        traveller.shift(timedelta(minutes=50))
        assert choose(client, chooser, devon).status_code == 429

        traveller.shift(timedelta(hours=1))
        for _ in range(limit):
            assert choose(client, chooser, devon).status_code == 302
        assert choose(client, chooser, devon).status_code == 429


def test_posts_are_allowed_when_the_cache_is_down(client, settings, limit, chooser, devon):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    for _ in range(limit * 2):
        assert choose(client, chooser, devon).status_code == 302


@pytest.fixture
def unreachable_broker(settings, monkeypatch):
    """Celery as in production, but pointed at a port nothing listens on."""
    broker = f"redis://127.0.0.1:{closed_port()}/0"
    # Celery prefers CELERY_BROKER_URL from the environment to its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", broker)
    previous = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    settings.CELERY_BROKER_URL = broker
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(broker_url=broker, task_always_eager=False)
    yield broker
    app.conf.update(previous)


def test_a_public_post_never_calls_the_broker(
    client, unreachable_broker, chooser, devon, monkeypatch
):
    connections: list[str] = []
    monkeypatch.setattr(
        "kombu.connection.Connection._establish_connection",
        lambda connection: connections.append(connection.as_uri()),
    )

    started = time.monotonic()
    response = choose(client, chooser, devon)

    assert response.status_code == 302
    assert time.monotonic() - started < 1
    assert connections == []


PROXY = "10.0.0.2"


def through_proxy(client, url: str, authority, forwarded_for: str):
    return client.post(
        url, {"authority": authority.pk}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
    )


def test_parents_behind_the_reverse_proxy_are_counted_apart(
    client, limit, chooser, devon, settings
):
    settings.CNIS_TRUSTED_PROXY_COUNT = 1
    with time_machine.travel(START, tick=False):
        for _ in range(limit):
            assert through_proxy(client, chooser, devon, "198.51.100.7").status_code == 302
        assert through_proxy(client, chooser, devon, "198.51.100.7").status_code == 429

        assert through_proxy(client, chooser, devon, "203.0.113.9").status_code == 302


def test_a_client_cannot_escape_the_limit_with_its_own_forwarded_for(
    client, limit, chooser, devon, settings
):
    settings.CNIS_TRUSTED_PROXY_COUNT = 1
    with time_machine.travel(START, tick=False):
        for _ in range(limit):
            through_proxy(client, chooser, devon, "198.51.100.7")

        # The proxy appends the address it saw to whatever the client sent.
        for invented in ("203.0.113.9", "203.0.113.10, 203.0.113.11", "unknown"):
            forwarded_for = f"{invented}, 198.51.100.7"
            assert through_proxy(client, chooser, devon, forwarded_for).status_code == 429


# Completed submissions: a notification, a change report, a support request. A notification is
# about 35 page posts; only its sending counts against the submissions limit.


def notify_page(page: str) -> str:
    return reverse("public:notify-page", kwargs={"page": page})


def notification_sent(client) -> object:
    """A parent answers every page of the notification, then accepts the declaration."""
    client.get(reverse("public:notify-start"))
    for page, data in JOURNEY:
        response = client.post(notify_page(page), data)
        assert response.status_code == 302, (page, response.status_code)
    return client.post(notify_page("declaration"), {"confirmed": "confirmed"})


@pytest.fixture
def entry(devon):
    child = child_with_record(authority=devon, date_of_birth=date(2015, 4, 9))
    return child.entries.get()


def change_report_sent(client, entry) -> object:
    client.post(
        reverse("public:report-change"),
        {
            "reference": entry.reference,
            "date_of_birth_0": "9",
            "date_of_birth_1": "4",
            "date_of_birth_2": "2015",
        },
    )
    client.post(reverse("public:report-change-kind"), {"kind": "other"})
    client.post(reverse("public:report-change-details"), {"details": "A new tutor"})
    response = client.post(reverse("public:report-change-email"), {"email": ""})
    assert response["Location"] == reverse("public:report-change-check")
    return client.post(reverse("public:report-change-check"))


def support_request_sent(client, entry) -> object:
    return client.post(
        reverse("public:support"),
        {
            "name": "Morwenna Pascoe",
            "email": "morwenna@family.example",
            "child_name": "Jory Pascoe",
            "support_wanted": "Advice about GCSE exam centres",
            "idempotency_key": uuid.uuid4().hex,
        },
    )


def test_ten_families_at_one_address_all_send_their_notifications(devon):
    with time_machine.travel(START, tick=False):
        for _ in range(10):
            assert notification_sent(Client())["Location"] == reverse("public:notify-confirmation")

    assert Notification.objects.count() == 10


def test_a_notification_over_the_limit_gets_the_too_many_attempts_page(devon, settings):
    settings.CNIS_PUBLIC_SUBMISSIONS_PER_HOUR = 2
    with time_machine.travel(START, tick=False):
        for _ in range(2):
            assert notification_sent(Client()).status_code == 302

        # Every page of the third family's journey is answered; only the sending is refused.
        refused = notification_sent(Client())

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert Notification.objects.count() == 2


@pytest.mark.parametrize("sent", [change_report_sent, support_request_sent])
def test_change_reports_and_support_requests_over_the_limit_are_refused(entry, settings, sent):
    settings.CNIS_PUBLIC_SUBMISSIONS_PER_HOUR = 1
    with time_machine.travel(START, tick=False):
        assert sent(Client(), entry).status_code == 302
        saved = Notification.objects.count()

        refused = sent(Client(), entry)

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert Notification.objects.count() == saved
