"""The parent's answers, page by page, as the intake's notification data; and back.

The journey keeps one answer per page (registers.public.notify.routing). The intake knows
nothing of pages: it takes the door-neutral data of registers.intake.notification and names a
problem by the path of its field. This module turns the one into the other, and a path back
into the page where the parent puts it right.
"""

import re
from collections.abc import Mapping

from registers.public.notify import routing

_YES_NO = {"yes": True, "no": False}


def _answer(answers: Mapping, page: str) -> Mapping:
    answer = answers.get(page)
    return answer if isinstance(answer, Mapping) else {}


def _address(answer: Mapping) -> dict:
    return {part: answer.get(part, "") for part in ("line_1", "line_2", "town", "postcode")}


def _parent(answers: Mapping, number: int) -> dict:
    def answer(page: str) -> Mapping:
        return _answer(answers, routing.numbered(page, number))

    name, home = answer(routing.PARENT_NAME), answer(routing.PARENT_ADDRESS)
    contact = answer(routing.PARENT_CONTACT)
    return {
        "first_name": name.get("first_name", ""),
        "last_name": name.get("last_name", ""),
        "relationship": answer(routing.PARENT_RELATIONSHIP).get("relationship"),
        "address": None if home.get("same_as_child") == "yes" else _address(home),
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "educates": _YES_NO.get(answer(routing.PARENT_EDUCATES).get("educates")),
    }


def _provider(answers: Mapping, number: int) -> dict:
    def answer(page: str) -> Mapping:
        return _answer(answers, routing.numbered(page, number))

    details, location = answer(routing.PROVIDER_DETAILS), answer(routing.PROVIDER_LOCATION)
    hours = answer(routing.PROVIDER_HOURS)
    at_address = location.get("where") == "address"
    return {
        "name": details.get("name", ""),
        "provider_type": details.get("provider_type"),
        "address": _address(location) if at_address else None,
        "website": "" if at_address else location.get("website", ""),
        "email": "" if at_address else location.get("email", ""),
        "hours_per_week": hours.get("hours"),
        "hours_without_parent": hours.get("hours_without_parent"),
    }


def notification_data(answers: Mapping) -> dict:
    """The answers of a finished journey as the notification contract's data."""
    path = routing.journey(answers)
    name = _answer(answers, routing.CHILD_NAME)
    moved_in = _answer(answers, routing.CHILD_MOVED_IN)
    school = _answer(answers, routing.SCHOOL)
    parents = [_parent(answers, n) for n in range(1, routing.group_count(answers, "parent") + 1)]
    providers = []
    if routing.PROVIDERS_SUMMARY in path:
        count = routing.group_count(answers, "provider")
        providers = [_provider(answers, n) for n in range(1, count + 1)]
    return {
        "child": {
            "first_name": name.get("first_name", ""),
            "middle_names": name.get("middle_names", ""),
            "last_name": name.get("last_name", ""),
            "date_of_birth": _answer(answers, routing.CHILD_DATE_OF_BIRTH).get("date_of_birth"),
            "sex": _answer(answers, routing.CHILD_SEX).get("sex"),
        },
        "home_address": _address(_answer(answers, routing.CHILD_ADDRESS)),
        "lived_at_home_since": {"month": moved_in.get("month"), "year": moved_in.get("year")},
        "previous_address": (
            _address(_answer(answers, routing.CHILD_PREVIOUS_ADDRESS))
            if routing.CHILD_PREVIOUS_ADDRESS in path
            else None
        ),
        "additional_address": (
            _address(_answer(answers, routing.CHILD_ADDITIONAL_ADDRESS))
            if routing.CHILD_ADDITIONAL_ADDRESS in path
            else None
        ),
        "parents": parents,
        "hours_educated_by_parents": _answer(answers, routing.EDUCATION_HOURS).get("hours"),
        "providers": providers,
        "school": (
            {"attended": False}
            if school.get("never_at_school")
            else {
                "attended": True,
                "name": school.get("school_name", ""),
                "still_on_roll": _YES_NO.get(school.get("still_on_roll")),
                "special_school": school.get("special_school"),
            }
        ),
        "primary_reason": _answer(answers, routing.REASON).get("reason") or None,
        "sen_provision": _answer(answers, routing.SEN).get("sen") or None,
        "wants_support": _YES_NO.get(_answer(answers, routing.SUPPORT).get("wants_support")),
    }


_LISTED = re.compile(r"^(?P<group>parents|providers)\[(?P<index>\d+)\]\.(?P<field>[a-z_]+)")

# The page each part of the contract is answered on.
_PAGES = {
    "child.first_name": routing.CHILD_NAME,
    "child.middle_names": routing.CHILD_NAME,
    "child.last_name": routing.CHILD_NAME,
    "child.date_of_birth": routing.CHILD_DATE_OF_BIRTH,
    "child.sex": routing.CHILD_SEX,
    "home_address": routing.CHILD_ADDRESS,
    "lived_at_home_since": routing.CHILD_MOVED_IN,
    "previous_address": routing.CHILD_PREVIOUS_ADDRESS,
    "additional_address": routing.CHILD_ADDITIONAL_ADDRESS,
    "parents": routing.PARENTS_SUMMARY,
    "hours_educated_by_parents": routing.EDUCATION_HOURS,
    "providers": routing.PROVIDERS_SUMMARY,
    "school": routing.SCHOOL,
    "primary_reason": routing.REASON,
    "sen_provision": routing.SEN,
    "wants_support": routing.SUPPORT,
}
_MEMBER_PAGES = {
    "parents": {
        "first_name": routing.PARENT_NAME,
        "last_name": routing.PARENT_NAME,
        "relationship": routing.PARENT_RELATIONSHIP,
        "address": routing.PARENT_ADDRESS,
        "email": routing.PARENT_CONTACT,
        "phone": routing.PARENT_CONTACT,
        "educates": routing.PARENT_EDUCATES,
    },
    "providers": {
        "name": routing.PROVIDER_DETAILS,
        "provider_type": routing.PROVIDER_DETAILS,
        "address": routing.PROVIDER_LOCATION,
        "website": routing.PROVIDER_LOCATION,
        "email": routing.PROVIDER_LOCATION,
        "hours_per_week": routing.PROVIDER_HOURS,
        "hours_without_parent": routing.PROVIDER_HOURS,
    },
}


def page_for(path: str) -> str:
    """The page where the parent answers the field a contract error names."""
    listed = _LISTED.match(path)
    if listed:
        page = _MEMBER_PAGES[listed["group"]][listed["field"]]
        return routing.numbered(page, int(listed["index"]) + 1)
    for prefix, page in _PAGES.items():
        if path == prefix or path.startswith(f"{prefix}."):
            return page
    return routing.CHECK_ANSWERS
