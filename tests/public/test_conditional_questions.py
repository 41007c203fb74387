"""Questions revealed by a radio (the parent's address, where a provider teaches): only the
chosen radio's questions are answers. What was typed under another radio (seen with JavaScript
off, or typed before changing one's mind) is dropped, not checked."""

import pytest
from django.urls import reverse

from registers.public.notify.answers import ANSWERS_KEY
from tests.public import begin, complete_answers, provider_answers, up_to

pytestmark = pytest.mark.django_db

ADDRESS = {"line_1": "Woodside Farm", "line_2": "", "town": "Tiverton", "postcode": "EX16 4AA"}


def answering(client, page: str) -> None:
    """A journey whose answers so far reach `page`."""
    begin(client, up_to(page, complete_answers(providers=[provider_answers(1)])))


def answer(client, page: str, data: dict):
    answering(client, page)
    response = client.post(reverse("public:notify-page", args=[page]), data)
    return response, client.session[ANSWERS_KEY]["answers"].get(page)


def test_at_an_address_drops_a_website_typed_under_online(client, devon):
    response, saved = answer(
        client,
        "provider-location-1",
        {"where": "address", **ADDRESS, "website": "not a website", "email": "nonsense"},
    )

    assert response.status_code == 302
    assert saved == {"where": "address", **ADDRESS}


def test_online_drops_an_address_typed_under_at_an_address(client, devon):
    response, saved = answer(
        client,
        "provider-location-1",
        {"where": "online", "website": "tutors.example", "postcode": "NOT A POSTCODE"},
    )

    assert response.status_code == 302
    assert saved == {"where": "online", "website": "https://tutors.example", "email": ""}


def test_living_with_the_child_drops_an_address_typed_under_no(client, devon):
    response, saved = answer(
        client, "parent-address-1", {"same_as_child": "yes", "line_1": "x" * 101, "postcode": "X"}
    )

    assert response.status_code == 302
    assert saved == {"same_as_child": "yes"}


def test_the_chosen_radios_questions_are_still_checked(client, devon):
    response, saved = answer(
        client, "provider-location-1", {"where": "address", **ADDRESS, "postcode": "X"}
    )

    assert response.status_code == 200
    assert "Enter a real postcode, like AA1 1AA" in response.content.decode()
    assert saved is None


def test_without_a_choice_only_the_choice_is_asked_for(client, devon):
    response, _ = answer(client, "provider-location-1", {"website": "not a website"})

    content = response.content.decode()
    assert "Select where your child gets this education" in content
    assert "Enter a website address in the correct format" not in content


def test_questions_under_a_radio_not_chosen_start_hidden_for_javascript(client, devon):
    answering(client, "provider-location-1")

    content = client.get(reverse("public:notify-page", args=["provider-location-1"])).content
    page = content.decode()

    # GOV.UK Frontend reveals them; its stylesheet hides them only where its script runs.
    assert 'data-aria-controls="conditional_where_0"' in page
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in page
    assert 'id="conditional_where_0"' in page
    assert "aria-controls=" not in page.replace("data-aria-controls=", "")
