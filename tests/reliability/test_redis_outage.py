"""A notification sent while Redis is down is saved, and its email goes once Redis is back.

These tests commit for real (transaction=True): the outbox row must be visible to the Celery
worker's own database connection, and on-commit delivery needs a real commit.
"""

from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from cnis.celery import app
from registers.intake.notification import notification_details_validate
from registers.models import Notification, OutboxMessage, RegisterEntry
from registers.public.notify import routing
from registers.public.notify.details import notification_data
from registers.rules.codes import (
    NotificationSource,
    PrimaryReason,
    Relationship,
    SenProvision,
    Sex,
)
from registers.services.notifications import notification_submit
from registers.tasks.outbox import outbox_sweep
from tests.factories import public_actor

PARENT_EMAIL = "parent.outage@example.com"
WORKER_WAIT_SECONDS = 30


def notification_answers() -> dict:
    """A complete "Tell us your child is not in school" journey, keyed by page name."""
    today = timezone.localdate()
    return {
        routing.CHILD_NAME: {"first_name": "Ada", "middle_names": "", "last_name": "Outage"},
        routing.CHILD_DATE_OF_BIRTH: {"date_of_birth": date(today.year - 10, 3, 14).isoformat()},
        routing.CHILD_SEX: {"sex": Sex.FEMALE},
        routing.CHILD_ADDRESS: {
            "line_1": "1 Test Street",
            "line_2": "",
            "town": "Exeter",
            "postcode": "EX1 1AA",
        },
        routing.CHILD_MOVED_IN: {"month": 1, "year": today.year - 5, "under_12_months": False},
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION: {"has_additional_address": "no"},
        routing.numbered(routing.PARENT_NAME, 1): {"first_name": "Grace", "last_name": "Outage"},
        routing.numbered(routing.PARENT_RELATIONSHIP, 1): {"relationship": Relationship.MOTHER},
        routing.numbered(routing.PARENT_ADDRESS, 1): {"same_as_child": "yes"},
        routing.numbered(routing.PARENT_CONTACT, 1): {"email": PARENT_EMAIL, "phone": ""},
        routing.numbered(routing.PARENT_EDUCATES, 1): {"educates": "yes"},
        routing.PARENTS_SUMMARY: {"count": 1, "add_another": "no"},
        routing.EDUCATION_HOURS: {"hours": "20"},
        routing.OTHER_PROVIDERS_QUESTION: {"has_providers": "no"},
        routing.SCHOOL: {
            "never_at_school": False,
            "school_name": "Test Primary School",
            "still_on_roll": "no",
            "special_school": "no",
        },
        routing.REASON: {"reason": PrimaryReason.PHILOSOPHICAL},
        routing.SEN: {"sen": SenProvision.NONE},
        routing.SUPPORT: {"wants_support": "no"},
        routing.DECLARATION: {"confirmed": True},
    }


def submit(authority, key: str = "outage-journey-1") -> Notification:
    return notification_submit(
        authority=authority,
        details=notification_details_validate(
            notification_data(notification_answers()), today=timezone.localdate()
        ),
        source=NotificationSource.PARENT,
        idempotency_key=key,
        actor=public_actor(client_address="198.51.100.7"),
    )


@pytest.mark.django_db(transaction=True)
def test_a_notification_sent_while_redis_is_down_is_saved_and_emailed_once_it_is_back(
    celery_on_private_redis, finished_tasks, devon, monkeypatch
):
    redis_server = celery_on_private_redis
    redis_server.stop()
    broker_connections: list[str] = []

    with monkeypatch.context() as spy:
        spy.setattr(
            "kombu.connection.Connection._establish_connection",
            lambda connection: broker_connections.append(connection.as_uri()),
        )
        notification = submit(devon)

    assert broker_connections == []
    assert Notification.objects.filter(pk=notification.pk).exists()
    assert RegisterEntry.objects.filter(reference=notification.reference).exists()
    message = OutboxMessage.objects.get()
    assert message.payload["to"] == PARENT_EMAIL
    assert message.published_at is None
    assert mail.outbox == []

    # The beat cannot hand the sweep to a broker that is down; the email waits in the outbox.
    with pytest.raises(OperationalError):
        outbox_sweep.delay()
    message.refresh_from_db()
    assert message.published_at is None
    assert mail.outbox == []

    redis_server.start()
    with start_worker(app, perform_ping_check=False, pool="solo"):
        outbox_sweep.delay()
        assert finished_tasks.get(timeout=WORKER_WAIT_SECONDS) == (
            outbox_sweep.name,
            "SUCCESS",
            1,
        )
        outbox_sweep.delay()
        assert finished_tasks.get(timeout=WORKER_WAIT_SECONDS) == (
            outbox_sweep.name,
            "SUCCESS",
            0,
        )

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [PARENT_EMAIL]
    assert notification.reference in sent.body
    message.refresh_from_db()
    assert message.published_at is not None


class Abandoned(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_without_a_broker_the_email_goes_as_soon_as_the_notification_commits(settings, devon):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = True

    with transaction.atomic():
        notification = submit(devon)
        assert mail.outbox == []

    assert [sent.to for sent in mail.outbox] == [[PARENT_EMAIL]]
    assert notification.reference in mail.outbox[0].body
    assert not OutboxMessage.objects.filter(published_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_without_a_broker_nothing_is_sent_when_the_transaction_rolls_back(settings, devon):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = True

    with pytest.raises(Abandoned), transaction.atomic():
        submit(devon)
        raise Abandoned

    assert mail.outbox == []
    assert not Notification.objects.exists()
    assert not OutboxMessage.objects.exists()
