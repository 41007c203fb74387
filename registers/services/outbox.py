"""The transactional outbox: side effects are rows written with the data they follow.

A request never talks to the broker. It writes an OutboxMessage in its own transaction; the
sweep (a Celery beat task) delivers what is pending, so a parent's submission succeeds even while
Redis is down, and its email goes once Redis is back. The embedded demo has no broker: there
(CNIS_OUTBOX_DELIVER_ON_COMMIT) a message is delivered in-process as soon as its transaction
commits.

An email that carries a secure link (an update or provider request) is stored without it: the
link is made when the email is delivered, in the transaction that sends it and marks it sent
(registers.services.links), so the outbox never holds a working link. Once an email has gone,
its address and body are cleared; the row keeps what an operator needs.
"""

import logging
import re
import secrets
from collections.abc import Callable

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from registers.models import InformationRequest, Letter, OutboxMessage, StaffInvitation
from registers.services.links import LINK_MAKERS

logger = logging.getLogger(__name__)

EMAIL = "email"
# A Celery task a request asks for (a bulk job): handed to the broker by the sweep, so that the
# request never waits on it.
CELERY_TASK = "celery_task"
# Where in an email's stored body its link goes, once made.
LINK_AT = "link_at"
# The letter whose PDF an email carries, attached when the email is delivered.
LETTER = "letter"
# Which kind of link (registers.services.links.LINK_MAKERS); an information request's if none.
LINK_FOR = "link_for"
LAST_ERROR_LENGTH = 300
EMAIL_ADDRESS = re.compile(r"[^\s@<>'\"(),;:]+@[^\s@<>'\"(),;:]+")


def outbox_enqueue(*, topic: str, payload: dict, dedupe_key: str) -> OutboxMessage:
    """Add a side effect to the current transaction; the same dedupe key is enqueued once."""
    message, _ = OutboxMessage.objects.get_or_create(
        dedupe_key=dedupe_key, defaults={"topic": topic, "payload": payload}
    )
    return message


def _email_payload(*, to: str, subject: str, body: str) -> dict:
    return {"to": to, "subject": subject, "body": body}


def _email_enqueue(*, payload: dict, dedupe_key: str) -> OutboxMessage:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Emails are enqueued inside the transaction of the work they follow")
    message = outbox_enqueue(topic=EMAIL, payload=payload, dedupe_key=dedupe_key)
    outbox_deliver_after_commit(message)
    return message


def email_enqueue(*, to: str, subject: str, body: str, dedupe_key: str) -> OutboxMessage:
    """An email, sent by the outbox sweep after this transaction commits."""
    return _email_enqueue(
        payload=_email_payload(to=to, subject=subject, body=body), dedupe_key=dedupe_key
    )


def link_email_enqueue(
    *,
    information_request: InformationRequest | StaffInvitation,
    to: str,
    subject: str,
    body: Callable[[str], str],
    dedupe_key: str,
) -> OutboxMessage:
    """An email carrying the single-use link of a request (or of a staff invitation), sent
    after this transaction commits, and kept on the request as its email.

    The link does not exist yet: it is made when the email is delivered. `body` writes the
    email around the link it is given; it is called once, with a stand-in, to find where the
    link goes.
    """
    stand_in = f"[link {secrets.token_hex(16)}]"
    before, after = body(stand_in).split(stand_in)
    payload = {"to": to, "subject": subject, "body": before + after, LINK_AT: len(before)}
    invitation = isinstance(information_request, StaffInvitation)
    if invitation:
        payload[LINK_FOR] = "staff_invitation"
    message = _email_enqueue(payload=payload, dedupe_key=dedupe_key)
    information_request.email = message
    information_request.save(update_fields=["email"] if invitation else ["email", "modified_at"])
    return message


def letter_email_enqueue(
    *, letter: Letter, to: str, subject: str, body: str, dedupe_key: str
) -> OutboxMessage:
    """An email carrying a letter's PDF, sent after this transaction commits. The outbox row
    names the letter: its PDF is read and attached when the email is delivered."""
    return _email_enqueue(
        payload=_email_payload(to=to, subject=subject, body=body) | {LETTER: letter.pk},
        dedupe_key=dedupe_key,
    )


def celery_task_enqueue(*, name: str, kwargs: dict, dedupe_key: str) -> OutboxMessage:
    """A Celery task (by its registered name), handed to the broker after this transaction
    commits, by the sweep."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Tasks are enqueued inside the transaction of the work they follow")
    message = outbox_enqueue(
        topic=CELERY_TASK, payload={"name": name, "kwargs": kwargs}, dedupe_key=dedupe_key
    )
    outbox_deliver_after_commit(message)
    return message


def email_message(*, to: str, subject: str, body: str, dedupe_key: str) -> OutboxMessage:
    """An email as an outbox row not yet saved, for a service that writes it with the rows of
    its work in one statement (registers.services.rows) and then calls
    `outbox_deliver_after_commit`. Its dedupe key must be new (made from a row of that work);
    any other email goes through `email_enqueue`."""
    return OutboxMessage(
        topic=EMAIL,
        payload=_email_payload(to=to, subject=subject, body=body),
        dedupe_key=dedupe_key,
    )


def outbox_deliver_after_commit(message: OutboxMessage) -> None:
    """Where there is no broker (the embedded demo), deliver once the transaction commits.

    Otherwise do nothing: the sweep delivers it, and the request never touches the broker.
    """
    if settings.CNIS_OUTBOX_DELIVER_ON_COMMIT:
        message_id = message.pk
        transaction.on_commit(lambda: outbox_deliver(message_id=message_id))


def _publish(message: OutboxMessage) -> None:
    if message.topic == CELERY_TASK:
        # By name, as the services never import the tasks that call them. A worker has found
        # the project's tasks when it started; a web process (the embedded demo delivers on
        # commit) has Celery find them the same way the first time one is asked for.
        name = message.payload["name"]
        if name not in current_app.tasks:
            current_app.loader.import_default_modules()
        current_app.tasks[name].apply_async(kwargs=message.payload["kwargs"])
        return
    if message.topic != EMAIL:
        raise ValueError(f"No publisher for outbox topic {message.topic!r}")
    payload = message.payload
    body = payload["body"]
    if LINK_AT in payload:
        at = payload[LINK_AT]
        make = LINK_MAKERS[payload.get(LINK_FOR, "information_request")]
        body = body[:at] + make(email=message) + body[at:]
    if LETTER not in payload:
        send_mail(
            subject=payload["subject"],
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[payload["to"]],
        )
        return
    email = EmailMessage(
        subject=payload["subject"],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[payload["to"]],
    )
    letter = Letter.objects.only("pdf", "kind", "made_at").get(pk=payload[LETTER])
    email.attach(letter.file_name, bytes(letter.pdf), "application/pdf")
    email.send()


def _failure_note(error: Exception) -> str:
    # Mail servers quote the recipient back in their errors; the note is for operators and
    # must not carry a parent's address, so any email address is blanked out.
    text = EMAIL_ADDRESS.sub("[email address]", f"{type(error).__name__}: {error}")
    return text[:LAST_ERROR_LENGTH]


def outbox_deliver(*, message_id: int) -> bool:
    """Deliver one pending message exactly once; True if it went now, False otherwise.

    The row stays locked from the check to the mark, so two sweeps never send it twice. What
    was sent is then cleared from it. A failure rolls back whatever delivering wrote (a link
    made for the email), and is noted on the row (attempts, last error), left pending for the
    next sweep.
    """
    # On PostgreSQL a row another sweep is delivering is skipped, not waited for.
    skip_locked = connection.features.has_select_for_update_skip_locked
    message = None
    try:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=skip_locked)
                .filter(pk=message_id, published_at__isnull=True)
                .first()
            )
            if message is None:
                return False
            _publish(message)
            message.published_at = timezone.now()
            message.payload = {}
            message.save(update_fields=["published_at", "payload"])
    except Exception as error:  # whatever the mail server raised, the sweep retries later
        if message is None:
            raise
        note = _failure_note(error)
        OutboxMessage.objects.filter(pk=message_id).update(
            attempts=F("attempts") + 1, last_error=note
        )
        logger.warning("Outbox message %s not delivered: %s", message_id, note)
        return False
    return True


def outbox_sweep(*, limit: int = 100) -> int:
    """Deliver pending messages, those tried least first, then oldest; return how many went.

    Not one transaction on purpose: each message is delivered and marked in its own, so an
    email already sent is never rolled back to pending by a later failure. A message that has
    failed CNIS_OUTBOX_MAX_ATTEMPTS times is no longer tried; it stays, with its last error,
    for an operator to see to, and new messages are never held up behind it.
    """
    pending = (
        OutboxMessage.objects.filter(
            published_at__isnull=True, attempts__lt=settings.CNIS_OUTBOX_MAX_ATTEMPTS
        )
        .order_by("attempts", "created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(outbox_deliver(message_id=message_id) for message_id in list(pending))
