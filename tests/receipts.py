"""What every receipt email must be: one, to the parent, with its reference, and no link."""

from django.core import mail

from registers.models import Notification, OutboxMessage
from registers.services.outbox import outbox_sweep

# Nothing in a receipt may work as a key: no address of a page, let alone a link's secret.
LINK_SIGNS = ("http", "://", "www.", "/update/", "/provider/")


def receipt_delivered(*, reference: str, to: str) -> mail.EmailMessage:
    """Let the outbox deliver (as its sweep does) and return the one receipt that went."""
    assert outbox_sweep() == 1
    (sent,) = mail.outbox
    assert sent.to == [to]
    assert f"Your reference is {reference}." in sent.body
    for sign in LINK_SIGNS:
        assert sign not in sent.body
    return sent


def confirmed_with_one_receipt(page: str, *, to: str) -> None:
    """A parent sent something once (however many times they pressed the button): the
    confirmation page shows its reference and says an email was sent, and one email goes."""
    notification = Notification.objects.get()
    assert f"Your reference is {notification.reference}" in page
    assert "We have sent you a confirmation email" in page
    assert OutboxMessage.objects.count() == 1
    receipt_delivered(reference=notification.reference, to=to)
