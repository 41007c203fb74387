"""Tests of the public pages. Builders of notification answers, shaped as the pages keep them,
and the secrets of the links a parent or a provider is sent."""

from django.urls import reverse

from registers.actors import SCHEDULER
from registers.public.notify import routing
from registers.public.notify.answers import ANSWERS_KEY
from registers.services.provider_requests import provider_request_send
from registers.services.update_requests import update_request_send
from tests.intake import ELSEWHERE, HOME
from tests.links import link_sent

__all__ = [
    "ELSEWHERE",
    "HOME",
    "begin",
    "complete_answers",
    "parent_answers",
    "provider_answers",
    "provider_request_link",
    "up_to",
    "update_request_link",
]

# The day the notification tests run on (each test module travels there with time_machine).
TODAY_ISO = "2026-11-28"


def parent_answers(
    number: int,
    *,
    first_name: str = "Robin",
    last_name: str = "Brightwater",
    relationship: str = "mother",
    address: dict | None = None,
    email: str = "robin@family.example",
    phone: str = "",
    educates: bool = True,
) -> dict:
    """One parent or carer's five pages; no `address` means they live with the child."""
    return {
        routing.numbered(routing.PARENT_NAME, number): {
            "first_name": first_name,
            "last_name": last_name,
        },
        routing.numbered(routing.PARENT_RELATIONSHIP, number): {"relationship": relationship},
        routing.numbered(routing.PARENT_ADDRESS, number): (
            {"same_as_child": "no", **address} if address else {"same_as_child": "yes"}
        ),
        routing.numbered(routing.PARENT_CONTACT, number): {"email": email, "phone": phone},
        routing.numbered(routing.PARENT_EDUCATES, number): {
            "educates": "yes" if educates else "no"
        },
    }


def provider_answers(
    number: int,
    *,
    name: str = "Riverside Tutors",
    provider_type: str = "tutor",
    address: dict | None = None,
    website: str = "https://tutors.example",
    email: str = "",
    hours: str = "6",
    hours_without_parent: str = "4",
) -> dict:
    """One provider's three pages; with no `address` the provider is online."""
    location = (
        {"where": "address", **address}
        if address
        else {"where": "online", "website": website, "email": email}
    )
    return {
        routing.numbered(routing.PROVIDER_DETAILS, number): {
            "name": name,
            "provider_type": provider_type,
        },
        routing.numbered(routing.PROVIDER_LOCATION, number): location,
        routing.numbered(routing.PROVIDER_HOURS, number): {
            "hours": hours,
            "hours_without_parent": hours_without_parent,
        },
    }


def complete_answers(
    *,
    first_name: str = "Amelia",
    last_name: str = "Brightwater",
    date_of_birth: str = "2015-06-10",
    postcode: str = "EX1 1AA",
    parents: list[dict] | None = None,
    providers: list[dict] | None = None,
    moved_in: tuple[int, int] = (2019, 3),
    previous_address: dict | None = None,
    additional_address: dict | None = None,
    parent_hours: str = "20",
    school: dict | None = None,
    reason: str = "philosophical",
    sen: str = "none",
    wants_support: bool = False,
) -> dict:
    """Every answer of a finished journey, as the session holds them before sending."""
    parents = parents if parents is not None else [parent_answers(1)]
    providers = providers or []
    year, month = moved_in
    answers: dict = {
        routing.CHILD_NAME: {"first_name": first_name, "middle_names": "", "last_name": last_name},
        routing.CHILD_DATE_OF_BIRTH: {"date_of_birth": date_of_birth},
        routing.CHILD_SEX: {"sex": "female"},
        routing.CHILD_ADDRESS: {**HOME, "postcode": postcode},
        routing.CHILD_MOVED_IN: {
            "month": month,
            "year": year,
            "under_12_months": previous_address is not None,
        },
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION: {
            "has_additional_address": "yes" if additional_address else "no"
        },
    }
    if previous_address:
        answers[routing.CHILD_PREVIOUS_ADDRESS] = previous_address
    if additional_address:
        answers[routing.CHILD_ADDITIONAL_ADDRESS] = additional_address
    for parent in parents:
        answers.update(parent)
    answers[routing.PARENTS_SUMMARY] = {"add_another": "no", "count": len(parents)}
    if routing.any_parent_educates(answers):
        answers[routing.EDUCATION_HOURS] = {"hours": parent_hours}
    answers[routing.OTHER_PROVIDERS_QUESTION] = {"has_providers": "yes" if providers else "no"}
    for provider in providers:
        answers.update(provider)
    if providers:
        answers[routing.PROVIDERS_SUMMARY] = {"add_another": "no", "count": len(providers)}
    answers[routing.SCHOOL] = school or {
        "never_at_school": False,
        "school_name": "Exeter Primary School",
        "still_on_roll": "no",
        "special_school": "no",
    }
    answers[routing.REASON] = {"reason": reason}
    answers[routing.SEN] = {"sen": sen}
    answers[routing.SUPPORT] = {"wants_support": "yes" if wants_support else "no"}
    answers[routing.DECLARATION] = {"confirmed": True}
    return answers


def begin(client, answers: dict | None = None) -> None:
    """Start a journey, then (as if the parent had answered them) hold these answers."""
    client.get(reverse("public:notify-start"))
    if answers is not None:
        session = client.session
        stored = session[ANSWERS_KEY]
        stored["answers"] = answers
        session[ANSWERS_KEY] = stored
        session.save()


def up_to(page: str, answers: dict) -> dict:
    """The answers a parent has given before reaching `page`."""
    path = routing.journey(answers)
    return {name: answers[name] for name in path[: path.index(page)] if name in answers}


def update_request_link(entry) -> str:
    """The secret of the link in an update request sent about the entry."""
    return link_sent(update_request_send(entry=entry, actor=SCHEDULER))


def provider_request_link(provider, *, actor) -> str:
    """The secret of the link in an information request sent to the provider."""
    return link_sent(provider_request_send(provider=provider, actor=actor))
