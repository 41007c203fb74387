"""The transactional outbox: side effects are rows written with the data they follow.

A request never talks to the broker. It writes an OutboxMessage in its own transaction; the
sweep (a Celery beat task) delivers what is pending, so a parent's submission succeeds even while
Redis is down, and its email goes once Redis is back.
"""

from django.db import transaction

from registers.models import OutboxMessage

EMAIL = "email"


def outbox_enqueue(*, topic: str, payload: dict, dedupe_key: str) -> OutboxMessage:
    """Add a side effect to the current transaction; the same dedupe key is enqueued once."""
    message, _ = OutboxMessage.objects.get_or_create(
        dedupe_key=dedupe_key, defaults={"topic": topic, "payload": payload}
    )
    return message


def email_enqueue(*, to: str, subject: str, body: str, dedupe_key: str) -> OutboxMessage:
    """An email, sent by the outbox sweep after this transaction commits."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Emails are enqueued inside the transaction of the work they follow")
    return outbox_enqueue(
        topic=EMAIL, payload={"to": to, "subject": subject, "body": body}, dedupe_key=dedupe_key
    )
