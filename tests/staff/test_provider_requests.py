"""The provider page and sending information requests (s.436E), as an officer uses them."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import AuditEvent, InformationRequest, OutboxMessage
from registers.services.provider_requests import provider_request_send
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    child_with_record,
    staff_actor,
)

pytestmark = pytest.mark.django_db


def provider_page(provider) -> str:
    return reverse("staff:provider", kwargs={"provider_id": provider.pk})


def send_url(provider) -> str:
    return reverse("staff:provider-request-send", kwargs={"provider_id": provider.pk})


def attending(provider, count: int, *, start: int = 0) -> list:
    children = []
    for n in range(start, start + count):
        child = ChildFactory(
            authority=provider.authority,
            first_name=f"Child{n}",
            last_name=f"Family{n:03d}",
            date_of_birth=date(2015, 5, 3),
        )
        EducationArrangementFactory(child=child, provider=provider)
        children.append(child)
    return children


def sent_by(officer, provider) -> InformationRequest:
    return provider_request_send(provider=provider, actor=staff_actor(officer))


def test_the_page_lists_only_the_children_who_attend_this_provider(officer_client, devon):
    provider = ProviderFactory(authority=devon, name="Oakwood Forest School")
    amelia = ChildFactory(
        authority=devon,
        first_name="Amelia",
        last_name="Brightwater",
        date_of_birth=date(2015, 5, 3),
    )
    EducationArrangementFactory(child=amelia, provider=provider, hours_per_week=12)
    elsewhere = ChildFactory(authority=devon, first_name="Rowan", last_name="Tregothnan")
    EducationArrangementFactory(child=elsewhere)
    left = ChildFactory(authority=devon, first_name="Morwenna", last_name="Penhale")
    EducationArrangementFactory(
        child=left, provider=provider, ends_on=date.today() - timedelta(days=1)
    )

    response = officer_client.get(provider_page(provider))

    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Oakwood Forest School</h1>' in content
    assert "Amelia Brightwater" in content
    assert "3 May 2015" in content
    assert reverse("staff:child", kwargs={"child_id": amelia.pk}) in content
    assert "Tregothnan" not in content
    assert "Penhale" not in content
    assert "Send an information request" in content


def test_the_page_runs_a_fixed_number_of_queries(
    officer_client, officer, devon, django_assert_max_num_queries
):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    attending(provider, 2)
    sent_by(officer, provider)
    # Session, officer, device, provider, children, their arrangements, audit row, requests:
    # 8 statements, and 2 savepoints that exist only because each test runs inside a
    # transaction. The session is saved only when its idle expiry is due for renewal.
    with django_assert_max_num_queries(10) as few:
        assert officer_client.get(provider_page(provider)).status_code == 200

    attending(provider, 20, start=2)
    for _ in range(5):
        sent_by(officer, provider)
    with django_assert_max_num_queries(10) as many:
        response = officer_client.get(provider_page(provider))

    assert response.content.decode().count("Family0") == 22
    assert len(many.captured_queries) == len(few.captured_queries)


def test_each_view_of_the_page_is_audited(officer_client, officer, devon):
    provider = ProviderFactory(authority=devon)

    officer_client.get(provider_page(provider))

    event = AuditEvent.objects.get(object_type="provider")
    assert event.object_id == str(provider.pk)
    assert event.actor == officer
    assert event.action == AuditEvent.Action.VIEW


def _names(response) -> list[str]:
    return re.findall(r"Child\d+ Family\d{3}", response.content.decode())


def test_the_children_are_listed_a_page_at_a_time_by_surname(
    officer_client, devon, settings, django_assert_max_num_queries
):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    provider = ProviderFactory(authority=devon)
    attending(provider, 25)
    everyone = [f"Child{n} Family{n:03d}" for n in range(25)]

    first = officer_client.get(provider_page(provider))
    with django_assert_max_num_queries(10) as on_the_first_page:
        officer_client.get(provider_page(provider))
    with django_assert_max_num_queries(10) as on_the_last_page:
        last = officer_client.get(provider_page(provider) + "?page=last")
    before_last = officer_client.get(
        re.search(r'href="([^"]*)" rel="prev"', last.content.decode()).group(1)
    )

    assert "25 children attend now" in first.content.decode()
    assert _names(first) == everyone[:10]
    assert _names(last) == everyone[15:]
    assert _names(before_last) == everyone[5:15]
    assert len(on_the_last_page.captured_queries) == len(on_the_first_page.captured_queries)


def test_each_view_names_the_children_on_the_page_in_its_audit_row(
    officer_client, devon, settings
):
    settings.CNIS_REGISTER_PAGE_SIZE = 10
    provider = ProviderFactory(authority=devon)
    children = attending(provider, 12)

    officer_client.get(provider_page(provider))

    event = AuditEvent.objects.get(object_type="provider")
    assert event.children == [str(child.pk) for child in children[:10]]


def test_another_las_provider_is_not_found_on_either_address(officer_client, cornwall):
    provider = ProviderFactory(authority=cornwall, email="hello@kernow.example")
    attending(provider, 1)

    for url in (provider_page(provider), send_url(provider)):
        for method in (officer_client.get, officer_client.post):
            response = method(url)
            assert response.status_code == 404, f"{method.__name__.upper()} {url}"
            assert b"Page not found" in response.content
    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_request_is_sent_only_by_a_post(officer_client, devon):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    attending(provider, 1)

    assert officer_client.get(send_url(provider)).status_code == 405
    assert officer_client.post(provider_page(provider)).status_code == 405
    assert not InformationRequest.objects.exists()


def test_an_officer_must_be_signed_in(client, devon):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    attending(provider, 1)

    assert client.get(provider_page(provider)).status_code == 302
    assert client.post(send_url(provider)).status_code == 302
    assert not InformationRequest.objects.exists()


def test_sending_creates_the_request_and_an_email_in_the_outbox(officer_client, devon):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    children = attending(provider, 2)

    response = officer_client.post(send_url(provider), follow=True)

    information_request = InformationRequest.objects.get()
    assert set(information_request.children.all()) == set(children)
    message = OutboxMessage.objects.get()
    assert message.dedupe_key == f"provider-request-{information_request.pk}"
    assert message.payload["to"] == "hello@oakwood.example"
    content = response.content.decode()
    assert "Information request sent to hello@oakwood.example, naming 2 children" in content
    assert "Awaiting answer" in content


def test_sending_is_refused_with_an_error_when_the_provider_has_no_email(officer_client, devon):
    provider = ProviderFactory(authority=devon, name="Oakwood Forest School", email="")
    attending(provider, 1)

    response = officer_client.post(send_url(provider))

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert (
        '<a href="#send-request">Oakwood Forest School has no email address – record one '
        "before sending an information request</a>"
    ) in content
    assert "<title>Error: " in content
    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_past_requests_show_whether_they_were_answered_or_are_overdue(
    officer_client, officer, devon
):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    attending(provider, 1)
    answered, overdue, waiting = (sent_by(officer, provider) for _ in range(3))
    InformationRequest.objects.filter(pk=answered.pk).update(used_at=timezone.now())
    InformationRequest.objects.filter(pk=overdue.pk).update(
        respond_by=date.today() - timedelta(days=1)
    )

    content = officer_client.get(provider_page(provider)).content.decode()

    assert content.count("Answered ") == 1
    assert content.count(">Overdue<") == 1
    assert content.count("Awaiting answer") == 1


def test_the_child_record_links_to_the_provider_and_lists_requests_naming_the_child(
    officer_client, officer, devon
):
    child = child_with_record(authority=devon, first_name="Amelia")
    provider = child.arrangements.get().provider
    provider.email = "hello@oakwood.example"
    provider.save()
    sent_by(officer, provider)

    content = officer_client.get(
        reverse("staff:child", kwargs={"child_id": child.pk})
    ).content.decode()

    assert f'href="{provider_page(provider)}"' in content
    assert "Information requests to providers that named Amelia" in content
    assert "Awaiting answer" in content


def test_text_typed_by_parents_is_shown_escaped(officer_client, devon):
    provider = ProviderFactory(
        authority=devon, name="<i>Oakwood</i>", phone="<b>01392</b>", website=""
    )
    child = attending(provider, 1)[0]
    child.first_name = "<script>alert(1)</script>"
    child.save()

    content = officer_client.get(provider_page(provider)).content.decode()

    assert "<i>Oakwood</i>" not in content
    assert "&lt;i&gt;Oakwood&lt;/i&gt;" in content
    assert "<b>01392</b>" not in content
    assert "<script>alert(1)</script>" not in content
