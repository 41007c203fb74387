"""A copy of the database can never be turned into a working link (issue 7).

An update request's or a provider request's link carries a secret of which the database keeps
only a digest. The secret is made when the email is delivered, in the transaction that sends
it, so it is never written to the outbox; and once an email has gone, its address and body are
cleared from the outbox. These tests send requests as an officer does, let the outbox sweep
deliver them, take the link from the email that went out, and search every column of every
table for it.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from psycopg2 import sql

from registers.intake.notification import notification_details_validate
from registers.models import InformationRequest, OutboxMessage
from registers.rules.codes import NotificationSource
from registers.services.notifications import notification_submit
from registers.services.outbox import outbox_sweep
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    entry_asked_for_updates,
    public_actor,
)
from tests.intake import notification_data
from tests.links import LINK, tokens_sent

pytestmark = pytest.mark.django_db

SENT = datetime(2026, 10, 3, 10, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def sweep_delivers(settings):
    """The production shape: nothing goes when a request commits; the sweep delivers."""
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    with time_machine.travel(SENT, tick=False):
        yield


@pytest.fixture
def entry(devon):
    return entry_asked_for_updates(authority=devon, registered_on=date(2026, 6, 1))


@pytest.fixture
def provider(devon):
    provider = ProviderFactory(
        authority=devon, name="Oakwood Forest School", email="hello@oakwood.example"
    )
    child = ChildFactory(authority=devon, first_name="Amelia", last_name="Brightwater")
    EducationArrangementFactory(child=child, provider=provider)
    return provider


def tables_holding(text: str) -> list[str]:
    """Every table with a row any of whose columns holds `text` (on PostgreSQL a row cast to
    text shows every column, JSON included)."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                sql.SQL("SELECT count(*) FROM {} AS row WHERE strpos(row::text, %s) > 0").format(
                    sql.Identifier(table)
                ),
                [text],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def send_update_request(client, entry) -> None:
    response = client.post(reverse("staff:update-request-send", kwargs={"entry_id": entry.pk}))
    assert response.status_code == 302


def send_provider_request(client, provider) -> None:
    response = client.post(
        reverse("staff:provider-request-send", kwargs={"provider_id": provider.pk})
    )
    assert response.status_code == 302


def the_only_link() -> str:
    (token,) = tokens_sent()
    return token


def test_no_row_holds_the_link_an_update_request_sent(postgres_only, officer_client, entry):
    send_update_request(officer_client, entry)
    assert outbox_sweep() == 1

    token = the_only_link()
    url = LINK.search(mail.outbox[0].body)[0]
    assert tables_holding(token) == []
    assert tables_holding(url) == []
    # The search finds what is there: the digest the link is looked up by.
    assert tables_holding(InformationRequest.objects.get().token_digest) == [
        InformationRequest._meta.db_table
    ]

    opened = Client().get(reverse("public:update-request", args=[token]))
    assert opened.status_code == 200
    assert "Isla Moorcroft" in opened.content.decode()


def test_no_row_holds_the_link_a_provider_request_sent(postgres_only, officer_client, provider):
    send_provider_request(officer_client, provider)
    assert outbox_sweep() == 1

    token = the_only_link()
    assert tables_holding(token) == []
    assert tables_holding(LINK.search(mail.outbox[0].body)[0]) == []

    opened = Client().get(reverse("public:provider-request", args=[token]))
    assert opened.status_code == 200
    assert "Amelia Brightwater" in opened.content.decode()


def test_a_link_is_made_only_when_its_email_is_delivered(officer_client, entry, provider):
    send_update_request(officer_client, entry)
    send_provider_request(officer_client, provider)

    for information_request in InformationRequest.objects.all():
        assert information_request.token_digest is None
        assert information_request.email.published_at is None
        assert LINK.search(str(information_request.email.payload)) is None


def test_a_failed_send_is_tried_again_and_the_parent_gets_a_working_link(
    officer_client, entry, mail_server_down
):
    send_update_request(officer_client, entry)

    assert outbox_sweep() == 0
    information_request = InformationRequest.objects.get()
    assert information_request.email.attempts == 1
    assert information_request.email.last_error.startswith("ConnectionRefusedError")
    assert information_request.token_digest is None  # the failed attempt's secret is gone

    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_sweep() == 1
    assert outbox_sweep() == 0
    opened = Client().get(reverse("public:update-request", args=[the_only_link()]))
    assert opened.status_code == 200
    assert "Isla Moorcroft" in opened.content.decode()


def test_a_parent_whose_link_expired_is_sent_a_new_one_that_works(officer_client, entry):
    send_update_request(officer_client, entry)
    outbox_sweep()
    (expired,) = tokens_sent()
    parent = Client()

    with time_machine.travel(SENT + timedelta(days=30), tick=False):
        parent.post(
            reverse("public:update-new-link"),
            {
                "reference": "HXK4-7QWT",
                "date_of_birth_0": "9",
                "date_of_birth_1": "4",
                "date_of_birth_2": "2015",
            },
        )
        assert outbox_sweep() == 1
        first, again = tokens_sent()
        assert first == expired and again != expired
        assert parent.get(reverse("public:update-request", args=[expired])).status_code == 410
        opened = parent.get(reverse("public:update-request", args=[again]))

    assert opened.status_code == 200
    assert "Isla Moorcroft" in opened.content.decode()


def test_a_sent_email_keeps_no_address_or_body_only_what_an_operator_needs(officer_client, entry):
    send_update_request(officer_client, entry)
    pending = OutboxMessage.objects.get()
    assert pending.payload["to"] == entry.child.relationships.get().person.email

    outbox_sweep()

    sent = OutboxMessage.objects.get()
    assert sent.payload == {}
    assert sent.published_at is not None
    assert (sent.topic, sent.dedupe_key, sent.attempts, sent.last_error) == (
        pending.topic,
        pending.dedupe_key,
        0,
        "",
    )


def test_a_notification_receipt_keeps_no_address_or_body_once_sent(devon):
    notification = notification_submit(
        authority=devon,
        details=notification_details_validate(notification_data(), today=SENT.date()),
        source=NotificationSource.PARENT,
        idempotency_key="receipt-1",
        actor=public_actor(),
    )
    assert OutboxMessage.objects.get().payload["to"] == "robin@family.example"

    assert outbox_sweep() == 1

    assert mail.outbox[0].to == ["robin@family.example"]
    assert notification.reference in mail.outbox[0].body
    assert OutboxMessage.objects.get().payload == {}


@pytest.mark.django_db(transaction=True)
def test_without_a_broker_the_email_goes_when_the_request_commits_with_a_working_link(
    officer_client, entry, settings
):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = True

    send_update_request(officer_client, entry)

    assert OutboxMessage.objects.get().published_at is not None
    opened = Client().get(reverse("public:update-request", args=[the_only_link()]))
    assert opened.status_code == 200
    assert "Isla Moorcroft" in opened.content.decode()
