"""The order of the "Tell us your child is not in school" pages: pure functions of the answers.

Answers map a page name to that page's answer (a dict of JSON values). Pages asked once for each
parent or carer and each provider carry its number: "parent-name-2", "provider-hours-1". Nothing
here knows about requests, sessions or the database, so whole journeys can be tested as tables
of answers.

A page's answer that depends on today (whether the child moved in under 12 months ago) is worked
out by its form when the parent answers, and kept in the answer, so routing needs no clock.
"""

import re
from collections.abc import Mapping

CHILD_NAME = "child-name"
CHILD_DATE_OF_BIRTH = "child-date-of-birth"
CHILD_SEX = "child-sex"
CHILD_ADDRESS = "child-address"
CHILD_MOVED_IN = "child-moved-in"
CHILD_PREVIOUS_ADDRESS = "child-previous-address"
CHILD_ADDITIONAL_ADDRESS_QUESTION = "child-additional-address-question"
CHILD_ADDITIONAL_ADDRESS = "child-additional-address"
PARENT_NAME = "parent-name"
PARENT_RELATIONSHIP = "parent-relationship"
PARENT_ADDRESS = "parent-address"
PARENT_CONTACT = "parent-contact"
PARENT_EDUCATES = "parent-educates"
PARENTS_SUMMARY = "parents-summary"
EDUCATION_HOURS = "education-hours"
OTHER_PROVIDERS_QUESTION = "other-providers-question"
PROVIDER_DETAILS = "provider-details"
PROVIDER_LOCATION = "provider-location"
PROVIDER_HOURS = "provider-hours"
PROVIDERS_SUMMARY = "providers-summary"
SCHOOL = "school"
REASON = "reason"
SEN = "sen"
SUPPORT = "support"
CHECK_ANSWERS = "check-answers"
DECLARATION = "declaration"
# Not a question page: where the journey ends once the notification is sent.
CONFIRMATION = "confirmation"

FIRST_PAGE = CHILD_NAME

# s.436C(1)(b) asks for each parent; the online form takes up to four, and up to six providers.
MAX_PARENTS = 4
MAX_PROVIDERS = 6

PARENT_PAGES = (PARENT_NAME, PARENT_RELATIONSHIP, PARENT_ADDRESS, PARENT_CONTACT, PARENT_EDUCATES)
PROVIDER_PAGES = (PROVIDER_DETAILS, PROVIDER_LOCATION, PROVIDER_HOURS)

# Each repeated group: its pages, the page listing what was added, and the most it can hold.
GROUPS = {
    "parent": (PARENT_PAGES, PARENTS_SUMMARY, MAX_PARENTS),
    "provider": (PROVIDER_PAGES, PROVIDERS_SUMMARY, MAX_PROVIDERS),
}

SINGLE_PAGES = frozenset(
    {
        CHILD_NAME,
        CHILD_DATE_OF_BIRTH,
        CHILD_SEX,
        CHILD_ADDRESS,
        CHILD_MOVED_IN,
        CHILD_PREVIOUS_ADDRESS,
        CHILD_ADDITIONAL_ADDRESS_QUESTION,
        CHILD_ADDITIONAL_ADDRESS,
        PARENTS_SUMMARY,
        EDUCATION_HOURS,
        OTHER_PROVIDERS_QUESTION,
        PROVIDERS_SUMMARY,
        SCHOOL,
        REASON,
        SEN,
        SUPPORT,
        CHECK_ANSWERS,
        DECLARATION,
    }
)

# Where a "Change" link may send the parent back to once the change is made.
RETURN_PAGES = frozenset({CHECK_ANSWERS, PARENTS_SUMMARY, PROVIDERS_SUMMARY})

_NUMBERED = re.compile(r"^(?P<base>[a-z-]+)-(?P<number>[1-9])$")


def numbered(page: str, number: int) -> str:
    """The name of a repeated page for one parent or provider, e.g. parent-name-2."""
    return f"{page}-{number}"


def page_parts(page: str) -> tuple[str, int | None]:
    """Split "parent-name-2" into ("parent-name", 2); a single page has no number."""
    match = _NUMBERED.match(page)
    if match and match["base"] in PARENT_PAGES + PROVIDER_PAGES:
        return match["base"], int(match["number"])
    return page, None


def is_known_page(page: str) -> bool:
    """Whether a page name is one of this journey's pages (numbers within the group's limit)."""
    base, number = page_parts(page)
    if number is None:
        return page in SINGLE_PAGES
    group = "parent" if base in PARENT_PAGES else "provider"
    return number <= GROUPS[group][2]


def group_count(answers: Mapping, group: str) -> int:
    """How many parents (or providers) have been added: their first pages answered in turn."""
    first_page = GROUPS[group][0][0]
    count = 0
    while numbered(first_page, count + 1) in answers:
        count += 1
    return count


def _choice(answers: Mapping, page: str, field: str) -> object:
    answer = answers.get(page)
    return answer.get(field) if isinstance(answer, Mapping) else None


def _summary_answered(answers: Mapping, group: str) -> bool:
    # The "add another?" answer speaks for the list it was given about: once a parent is added
    # or removed the list has changed, and the question is asked again.
    summary = GROUPS[group][1]
    return _choice(answers, summary, "count") == group_count(answers, group)


def _adding_another(answers: Mapping, group: str) -> bool:
    _, summary, most = GROUPS[group]
    return (
        _summary_answered(answers, group)
        and _choice(answers, summary, "add_another") == "yes"
        and group_count(answers, group) < most
    )


def any_parent_educates(answers: Mapping) -> bool:
    return any(
        _choice(answers, numbered(PARENT_EDUCATES, number), "educates") == "yes"
        for number in range(1, group_count(answers, "parent") + 1)
    )


def _group_pages(answers: Mapping, group: str) -> tuple[list[str], bool]:
    """The pages of a repeated group, and whether the journey pauses for a new member."""
    pages_each, summary, _ = GROUPS[group]
    count = max(group_count(answers, group), 1)
    pages = [numbered(page, number) for number in range(1, count + 1) for page in pages_each]
    pages.append(summary)
    if _adding_another(answers, group):
        # What follows depends on the summary's next answer, once this member is added.
        pages.extend(numbered(page, count + 1) for page in pages_each)
        return pages, True
    return pages, False


def journey(answers: Mapping) -> list[str]:
    """Every page the parent is asked, in order, given the answers so far."""
    pages = [CHILD_NAME, CHILD_DATE_OF_BIRTH, CHILD_SEX, CHILD_ADDRESS, CHILD_MOVED_IN]
    # s.436C(1)(a) as amended: the previous address of a child at the current one < 12 months.
    if _choice(answers, CHILD_MOVED_IN, "under_12_months") is True:
        pages.append(CHILD_PREVIOUS_ADDRESS)
    pages.append(CHILD_ADDITIONAL_ADDRESS_QUESTION)
    if _choice(answers, CHILD_ADDITIONAL_ADDRESS_QUESTION, "has_additional_address") == "yes":
        pages.append(CHILD_ADDITIONAL_ADDRESS)

    parent_pages, paused = _group_pages(answers, "parent")
    pages.extend(parent_pages)
    if paused:
        return pages
    # s.436C(1)(d): the estimate of time educated by parents, asked only if a parent educates.
    if any_parent_educates(answers):
        pages.append(EDUCATION_HOURS)
    pages.append(OTHER_PROVIDERS_QUESTION)
    if _choice(answers, OTHER_PROVIDERS_QUESTION, "has_providers") == "yes":
        provider_pages, paused = _group_pages(answers, "provider")
        pages.extend(provider_pages)
        if paused:
            return pages
    pages.extend([SCHOOL, REASON, SEN, SUPPORT, CHECK_ANSWERS, DECLARATION])
    return pages


def is_answered(page: str, answers: Mapping) -> bool:
    if page == PARENTS_SUMMARY:
        return _summary_answered(answers, "parent")
    if page == PROVIDERS_SUMMARY:
        return _summary_answered(answers, "provider")
    return page in answers


def first_unanswered(answers: Mapping) -> str:
    """The first page still to answer; check-answers once every question is answered."""
    for page in journey(answers):
        if page == CHECK_ANSWERS or not is_answered(page, answers):
            return page
    raise AssertionError("A journey always reaches check-answers")  # pragma: no cover


def is_complete(answers: Mapping) -> bool:
    return first_unanswered(answers) == CHECK_ANSWERS


def is_reachable(page: str, answers: Mapping) -> bool:
    """Whether the parent may be on this page: it is on their path and nothing before it is
    left unanswered (a typed address cannot skip ahead)."""
    pages = journey(answers)
    if page not in pages:
        return False
    stop = first_unanswered(answers)
    if stop == CHECK_ANSWERS:
        return True
    return pages.index(page) <= pages.index(stop)


def _position(current: str, pages: list[str]) -> int:
    try:
        return pages.index(current)
    except ValueError:
        raise ValueError(f"{current!r} is not on this journey's path") from None


def next_page(current: str, answers: Mapping) -> str:
    """The page after `current`, given the answers (including the one just given)."""
    pages = journey(answers)
    position = _position(current, pages)
    if position + 1 == len(pages):
        return CONFIRMATION if current == DECLARATION else first_unanswered(answers)
    return pages[position + 1]


def previous_page(current: str, answers: Mapping) -> str | None:
    """The page the back link goes to; None on the first page."""
    base, number = page_parts(current)
    for pages_each, summary, _ in GROUPS.values():
        # A second parent or provider is added from the list: back goes to the list.
        if base == pages_each[0] and number is not None and number > 1:
            return summary
    pages = journey(answers)
    position = _position(current, pages)
    return pages[position - 1] if position else None


def page_after_change(current: str, answers: Mapping, return_to: str) -> str:
    """Where a parent goes after changing an answer from check-answers or a list.

    Back to that page, unless the change opened a question that is not yet answered (e.g.
    "yes, there is another address"), which comes first.
    """
    stop = first_unanswered(answers)
    pages = journey(answers)
    if return_to == CHECK_ANSWERS or return_to not in pages:
        return stop
    return stop if pages.index(stop) < pages.index(return_to) else return_to


def pruned(answers: Mapping) -> dict:
    """Only the answers on the parent's path: answers to questions a later change made
    irrelevant (a provider, when they then said nobody else educates the child) are dropped."""
    return {page: answers[page] for page in journey(answers) if page in answers}
