"""The provider's pages (s.436E): answering through the link, bad input, refused links."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from registers.models import InformationRequest, Notification, Task
from registers.rules.codes import ProviderType
from registers.services.provider_requests import provider_request_send
from tests.factories import (
    AddressFactory,
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    staff_actor,
)
from tests.links import link_sent
from tests.pages import summary_rows

pytestmark = pytest.mark.django_db

AMELIA = "Amelia Brightwater"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sent(devon, officer):
    """A request sent to Oakwood about Amelia and Rowan; returns (request, token, children)."""
    provider = ProviderFactory(
        authority=devon,
        name="Oakwood Forest School",
        email="hello@oakwood.example",
        address=AddressFactory(line_1="1 Oak Lane", town="Exeter", postcode="EX1 1AA"),
    )
    amelia = ChildFactory(
        authority=devon,
        first_name="Amelia",
        last_name="Brightwater",
        date_of_birth=date(2015, 5, 3),
        nhs_number="4857773456",
    )
    rowan = ChildFactory(
        authority=devon, first_name="Rowan", last_name="Tregothnan", date_of_birth=date(2016, 1, 9)
    )
    for child in (amelia, rowan):
        EducationArrangementFactory(child=child, provider=provider)
    information_request = provider_request_send(provider=provider, actor=staff_actor(officer))
    return information_request, link_sent(information_request), (amelia, rowan)


def url(name: str, token: str) -> str:
    return reverse(f"public:provider-request{name}", kwargs={"token": token})


def children_answers(amelia, rowan, **overrides) -> dict:
    answers = {
        f"attends_{amelia.pk.hex}": "yes",
        f"hours_per_week_{amelia.pk.hex}": "12.5",
        f"hours_without_parent_{amelia.pk.hex}": "10",
        f"attends_{rowan.pk.hex}": "no",
        f"hours_per_week_{rowan.pk.hex}": "",
        f"hours_without_parent_{rowan.pk.hex}": "",
    }
    for field, value in overrides.items():
        answers[f"{field}_{amelia.pk.hex}"] = value
    return answers


SETTING = {
    "name": "Oakwood Forest School",
    "provider_type": ProviderType.OUT_OF_SCHOOL_SETTING,
    "address_line_1": "1 Oak Lane",
    "address_line_2": "",
    "town": "Exeter",
    "postcode": "ex1 1aa",
    "website": "",
    "email": "hello@oakwood.example",
    "phone": "",
}


def test_the_page_names_each_child_by_name_and_date_of_birth_only(client, sent):
    _, token, _ = sent

    response = client.get(url("", token))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Children who attend Oakwood Forest School" in content
    assert "Amelia Brightwater, born 3 May 2015" in content
    assert "Rowan Tregothnan, born 9 January 2016" in content
    assert "Does Amelia attend?" in content
    assert "4857773456" not in content


@pytest.mark.parametrize(
    ("field", "overrides", "message"),
    [
        ("attends", {"attends": ""}, f"Select yes if {AMELIA} attends, or no if they do not"),
        ("hours_per_week", {"hours_per_week": ""}, f"Enter the total hours a week for {AMELIA}"),
        (
            "hours_without_parent",
            {"hours_without_parent": " "},
            f"Enter the hours without a parent present for {AMELIA}",
        ),
        (
            "hours_per_week",
            {"hours_per_week": "twelve"},
            f"Total hours a week for {AMELIA} must be a number, like 12.5",
        ),
        (
            "hours_per_week",
            {"hours_per_week": "-1"},
            f"Total hours a week for {AMELIA} must be 0 or more",
        ),
        (
            "hours_per_week",
            {"hours_per_week": "168.5"},
            f"Total hours a week for {AMELIA} must be 168 or fewer – there are 168 hours in a "
            "week",
        ),
        (
            "hours_per_week",
            {"hours_per_week": "12.25"},
            f"Total hours a week for {AMELIA} can have up to one decimal place, like 7.5",
        ),
        (
            "hours_without_parent",
            {"hours_without_parent": "200"},
            f"Hours without a parent present for {AMELIA} must be 168 or fewer – there are 168 "
            "hours in a week",
        ),
        (
            "hours_without_parent",
            {"hours_per_week": "4", "hours_without_parent": "4.5"},
            f"Hours without a parent present for {AMELIA} must be the same as or less than the "
            "total hours",
        ),
        (
            "hours_per_week",
            {"hours_per_week": "1" * 11},
            f"Total hours a week for {AMELIA} must be 168 or fewer – there are 168 hours in a "
            "week",
        ),
    ],
)
def test_each_bad_answer_gets_an_error_naming_the_child_and_linked_to_the_field(
    client, sent, field, overrides, message
):
    _, token, (amelia, rowan) = sent

    response = client.post(url("", token), children_answers(amelia, rowan, **overrides))

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count(message) == 2  # in the summary and by the field
    anchor = f"id_{field}_{amelia.pk.hex}" + ("_1" if field == "attends" else "")
    assert f'<a href="#{anchor}">{message}</a>' in content
    assert f'id="{anchor}"' in content
    assert "<title>Error: " in content
    assert not Notification.objects.exists()


def test_hours_are_ignored_for_a_child_who_does_not_attend(client, sent):
    _, token, (amelia, rowan) = sent
    answers = children_answers(amelia, rowan)
    answers[f"hours_per_week_{rowan.pk.hex}"] = "nonsense"
    answers[f"hours_without_parent_{rowan.pk.hex}"] = "-3"

    response = client.post(url("", token), answers)

    assert response.status_code == 302
    assert response.url == url("-setting", token)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of your setting"),
        ({"name": "x" * 201}, "name", "Name of your setting must be 200 characters or fewer"),
        ({"provider_type": ""}, "provider_type", "Select the type of setting"),
        (
            {"email": "hello-at-oakwood"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({"email": ""}, "email", "Enter an email address"),
        ({"postcode": "EX1"}, "postcode", "Enter a real postcode, like AA1 1AA"),
        (
            {"address_line_1": "", "town": "", "postcode": ""},
            "address_line_1",
            "Enter the address of your setting, or its website if you teach only online",
        ),
        ({"town": ""}, "town", "Enter town or city"),
        (
            {"website": "not a website"},
            "website",
            "Enter a website address in the correct format, like www.example.com",
        ),
    ],
)
def test_each_bad_setting_detail_gets_an_error_linked_to_the_field(
    client, sent, changes, field, message
):
    _, token, (amelia, rowan) = sent
    client.post(url("", token), children_answers(amelia, rowan))

    response = client.post(url("-setting", token), {**SETTING, **changes})

    content = response.content.decode()
    assert response.status_code == 200
    anchor = f"id_{field}" + ("_1" if field == "provider_type" else "")
    assert f'<a href="#{anchor}">{message}</a>' in content
    assert f'id="{anchor}"' in content


def test_the_setting_page_offers_the_details_the_la_holds(client, sent):
    _, token, (amelia, rowan) = sent
    client.post(url("", token), children_answers(amelia, rowan))

    content = client.get(url("-setting", token)).content.decode()

    assert 'value="Oakwood Forest School"' in content
    assert 'value="1 Oak Lane"' in content
    assert 'value="hello@oakwood.example"' in content


def test_a_provider_answers_checks_and_sends(client, sent):
    information_request, token, (amelia, rowan) = sent

    assert client.post(url("", token), children_answers(amelia, rowan)).url == url(
        "-setting", token
    )
    assert client.post(url("-setting", token), SETTING).url == url("-check", token)
    check = client.get(url("-check", token)).content.decode()
    assert "Check your answers before sending them" in check
    assert "EX1 1AA" in check
    assert "Out-of-school setting" in check
    assert f'href="{url("", token)}#id_attends_{amelia.pk.hex}_1"' in check
    assert f'href="{url("", token)}#id_hours_per_week_{amelia.pk.hex}"' in check

    response = client.post(url("-check", token))

    assert response.url == reverse("public:provider-request-sent")
    notification = Notification.objects.get()
    information_request.refresh_from_db()
    assert information_request.response == notification
    assert Task.objects.filter(kind=Task.Kind.REVIEW_NOTIFICATION).count() == 1
    sent_page = client.get(response.url).content.decode()
    assert "Information sent" in sent_page
    assert notification.reference in sent_page

    # A double click or a retry of the last page: the same confirmation, one record.
    again = client.post(url("-check", token))
    assert again.url == reverse("public:provider-request-sent")
    assert Notification.objects.count() == 1


def test_answers_left_blank_are_not_given_on_the_check_page(client, sent):
    _, token, (amelia, rowan) = sent
    client.post(url("", token), children_answers(amelia, rowan))
    online = SETTING | {"address_line_1": "", "town": "", "postcode": "", "website": "oak.example"}
    client.post(url("-setting", token), online)

    check = client.get(url("-check", token))

    rows = summary_rows(check)
    assert rows["Email address"] == "hello@oakwood.example"
    assert rows["Address"] == "Not given"
    assert rows["Website"] == "https://oak.example"
    assert rows["Telephone number"] == "Not given"
    assert "None" not in rows.values()


def test_a_change_from_the_check_page_returns_to_it(client, sent):
    _, token, (amelia, rowan) = sent
    client.post(url("", token), children_answers(amelia, rowan))
    client.post(url("-setting", token), SETTING)

    response = client.post(url("", token), children_answers(amelia, rowan, hours_per_week="14"))

    assert response.url == url("-check", token)
    assert "14" in client.get(url("-check", token)).content.decode()


def test_the_check_page_needs_the_earlier_answers(client, sent):
    _, token, (amelia, rowan) = sent

    assert client.get(url("-check", token)).url == url("", token)
    assert client.get(url("-setting", token)).url == url("", token)
    client.post(url("", token), children_answers(amelia, rowan))
    assert client.get(url("-check", token)).url == url("-setting", token)


def test_answers_are_dropped_after_the_idle_time(client, sent, settings):
    settings.CNIS_ANSWERS_IDLE_SECONDS = 60
    _, token, (amelia, rowan) = sent
    client.post(url("", token), children_answers(amelia, rowan))

    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        response = client.get(url("-setting", token), follow=True)

    assert response.redirect_chain[-1][0] == url("", token)
    assert "Your answers were deleted because you did not do anything for 1 minute." in (
        response.content.decode()
    )


def test_a_used_link_is_refused_and_says_whom_to_contact(client, sent, devon):
    devon.contact_email = "cnis@devon.example"
    devon.contact_phone = "01392 000000"
    devon.save()
    information_request, token, _ = sent
    InformationRequest.objects.update(used_at=timezone.now())

    for name in ("", "-setting", "-check"):
        response = client.get(url(name, token))
        content = response.content.decode()
        assert response.status_code == 410
        assert "This link has already been used" in content
        assert "Contact Devon for a new link" in content
        assert "cnis@devon.example" in content
        assert "01392 000000" in content
        assert "Amelia" not in content


def test_an_expired_link_is_refused(client, sent):
    _, token, (amelia, rowan) = sent
    InformationRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.post(url("", token), children_answers(amelia, rowan))

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_tampered_link_is_refused(client, sent):
    _, token, _ = sent
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")

    response = client.get(url("", tampered))

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_text_typed_by_parents_and_providers_is_shown_escaped(client, sent):
    _, token, (amelia, rowan) = sent
    amelia.first_name = "<b>Amy</b>"
    amelia.save()

    first = client.get(url("", token)).content.decode()
    answers = children_answers(amelia, rowan)
    client.post(url("", token), answers)
    client.post(url("-setting", token), {**SETTING, "name": "<script>alert(1)</script>"})
    check = client.get(url("-check", token)).content.decode()

    assert "<b>Amy</b>" not in first
    assert "Does &lt;b&gt;Amy&lt;/b&gt; attend?" in first
    assert "<script>alert(1)</script>" not in check
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in check


def test_posts_are_rate_limited(client, sent, settings):
    settings.CNIS_PUBLIC_POSTS_PER_HOUR = 1
    _, token, (amelia, rowan) = sent

    client.post(url("", token), children_answers(amelia, rowan))
    response = client.post(url("-setting", token), SETTING)

    assert response.status_code == 429
