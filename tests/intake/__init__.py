"""Builders of notification data as the contract takes it (the shape an API will send)."""

from copy import deepcopy

HOME = {"line_1": "1 Quay Lane", "line_2": "", "town": "Exeter", "postcode": "EX1 1AA"}
ELSEWHERE = {
    "line_1": "7 Mill Street",
    "line_2": "Flat 2",
    "town": "Crediton",
    "postcode": "EX17 3AB",
}


def parent_data(
    *,
    first_name: str = "Robin",
    last_name: str = "Brightwater",
    relationship: str = "mother",
    address: dict | None = None,
    email: str = "robin@family.example",
    phone: str = "",
    educates: bool = True,
) -> dict:
    return {
        "first_name": first_name,
        "last_name": last_name,
        "relationship": relationship,
        "address": address,
        "email": email,
        "phone": phone,
        "educates": educates,
    }


def provider_data(
    *,
    name: str = "Riverside Tutors",
    provider_type: str = "tutor",
    address: dict | None = None,
    website: str = "https://tutors.example",
    email: str = "",
    hours: str = "6",
    hours_without_parent: str = "4",
) -> dict:
    return {
        "name": name,
        "provider_type": provider_type,
        "address": address,
        "website": "" if address else website,
        "email": "" if address else email,
        "hours_per_week": hours,
        "hours_without_parent": hours_without_parent,
    }


def notification_data(
    *,
    first_name: str = "Amelia",
    date_of_birth: str = "2015-06-10",
    postcode: str = "EX1 1AA",
    lived_since: tuple[int, int] = (2019, 3),
    previous_address: dict | None = None,
    additional_address: dict | None = None,
    parents: list[dict] | None = None,
    parent_hours: str | None = "20",
    providers: list[dict] | None = None,
    school: dict | None = None,
    primary_reason: str | None = "philosophical",
    sen_provision: str | None = "none",
    wants_support: bool = False,
) -> dict:
    """A whole notification, valid on 28 November 2026 unless told otherwise."""
    year, month = lived_since
    return deepcopy(
        {
            "child": {
                "first_name": first_name,
                "middle_names": "",
                "last_name": "Brightwater",
                "date_of_birth": date_of_birth,
                "sex": "female",
            },
            "home_address": {**HOME, "postcode": postcode},
            "lived_at_home_since": {"month": month, "year": year},
            "previous_address": previous_address,
            "additional_address": additional_address,
            "parents": parents if parents is not None else [parent_data()],
            "hours_educated_by_parents": parent_hours,
            "providers": providers or [],
            "school": school
            or {
                "attended": True,
                "name": "Exeter Primary School",
                "still_on_roll": False,
                "special_school": "no",
            },
            "primary_reason": primary_reason,
            "sen_provision": sen_provision,
            "wants_support": wants_support,
        }
    )
