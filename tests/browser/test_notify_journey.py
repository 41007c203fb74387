"""A parent tells the LA their child is not in school, in Chromium, with JavaScript on and off.

Fields are found by their labels, as a person finds them; axe checks every page, and the error
states of the date of birth, the hours and the postcode.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from registers.models import RegisterEntry
from tests.browser.conftest import TIMEOUT_MS, assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture(params=[True, False], ids=["javascript on", "javascript off"])
def parent_page(request, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=request.param)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


def accessible(page: Page) -> None:
    """axe on the page as the parent sees it.

    axe waits on timers, which never fire where JavaScript is switched off, so a page seen
    without JavaScript is checked as a copy, its scripts taken out, in a page where axe can run.
    """
    if page.evaluate("document.body.classList.contains('js-enabled')"):
        assert_accessible(page)
        return
    html = _SCRIPT.sub("", page.content())
    html = html.replace("<head>", f'<head><base href="{page.url}">', 1)
    context = page.context.browser.new_context()
    try:
        checker = context.new_page()
        checker.set_content(html)
        assert_accessible(checker)
    finally:
        context.close()


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def answer(page: Page, question: str) -> None:
    """The page asks `question` (its h1), passes axe, and goes on after Continue."""
    expect(heading(page, question)).to_be_visible()
    accessible(page)


def carry_on(page: Page) -> None:
    page.get_by_role("button", name="Continue").click()


def shows_error(page: Page, message: str) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    accessible(page)


def choose(page: Page, label: str, *, within: str | None = None) -> None:
    scope = page.get_by_role("group", name=within) if within else page
    scope.get_by_label(label, exact=True).check()


def fill_address(page: Page, line_1: str, town: str, postcode: str) -> None:
    page.get_by_label("Address line 1").fill(line_1)
    page.get_by_label("Town or city").fill(town)
    page.get_by_label("Postcode").fill(postcode)


def add_parent(page: Page, number: int, *, first_name: str, relationship: str, **details):
    expect(page.get_by_text(f"Parent or carer {number}", exact=True)).to_be_visible()
    answer(page, "What is the parent or carer's name?")
    page.get_by_label("First name").fill(first_name)
    page.get_by_label("Last name").fill("Brightwater")
    carry_on(page)

    answer(page, "What is the parent or carer's relationship to the child?")
    choose(page, relationship)
    carry_on(page)

    answer(page, "Does the parent or carer live at the child's home address?")
    if details.get("address"):
        choose(page, "No")
        fill_address(page, *details["address"])
    else:
        choose(page, "Yes")
    carry_on(page)

    answer(page, "How can the local authority contact the parent or carer?")
    page.get_by_label("Email address").fill(details.get("email", ""))
    page.get_by_label("Phone number").fill(details.get("phone", ""))
    carry_on(page)

    answer(page, "Does the parent or carer educate the child?")
    choose(page, "Yes" if details.get("educates") else "No")
    carry_on(page)


def add_provider(
    page: Page,
    number: int,
    *,
    name: str,
    kind: str,
    hours: str,
    without: str,
    website: str = "",
    address: tuple[str, str, str] | None = None,
):
    expect(page.get_by_text(f"Provider {number}", exact=True)).to_be_visible()
    answer(page, "Who else educates your child?")
    page.get_by_label("Name of the provider").fill(name)
    choose(page, kind)
    carry_on(page)

    answer(page, "Where does your child get this education?")
    if address:
        choose(page, "At an address")
        fill_address(page, *address)
    else:
        choose(page, "Online")
        page.get_by_label("Website").fill(website)
    carry_on(page)

    answer(page, "About how many hours a week does your child spend with this provider?")
    page.get_by_label("Total hours a week").fill(hours)
    page.get_by_label("Hours a week without a parent present").fill(without)
    carry_on(page)


def test_a_parent_notifies_a_child_with_two_parents_and_two_providers(
    parent_page: Page, live_server, devon
):
    page = parent_page
    page.goto(live_server.url + "/")
    accessible(page)
    page.get_by_role("button", name="Start now").click()

    answer(page, "What is your child's name?")
    expect(page).to_have_title(
        "What is your child's name? – Devon – Children not in school register"
    )
    page.get_by_label("First name").fill("Amelia")
    page.get_by_label("Last name").fill("Brightwater")
    carry_on(page)

    answer(page, "What is your child's date of birth?")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2016")
    carry_on(page)
    shows_error(page, "Your child's date of birth must be a real date")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Year").fill("2022")
    carry_on(page)
    shows_error(page, re.compile("Your child is not of compulsory school age yet"))
    page.get_by_label("Day").fill("10")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2015")
    carry_on(page)

    answer(page, "What is your child's sex?")
    choose(page, "Female")
    carry_on(page)

    answer(page, "What is your child's home address?")
    fill_address(page, "1 Quay Lane", "Exeter", "EXETER")
    carry_on(page)
    shows_error(page, "Enter a real postcode, like AA1 1AA")
    page.get_by_label("Postcode").fill("ex1 1aa")
    carry_on(page)

    answer(page, "When did your child start living at this address?")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2019")
    carry_on(page)

    answer(page, "Does your child also live at another address?")
    choose(page, "No")
    carry_on(page)

    add_parent(
        page,
        1,
        first_name="Robin",
        relationship="Mother",
        email="robin@family.example",
        educates=True,
    )
    answer(page, "You have added 1 parent or carer")
    choose(page, "Yes", within="Do you need to add another parent or carer?")
    carry_on(page)
    add_parent(
        page,
        2,
        first_name="Sam",
        relationship="Father",
        address=("7 Mill Street", "Crediton", "EX17 3AB"),
        phone="07700 900982",
    )
    answer(page, "You have added 2 parents or carers")
    expect(page.get_by_role("heading", name="Sam Brightwater", level=2)).to_be_visible()
    choose(page, "No", within="Do you need to add another parent or carer?")
    carry_on(page)

    question = "About how many hours a week do the parents or carers educate your child?"
    answer(page, question)
    for hours, message in (
        ("-1", "Hours a week must be 0 or more"),
        ("169", "Hours a week must be 168 or fewer – there are 168 hours in a week"),
    ):
        page.get_by_label(question).fill(hours)
        carry_on(page)
        shows_error(page, message)
    page.get_by_label(question).fill("20")
    carry_on(page)

    answer(page, "Does anyone else educate your child?")
    choose(page, "Yes")
    carry_on(page)

    add_provider(
        page,
        1,
        name="Riverside Tutors",
        kind="Tutor",
        hours="6",
        without="8",
        website="tutors.example",
    )
    shows_error(
        page, "Hours without a parent present must be the same as or less than the total hours"
    )
    page.get_by_label("Hours a week without a parent present").fill("4")
    carry_on(page)
    answer(page, "You have added 1 provider")
    choose(page, "Yes", within="Do you need to add another provider?")
    carry_on(page)
    add_provider(
        page,
        2,
        name="Forest School",
        kind="Out-of-school setting",
        hours="10.5",
        without="10.5",
        address=("Woodside Farm", "Tiverton", "EX16 4AA"),
    )
    answer(page, "You have added 2 providers")
    choose(page, "No", within="Do you need to add another provider?")
    carry_on(page)

    answer(page, "Which school did your child go to most recently?")
    page.get_by_label("Name of the school").fill("Exeter Primary School")
    choose(page, "No", within="Is your child still on the school's roll?")
    choose(page, "No", within="Is it a special school?")
    carry_on(page)

    answer(page, "What is the main reason your child is not in school? (optional)")
    choose(page, "Philosophical or preferential")
    carry_on(page)

    answer(page, "Does your child have special educational needs? (optional)")
    choose(page, "No")
    carry_on(page)

    answer(page, "Would you like support or advice from the local authority?")
    choose(page, "Yes")
    carry_on(page)

    answer(page, "Check your answers before sending your notification")
    expect(page.get_by_text("Riverside Tutors").first).to_be_visible()
    page.get_by_role("link", name="Change your child's sex").click()
    answer(page, "What is your child's sex?")
    choose(page, "Prefer not to say")
    carry_on(page)
    answer(page, "Check your answers before sending your notification")
    page.get_by_role("button", name="Continue").click()

    answer(page, "Declaration")
    page.get_by_role("button", name="Send notification").click()
    shows_error(page, re.compile("Confirm that the information you have given is correct"))
    page.get_by_label(
        "I confirm that the information I have given is correct to the best of my knowledge"
    ).check()
    page.get_by_role("button", name="Send notification").click()

    expect(heading(page, "Notification sent")).to_be_visible()
    accessible(page)
    panel = page.locator(".govuk-panel__body").inner_text()
    reference = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", panel).group(0)

    entry = RegisterEntry.objects.select_related("child").get(reference=reference)
    assert entry.child.first_name == "Amelia"
    assert entry.child.get_sex_display() == "Sex unknown"
    assert entry.child.relationships.count() == 2
    assert entry.child.arrangements.count() == 3
    assert entry.notifications.get().payload["providers"][1]["name"] == "Forest School"
