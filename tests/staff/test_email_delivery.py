"""The pages that list requests as sent say whether each request's email went (issue 7).

A request is recorded at once, and its email goes out afterwards, through the outbox. The
provider page and the child record show each request's email as pending, sent or not
delivered, so that an officer told "sent" learns when the email could not go. The failures
here are real: an SMTP server that is not there, and a header the mail library refuses.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.services.outbox import outbox_sweep
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    entry_asked_for_updates,
)

pytestmark = pytest.mark.django_db

NOT_DELIVERED = '<strong class="govuk-tag govuk-tag--red">Not delivered</strong>'
PENDING = '<strong class="govuk-tag govuk-tag--grey">Pending</strong>'
SENT = '<strong class="govuk-tag govuk-tag--green">Sent</strong>'


@pytest.fixture(autouse=True)
def sweep_delivers(settings):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False


def provider_with_child(devon, *, name: str = "Oakwood Forest School"):
    provider = ProviderFactory(authority=devon, name=name, email="hello@oakwood.example")
    child = ChildFactory(authority=devon, first_name="Amelia", last_name="Brightwater")
    EducationArrangementFactory(child=child, provider=provider)
    return provider


def provider_page(client, provider) -> str:
    response = client.get(reverse("staff:provider", kwargs={"provider_id": provider.pk}))
    assert response.status_code == 200
    return response.content.decode()


def send_to_provider(client, provider) -> None:
    response = client.post(
        reverse("staff:provider-request-send", kwargs={"provider_id": provider.pk})
    )
    assert response.status_code == 302


@pytest.fixture
def entry(devon):
    return entry_asked_for_updates(
        authority=devon, registered_on=timezone.localdate() - timedelta(days=120)
    )


def child_record(client, entry) -> str:
    response = client.get(reverse("staff:child", kwargs={"child_id": entry.child_id}))
    assert response.status_code == 200
    return response.content.decode()


def send_update_request(client, entry) -> None:
    response = client.post(reverse("staff:update-request-send", kwargs={"entry_id": entry.pk}))
    assert response.status_code == 302


def test_the_provider_page_shows_an_email_the_mail_server_refused_as_not_delivered(
    officer_client, devon, mail_server_down
):
    provider = provider_with_child(devon)
    send_to_provider(officer_client, provider)
    assert PENDING in provider_page(officer_client, provider)

    assert outbox_sweep() == 0

    page = provider_page(officer_client, provider)
    assert NOT_DELIVERED in page
    assert PENDING not in page and SENT not in page
    assert "We will try again" in page


def test_a_provider_name_on_two_lines_saved_before_names_were_checked_shows_not_delivered(
    officer_client, devon
):
    # The mail library refuses a subject on two lines, and the subject names the provider.
    provider = provider_with_child(devon, name="Oakwood\nForest School")
    send_to_provider(officer_client, provider)

    assert outbox_sweep() == 0

    assert NOT_DELIVERED in provider_page(officer_client, provider)


def test_an_email_given_up_on_says_so(officer_client, devon, mail_server_down):
    mail_server_down.CNIS_OUTBOX_MAX_ATTEMPTS = 2
    provider = provider_with_child(devon)
    send_to_provider(officer_client, provider)

    outbox_sweep()
    outbox_sweep()
    assert outbox_sweep() == 0  # no longer tried

    page = provider_page(officer_client, provider)
    assert NOT_DELIVERED in page
    assert "We will try again" not in page
    assert "Check the email address" in page


def test_the_provider_page_shows_a_delivered_email_as_sent(officer_client, devon):
    provider = provider_with_child(devon)
    send_to_provider(officer_client, provider)

    assert outbox_sweep() == 1

    page = provider_page(officer_client, provider)
    assert SENT in page
    assert NOT_DELIVERED not in page and PENDING not in page


def test_the_child_record_shows_an_update_request_email_that_was_not_delivered(
    officer_client, entry, mail_server_down
):
    send_update_request(officer_client, entry)
    assert PENDING in child_record(officer_client, entry)

    assert outbox_sweep() == 0

    record = child_record(officer_client, entry)
    assert NOT_DELIVERED in record
    assert PENDING not in record


def test_the_child_record_shows_a_delivered_update_request_email_as_sent(officer_client, entry):
    send_update_request(officer_client, entry)
    outbox_sweep()

    assert SENT in child_record(officer_client, entry)


def test_the_child_record_shows_the_email_of_a_provider_request_that_named_the_child(
    officer_client, devon, mail_server_down
):
    provider = provider_with_child(devon)
    child = provider.arrangements.get().child
    send_to_provider(officer_client, provider)
    outbox_sweep()

    response = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))

    assert NOT_DELIVERED in response.content.decode()


def test_the_email_states_cost_no_query_per_request(
    officer_client, devon, entry, django_assert_max_num_queries
):
    provider = entry.child.arrangements.get().provider
    provider.email = "hello@oakwood.example"
    provider.save()
    send_to_provider(officer_client, provider)
    send_update_request(officer_client, entry)
    outbox_sweep()
    with django_assert_max_num_queries(20) as one_record:
        child_record(officer_client, entry)
    with django_assert_max_num_queries(20) as one_provider:
        provider_page(officer_client, provider)

    for _ in range(3):
        send_to_provider(officer_client, provider)
    # Later update requests, each sent once the last has expired unanswered.
    for weeks in (5, 10):
        entry.information_requests.update(expires_at=timezone.now() - timedelta(days=1))
        entry.information_requests.update(sent_at=timezone.now() - timedelta(weeks=weeks * 4))
        send_update_request(officer_client, entry)
    outbox_sweep()
    with django_assert_max_num_queries(20) as many_records:
        record = child_record(officer_client, entry)
    with django_assert_max_num_queries(20) as many_providers:
        page = provider_page(officer_client, provider)

    assert record.count(SENT) == 3 + 4  # three update requests, four provider requests
    assert page.count(SENT) == 4
    assert len(many_records.captured_queries) == len(one_record.captured_queries)
    assert len(many_providers.captured_queries) == len(one_provider.captured_queries)
