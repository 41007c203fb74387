"""Delivering the outbox: each email exactly once, failures kept for the next sweep."""

import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from registers.models import OutboxMessage
from registers.services import outbox
from registers.services.outbox import (
    email_enqueue,
    outbox_deliver,
    outbox_enqueue,
    outbox_sweep,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sweep_delivers(settings):
    # Production shape: the sweep delivers, nothing goes when the transaction commits.
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    settings.DEFAULT_FROM_EMAIL = "register@devon.example"


def enqueue(to: str = "parent@example.com", key: str = "confirmation:ABC123") -> OutboxMessage:
    with transaction.atomic():
        return email_enqueue(
            to=to, subject="We have your notification", body="Reference ABC123", dedupe_key=key
        )


@pytest.mark.django_db(transaction=True)
def test_an_email_is_only_enqueued_inside_the_transaction_of_its_work():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        email_enqueue(to="parent@example.com", subject="S", body="B", dedupe_key="k")

    assert not OutboxMessage.objects.exists()


def test_the_same_dedupe_key_is_enqueued_once():
    first = enqueue()
    second = enqueue()

    assert first.pk == second.pk
    assert OutboxMessage.objects.count() == 1
    assert mail.outbox == []


def test_delivering_sends_the_email_and_marks_it_published():
    message = enqueue()

    assert outbox_deliver(message_id=message.pk) is True

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["parent@example.com"]
    assert sent.from_email == "register@devon.example"
    assert sent.subject == "We have your notification"
    assert "Reference ABC123" in sent.body
    message.refresh_from_db()
    assert message.published_at is not None
    assert message.attempts == 0


def test_a_published_message_is_not_sent_again():
    message = enqueue()
    outbox_deliver(message_id=message.pk)

    assert outbox_deliver(message_id=message.pk) is False
    assert outbox_sweep() == 0
    assert len(mail.outbox) == 1


def test_a_failed_send_is_noted_without_the_address_and_retried_by_the_next_sweep(monkeypatch):
    message = enqueue(to="parent@example.com")

    def refused(**kwargs):
        raise smtplib.SMTPRecipientsRefused({"parent@example.com": (550, b"mailbox busy")})

    monkeypatch.setattr(outbox, "send_mail", refused)
    assert outbox_deliver(message_id=message.pk) is False
    assert outbox_sweep() == 0

    message.refresh_from_db()
    assert message.published_at is None
    assert message.attempts == 2
    assert message.last_error.startswith("SMTPRecipientsRefused: ")
    assert "@" not in message.last_error
    assert "[email address]" in message.last_error
    assert len(message.last_error) <= outbox.LAST_ERROR_LENGTH

    monkeypatch.undo()
    assert outbox_sweep() == 1
    assert [sent.to for sent in mail.outbox] == [["parent@example.com"]]
    message.refresh_from_db()
    assert message.published_at is not None


def test_a_long_error_is_cut_short(monkeypatch):
    message = enqueue()

    def failing(**kwargs):
        raise ConnectionRefusedError("x" * 5000)

    monkeypatch.setattr(outbox, "send_mail", failing)
    outbox_deliver(message_id=message.pk)

    message.refresh_from_db()
    assert message.last_error.startswith("ConnectionRefusedError: xxx")
    assert len(message.last_error) == outbox.LAST_ERROR_LENGTH


def test_a_topic_without_a_publisher_stays_pending_with_the_reason():
    with transaction.atomic():
        message = outbox_enqueue(topic="letter", payload={"to": "x"}, dedupe_key="letter:1")

    assert outbox_deliver(message_id=message.pk) is False

    message.refresh_from_db()
    assert message.published_at is None
    assert message.attempts == 1
    assert message.last_error == "ValueError: No publisher for outbox topic 'letter'"


def test_one_failing_message_does_not_hold_up_the_others(monkeypatch):
    first = enqueue(to="first@example.com", key="a")
    enqueue(to="second@example.com", key="b")
    real_send_mail = outbox.send_mail

    def refuse_first(**kwargs):
        if kwargs["recipient_list"] == ["first@example.com"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send_mail(**kwargs)

    monkeypatch.setattr(outbox, "send_mail", refuse_first)

    assert outbox_sweep() == 1
    assert [sent.to for sent in mail.outbox] == [["second@example.com"]]
    first.refresh_from_db()
    assert first.published_at is None
    assert first.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"


def test_the_sweep_sends_the_oldest_first_up_to_its_limit():
    now = timezone.now()
    for age, to in [
        (1, "newest@example.com"),
        (3, "oldest@example.com"),
        (2, "middle@example.com"),
    ]:
        message = enqueue(to=to, key=to)
        OutboxMessage.objects.filter(pk=message.pk).update(created_at=now - timedelta(hours=age))

    assert outbox_sweep(limit=2) == 2
    assert [sent.to for sent in mail.outbox] == [["oldest@example.com"], ["middle@example.com"]]

    assert outbox_sweep(limit=2) == 1
    assert mail.outbox[-1].to == ["newest@example.com"]
    assert not OutboxMessage.objects.filter(published_at__isnull=True).exists()


def test_a_message_that_keeps_failing_is_left_for_an_operator_and_holds_nothing_up(settings):
    settings.CNIS_OUTBOX_MAX_ATTEMPTS = 3
    stuck = enqueue(to="stuck@example.com", key="stuck")
    OutboxMessage.objects.filter(pk=stuck.pk).update(
        attempts=2, created_at=timezone.now() - timedelta(days=1)
    )
    fresh = enqueue(to="fresh@example.com", key="fresh")

    assert outbox_sweep(limit=1) == 1
    assert mail.outbox[0].to == ["fresh@example.com"]

    OutboxMessage.objects.filter(pk=stuck.pk).update(attempts=3)
    assert outbox_sweep() == 0
    stuck.refresh_from_db()
    assert stuck.published_at is None
    fresh.refresh_from_db()
    assert fresh.published_at is not None


def test_an_empty_outbox_sends_nothing():
    assert outbox_sweep() == 0
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_message_another_sweep_is_delivering_is_skipped_not_sent_twice(postgres_only):
    message = enqueue()
    results: list[bool] = []

    def second_sweep() -> None:
        try:
            results.append(outbox_deliver(message_id=message.pk))
        finally:
            connection.close()

    with transaction.atomic():
        # The first sweep holds the row while it sends.
        OutboxMessage.objects.select_for_update().get(pk=message.pk)
        thread = threading.Thread(target=second_sweep)
        thread.start()
        thread.join(timeout=10)

    assert results == [False]
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.published_at is None
    assert message.attempts == 0
