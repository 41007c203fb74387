"""Receipts: the email a parent gets when they tell the LA something themselves.

A notification, a report of a change and a request for support each have a reference, and the
parent who sent one, online or through an LA system's API, is emailed it if they gave an email
address. A register imported with its history, or generated for a demo, must never email the
families in it.

A receipt says only what was received, its reference and what happens next: no link (nothing
in it works as a key to anything) and nothing the parent typed beyond what `thanks` names, as
an email can be read by anyone with the inbox.
"""

from collections.abc import Sequence

from registers.actors import Actor
from registers.models import LocalAuthority, Notification, OutboxMessage
from registers.rules.codes import Door, NotificationSource
from registers.services.outbox import email_enqueue, email_message

RECEIPT_DOORS = frozenset({Door.PUBLIC, Door.API})


def _receipt_email(
    *,
    authority: LocalAuthority,
    received: str,
    thanks: str,
    reference: str,
    next_steps: Sequence[str],
) -> tuple[str, str]:
    """Subject and body of a receipt for `received` ("notification", "request for support")."""
    contact = [
        f"Email: {authority.contact_email}" if authority.contact_email else "",
        f"Telephone: {authority.contact_phone}" if authority.contact_phone else "",
    ]
    paragraphs = [
        thanks,
        f"Your reference is {reference}. Please quote it if you contact us.",
        "What happens next",
        *next_steps,
    ]
    if any(contact):
        paragraphs.append(
            "\n".join([f"Contact {authority.name}", *(line for line in contact if line)])
        )
    return f"{authority.name}: we have received your {received}", "\n\n".join(paragraphs)


def receipt_message(
    *,
    notification: Notification,
    to: str,
    actor: Actor,
    received: str,
    thanks: str,
    next_steps: Sequence[str],
) -> OutboxMessage | None:
    """The receipt for `notification` as an outbox row not yet saved, or None if its sender
    gets none: for a service that writes it with the other rows of its work."""
    if not to or notification.source != NotificationSource.PARENT:
        return None
    if actor.door not in RECEIPT_DOORS:
        return None
    subject, body = _receipt_email(
        authority=notification.authority,
        received=received,
        thanks=thanks,
        reference=notification.reference,
        next_steps=next_steps,
    )
    return email_message(
        to=to,
        subject=subject,
        body=body,
        dedupe_key=f"notification-confirmation-{notification.pk}",
    )


def receipt_send(**receipt) -> None:
    """Enqueue the receipt (the arguments of `receipt_message`) in the transaction of its
    notification, if its sender gets one."""
    message = receipt_message(**receipt)
    if message is not None:
        email_enqueue(**message.payload, dedupe_key=message.dedupe_key)
