"""What the parent is shown of their own answers: the lists of parents and providers, and
"Check your answers". Pure functions of the answers: the view gives them the links to use.
"""

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from registers.forms import NOT_GIVEN
from registers.intake.notification import PROVIDER_TYPE, RELATIONSHIP, SEX
from registers.public.notify import routing
from registers.rules.codes import PrimaryReason, SenProvision
from registers.rules.deadlines import long_date

ChangeUrl = Callable[[str], str]

NOUNS = {"parent": "parent or carer", "provider": "provider"}
_SEN_SHOWN = {
    SenProvision.SEN_SUPPORT: "SEN support",
    SenProvision.EHC_PLAN: "Education, health and care (EHC) plan",
    SenProvision.NONE: "No",
    SenProvision.UNKNOWN: "Prefer not to say",
}
_SPECIAL_SCHOOL_SHOWN = {"yes": "Yes", "no": "No"}


@dataclass
class Row:
    key: str
    lines: list[str]
    page: str
    # Completes "Change" for a screen reader: "Change your child's name".
    hidden: str
    change_url: str = ""


@dataclass
class Member:
    number: int
    name: str
    rows: list[Row] = field(default_factory=list)
    remove_url: str = ""


@dataclass
class Section:
    """A part of check your answers: its rows, or a card for each member of a list (each
    parent, each provider) and the Change link of the list itself."""

    title: str
    rows: list[Row] = field(default_factory=list)
    cards: list[Member] = field(default_factory=list)
    list_row: Row | None = None


def _label(choices, value: object) -> str:
    return dict(choices).get(value, "")


def _address_lines(answer: Mapping) -> list[str]:
    return [answer[part] for part in ("line_1", "line_2", "town", "postcode") if answer.get(part)]


def _hours(typed: object) -> str:
    """Hours a week as a parent estimated them: "About 6 hours", "About 1 hour", "0 hours"."""
    hours = Decimal(str(typed))
    if hours == 0:
        return "0 hours"
    return f"About {typed} hour{'' if hours == 1 else 's'}"


def _yes_no(answer: Mapping, name: str) -> str:
    return "Yes" if answer.get(name) == "yes" else "No"


def _answer(answers: Mapping, page: str) -> Mapping:
    return answers.get(page) or {}


def _parent_rows(answers: Mapping, number: int) -> list[Row]:
    def page(base: str) -> str:
        return routing.numbered(base, number)

    name = _answer(answers, page(routing.PARENT_NAME))
    home = _answer(answers, page(routing.PARENT_ADDRESS))
    contact = _answer(answers, page(routing.PARENT_CONTACT))
    relationship = _answer(answers, page(routing.PARENT_RELATIONSHIP)).get("relationship")
    who = f"parent or carer {number}"
    return [
        Row(
            "Name",
            [f"{name.get('first_name', '')} {name.get('last_name', '')}"],
            page(routing.PARENT_NAME),
            f"name of {who}",
        ),
        Row(
            "Relationship to the child",
            [_label(RELATIONSHIP.choices, relationship)],
            page(routing.PARENT_RELATIONSHIP),
            f"relationship of {who} to the child",
        ),
        Row(
            "Address",
            ["Same as the child's home address"]
            if home.get("same_as_child") == "yes"
            else _address_lines(home),
            page(routing.PARENT_ADDRESS),
            f"address of {who}",
        ),
        Row(
            "Contact details",
            [value for value in (contact.get("email"), contact.get("phone")) if value]
            or [NOT_GIVEN],
            page(routing.PARENT_CONTACT),
            f"contact details of {who}",
        ),
        Row(
            "Educates the child",
            [_yes_no(_answer(answers, page(routing.PARENT_EDUCATES)), "educates")],
            page(routing.PARENT_EDUCATES),
            f"whether {who} educates the child",
        ),
    ]


def _provider_rows(answers: Mapping, number: int) -> list[Row]:
    def page(base: str) -> str:
        return routing.numbered(base, number)

    details = _answer(answers, page(routing.PROVIDER_DETAILS))
    location = _answer(answers, page(routing.PROVIDER_LOCATION))
    hours = _answer(answers, page(routing.PROVIDER_HOURS))
    where = (
        _address_lines(location)
        if location.get("where") == "address"
        else [
            "Online",
            *(value for value in (location.get("website"), location.get("email")) if value),
        ]
    )
    who = f"provider {number}"
    return [
        Row("Name", [details.get("name", "")], page(routing.PROVIDER_DETAILS), f"name of {who}"),
        Row(
            "Type",
            [_label(PROVIDER_TYPE.choices, details.get("provider_type"))],
            page(routing.PROVIDER_DETAILS),
            f"type of {who}",
        ),
        Row("Where", where, page(routing.PROVIDER_LOCATION), f"where for {who}"),
        Row(
            "Hours a week",
            [_hours(hours.get("hours", 0))],
            page(routing.PROVIDER_HOURS),
            f"hours a week with {who}",
        ),
        Row(
            "Hours a week without a parent present",
            [_hours(hours.get("hours_without_parent", 0))],
            page(routing.PROVIDER_HOURS),
            f"hours a week with {who} without a parent present",
        ),
    ]


_GROUP_ROWS = {"parent": _parent_rows, "provider": _provider_rows}


def members(
    answers: Mapping,
    group: str,
    *,
    change_url: ChangeUrl,
    remove_url: Callable[[str, int], str] | None = None,
) -> list[Member]:
    """The parents (or providers) added so far, each with its rows; a list of more than one
    offers to remove each."""
    count = routing.group_count(answers, group)
    listed = []
    for number in range(1, count + 1):
        rows = _GROUP_ROWS[group](answers, number)
        for row in rows:
            row.change_url = change_url(row.page)
        listed.append(
            Member(
                number=number,
                name=rows[0].lines[0],
                rows=rows,
                remove_url=remove_url(group, number) if remove_url and count > 1 else "",
            )
        )
    return listed


def _child_rows(answers: Mapping, path: list[str]) -> list[Row]:
    name = _answer(answers, routing.CHILD_NAME)
    moved_in = _answer(answers, routing.CHILD_MOVED_IN)
    born = _answer(answers, routing.CHILD_DATE_OF_BIRTH).get("date_of_birth")
    rows = [
        Row(
            "Name",
            [
                " ".join(
                    part
                    for part in (
                        name.get("first_name"),
                        name.get("middle_names"),
                        name.get("last_name"),
                    )
                    if part
                )
            ],
            routing.CHILD_NAME,
            "your child's name",
        ),
        Row(
            "Date of birth",
            [long_date(date.fromisoformat(born))] if born else [],
            routing.CHILD_DATE_OF_BIRTH,
            "your child's date of birth",
        ),
        Row(
            "Sex",
            [_label(SEX.choices, _answer(answers, routing.CHILD_SEX).get("sex"))],
            routing.CHILD_SEX,
            "your child's sex",
        ),
        Row(
            "Home address",
            _address_lines(_answer(answers, routing.CHILD_ADDRESS)),
            routing.CHILD_ADDRESS,
            "your child's home address",
        ),
        Row(
            "Living there since",
            [f"{calendar.month_name[moved_in['month']]} {moved_in['year']}"] if moved_in else [],
            routing.CHILD_MOVED_IN,
            "when your child started living at this address",
        ),
    ]
    if routing.CHILD_PREVIOUS_ADDRESS in path:
        rows.append(
            Row(
                "Previous address",
                _address_lines(_answer(answers, routing.CHILD_PREVIOUS_ADDRESS)),
                routing.CHILD_PREVIOUS_ADDRESS,
                "your child's previous address",
            )
        )
    if routing.CHILD_ADDITIONAL_ADDRESS in path:
        rows.append(
            Row(
                "Other address",
                _address_lines(_answer(answers, routing.CHILD_ADDITIONAL_ADDRESS)),
                routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
                "your child's other address",
            )
        )
    else:
        rows.append(
            Row(
                "Lives at another address",
                [
                    _yes_no(
                        _answer(answers, routing.CHILD_ADDITIONAL_ADDRESS_QUESTION),
                        "has_additional_address",
                    )
                ],
                routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
                "whether your child lives at another address",
            )
        )
    return rows


def _list_section(
    answers: Mapping, group: str, summary_page: str, title: str, *, change_url: ChangeUrl
) -> Section:
    """Everyone on a list, a card each with every answer about them, and the list's own
    Change link (to add or remove)."""
    return Section(
        title,
        cards=members(answers, group, change_url=change_url),
        list_row=Row(title, [], summary_page, f"the list of {title.lower()}"),
    )


def _school_rows(answers: Mapping) -> list[Row]:
    school = _answer(answers, routing.SCHOOL)
    if school.get("never_at_school"):
        return [Row("School", ["Has not been to school"], routing.SCHOOL, "school")]
    return [
        Row("School", [school.get("school_name", "")], routing.SCHOOL, "school"),
        Row(
            "Still on the school's roll",
            [_yes_no(school, "still_on_roll")],
            routing.SCHOOL,
            "whether your child is still on the school's roll",
        ),
        Row(
            "Special school",
            [_SPECIAL_SCHOOL_SHOWN.get(school.get("special_school"), "Not sure")],
            routing.SCHOOL,
            "whether it is a special school",
        ),
    ]


def _more_rows(answers: Mapping) -> list[Row]:
    reason = _answer(answers, routing.REASON).get("reason")
    sen = _answer(answers, routing.SEN).get("sen")
    return [
        Row(
            "Main reason",
            [
                "Prefer not to say"
                if reason == PrimaryReason.NO_REASON_GIVEN
                else _label(PrimaryReason.choices, reason) or NOT_GIVEN
            ],
            routing.REASON,
            "the main reason",
        ),
        Row(
            "Special educational needs",
            [_SEN_SHOWN.get(sen, NOT_GIVEN)],
            routing.SEN,
            "special educational needs",
        ),
        Row(
            "Would like support or advice",
            [_yes_no(_answer(answers, routing.SUPPORT), "wants_support")],
            routing.SUPPORT,
            "whether you would like support or advice",
        ),
    ]


def check_answer_sections(answers: Mapping, *, change_url: ChangeUrl) -> list[Section]:
    """Every answer on the parent's path, in sections, each row with its Change link."""
    path = routing.journey(answers)
    sections = [
        Section("Your child", _child_rows(answers, path)),
        _list_section(
            answers,
            "parent",
            routing.PARENTS_SUMMARY,
            "Parents and carers",
            change_url=change_url,
        ),
    ]
    education = []
    if routing.EDUCATION_HOURS in path:
        education.append(
            Row(
                "Hours a week educated by parents or carers",
                [_hours(_answer(answers, routing.EDUCATION_HOURS).get("hours", 0))],
                routing.EDUCATION_HOURS,
                "hours a week educated by parents or carers",
            )
        )
    education.append(
        Row(
            "Anyone else educates your child",
            [_yes_no(_answer(answers, routing.OTHER_PROVIDERS_QUESTION), "has_providers")],
            routing.OTHER_PROVIDERS_QUESTION,
            "whether anyone else educates your child",
        )
    )
    sections.append(Section("Education", education))
    if routing.PROVIDERS_SUMMARY in path:
        sections.append(
            _list_section(
                answers, "provider", routing.PROVIDERS_SUMMARY, "Providers", change_url=change_url
            )
        )
    sections.append(Section("School", _school_rows(answers)))
    sections.append(Section("More about your child", _more_rows(answers)))
    for section in sections:
        for row in [*section.rows, *([section.list_row] if section.list_row else [])]:
            row.change_url = change_url(row.page)
    return sections
