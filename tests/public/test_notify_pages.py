"""The notification pages through the Django test client: GOV.UK errors, nothing half-saved,
answers held server-side and dropped when they expire or are sent (issue 3, items 1 and 7)."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from celery.app.base import Celery
from celery.app.task import Task as CeleryTask
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from registers.models import Child, Notification, OutboxMessage, RegisterEntry
from registers.public.notify import routing
from registers.public.notify.answers import ANSWERS_KEY
from tests.public import begin, complete_answers, parent_answers, provider_answers, up_to

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 11, 28, 10, 0))


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def url(page: str, **query) -> str:
    address = reverse("public:notify-page", kwargs={"page": page})
    return f"{address}?return={query['back_to']}" if query else address


def held_answers(client) -> dict:
    return client.session[ANSWERS_KEY]["answers"]


# A parent's typing, page by page: two parents, two providers.
JOURNEY = [
    ("child-name", {"first_name": "Amelia", "middle_names": "", "last_name": "Brightwater"}),
    (
        "child-date-of-birth",
        {"date_of_birth_0": "10", "date_of_birth_1": "6", "date_of_birth_2": "2015"},
    ),
    ("child-sex", {"sex": "female"}),
    (
        "child-address",
        {"line_1": "1 Quay Lane", "line_2": "", "town": "Exeter", "postcode": "ex1 1aa"},
    ),
    ("child-moved-in", {"moved_in_0": "3", "moved_in_1": "2019"}),
    ("child-additional-address-question", {"has_additional_address": "no"}),
    ("parent-name-1", {"first_name": "Robin", "last_name": "Brightwater"}),
    ("parent-relationship-1", {"relationship": "mother"}),
    ("parent-address-1", {"same_as_child": "yes"}),
    ("parent-contact-1", {"email": "robin@family.example", "phone": ""}),
    ("parent-educates-1", {"educates": "yes"}),
    ("parents-summary", {"add_another": "yes"}),
    ("parent-name-2", {"first_name": "Sam", "last_name": "Brightwater"}),
    ("parent-relationship-2", {"relationship": "father"}),
    (
        "parent-address-2",
        {
            "same_as_child": "no",
            "line_1": "7 Mill Street",
            "line_2": "",
            "town": "Crediton",
            "postcode": "EX17 3AB",
        },
    ),
    ("parent-contact-2", {"email": "", "phone": "07700 900982"}),
    ("parent-educates-2", {"educates": "no"}),
    ("parents-summary", {"add_another": "no"}),
    ("education-hours", {"hours": "20"}),
    ("other-providers-question", {"has_providers": "yes"}),
    ("provider-details-1", {"name": "Riverside Tutors", "provider_type": "tutor"}),
    ("provider-location-1", {"where": "online", "website": "tutors.example", "email": ""}),
    ("provider-hours-1", {"hours": "6", "hours_without_parent": "4"}),
    ("providers-summary", {"add_another": "yes"}),
    ("provider-details-2", {"name": "Forest School", "provider_type": "out_of_school_setting"}),
    (
        "provider-location-2",
        {
            "where": "address",
            "line_1": "Woodside Farm",
            "line_2": "",
            "town": "Tiverton",
            "postcode": "EX16 4AA",
        },
    ),
    ("provider-hours-2", {"hours": "10.5", "hours_without_parent": "10.5"}),
    ("providers-summary", {"add_another": "no"}),
    (
        "school",
        {"school_name": "Exeter Primary School", "still_on_roll": "no", "special_school": "no"},
    ),
    ("reason", {"reason": "philosophical"}),
    ("sen", {"sen": "none"}),
    ("support", {"wants_support": "yes"}),
]


def test_a_parent_completes_the_whole_notification(client, devon):
    response = client.get(reverse("public:notify-start"))
    assert response["Location"] == url("child-name")

    for page, data in JOURNEY:
        shown = client.get(url(page))
        assert shown.status_code == 200, page
        response = client.post(url(page), data)
        assert response.status_code == 302, (page, response.content.decode()[:2000])
    assert response["Location"] == url("check-answers")

    check = client.get(url("check-answers")).content.decode()
    assert "Check your answers before sending your notification" in check
    for shown in (
        "Amelia Brightwater",
        "10 June 2015",
        "EX1 1AA",
        "Riverside Tutors",
        "https://tutors.example",
        "About 10.5 hours",
        "Philosophical or preferential",
    ):
        assert shown in check

    response = client.post(url("declaration"), {"confirmed": "confirmed"})
    assert response["Location"] == reverse("public:notify-confirmation")
    confirmation = client.get(response["Location"]).content.decode()

    entry = RegisterEntry.objects.get()
    assert "Notification sent" in confirmation
    assert entry.reference in confirmation
    assert "We have sent you a confirmation email" in confirmation
    assert "Within 15 days, Devon will consider where your child lives" in confirmation
    assert ANSWERS_KEY not in client.session
    assert entry.child.first_name == "Amelia"
    assert entry.child.relationships.count() == 2
    assert entry.child.arrangements.count() == 3
    assert OutboxMessage.objects.get().payload["to"] == "robin@family.example"


def test_each_page_has_the_question_as_its_title_and_a_back_link(client, devon):
    begin(
        client,
        {"child-name": {"first_name": "Amelia", "middle_names": "", "last_name": "Brightwater"}},
    )

    first = client.get(url("child-name")).content.decode()
    second = client.get(url("child-date-of-birth")).content.decode()

    assert (
        "<title>What is your child&#x27;s name? – Devon – Children not in school register" in first
    )
    assert f'href="{reverse("public:start")}" class="govuk-back-link"' in first
    assert f'href="{url("child-name")}" class="govuk-back-link"' in second
    # The saved answer is shown again.
    assert 'value="Amelia"' in first


def test_the_start_page_links_to_the_notification(client, devon):
    start = client.get(reverse("public:start")).content.decode()

    assert f'href="{reverse("public:notify-start")}"' in start
    assert "coming soon" not in start
    assert reverse("staff:sign-in") in start


# Bad input: the GOV.UK message naming the field, linked from the summary, nothing saved -----

DOB = "date_of_birth"


def dob(day, month, year) -> dict:
    return {f"{DOB}_0": day, f"{DOB}_1": month, f"{DOB}_2": year}


BAD_INPUT = [
    pytest.param(
        "child-date-of-birth",
        dob("1", "1", "2022"),
        "id_date_of_birth_0",
        "Your child is not of compulsory school age yet – they will be from "
        "31 March 2027. You do not need to tell us until then",
        id="too young",
    ),
    pytest.param(
        "child-date-of-birth",
        dob("10", "6", "2010"),
        "id_date_of_birth_0",
        "Your child is no longer of compulsory school age – they were until 26 June 2026",
        id="too old",
    ),
    pytest.param(
        "child-date-of-birth",
        dob("1", "1", "2027"),
        "id_date_of_birth_0",
        "Your child's date of birth must be in the past",
        id="in the future",
    ),
    pytest.param(
        "child-date-of-birth",
        dob("31", "2", "2016"),
        "id_date_of_birth_0",
        "Your child's date of birth must be a real date",
        id="31 February",
    ),
    pytest.param(
        "child-date-of-birth",
        dob("", "", ""),
        "id_date_of_birth_0",
        "Enter your child's date of birth – day, month and year",
        id="no date",
    ),
    pytest.param(
        "child-name",
        {"first_name": "", "last_name": "Brightwater"},
        "id_first_name",
        "Enter your child's first name",
        id="no first name",
    ),
    pytest.param(
        "child-name",
        {"first_name": "A" * 101, "last_name": "Brightwater"},
        "id_first_name",
        "First name must be 100 characters or fewer",
        id="first name too long",
    ),
    pytest.param(
        "child-sex", {}, "id_sex_1", "Select your child's sex, or ‘Prefer not to say’", id="no sex"
    ),
    pytest.param(
        "child-address",
        {"line_1": "1 Quay Lane", "town": "Exeter", "postcode": "EXETER"},
        "id_postcode",
        "Enter a real postcode, like AA1 1AA",
        id="invalid postcode",
    ),
    pytest.param(
        "child-address",
        {"line_1": "", "town": "Exeter", "postcode": "EX1 1AA"},
        "id_line_1",
        "Enter address line 1, typically the building and street",
        id="no address line 1",
    ),
    pytest.param(
        "child-address",
        {"line_1": "x" * 101, "town": "Exeter", "postcode": "EX1 1AA"},
        "id_line_1",
        "Address line 1 must be 100 characters or fewer",
        id="address line too long",
    ),
    pytest.param(
        "child-moved-in",
        {"moved_in_0": "1", "moved_in_1": "2027"},
        "id_moved_in_0",
        "The date your child started living at this address must be in the past",
        id="moved in the future",
    ),
    pytest.param(
        "child-moved-in",
        {"moved_in_0": "13", "moved_in_1": "2020"},
        "id_moved_in_0",
        "The date your child started living at this address must be a real date",
        id="month 13",
    ),
    pytest.param(
        "parent-contact-1",
        {"email": "robin@", "phone": ""},
        "id_email",
        "Enter an email address in the correct format, like name@example.com",
        id="invalid email",
    ),
    pytest.param(
        "parent-contact-1",
        {"email": "", "phone": ""},
        "id_email",
        "Enter an email address or a phone number",
        id="no way to contact",
    ),
    pytest.param(
        "parent-address-1",
        {
            "same_as_child": "no",
            "line_1": "7 Mill Street",
            "town": "Crediton",
            "postcode": "nonsense",
        },
        "id_postcode",
        "Enter a real postcode, like AA1 1AA",
        id="parent's invalid postcode",
    ),
    pytest.param(
        "education-hours",
        {"hours": "-1"},
        "id_hours",
        "Hours a week must be 0 or more",
        id="hours below 0",
    ),
    pytest.param(
        "education-hours",
        {"hours": "169"},
        "id_hours",
        "Hours a week must be 168 or fewer – there are 168 hours in a week",
        id="hours above a week",
    ),
    pytest.param(
        "education-hours",
        {"hours": "twenty"},
        "id_hours",
        "Enter a number of hours, like 20",
        id="hours not a number",
    ),
    pytest.param(
        "education-hours",
        {"hours": "7.25"},
        "id_hours",
        "Hours a week can have up to one decimal place, like 7.5",
        id="hours too exact",
    ),
    pytest.param(
        "provider-hours-1",
        {"hours": "4", "hours_without_parent": "5"},
        "id_hours_without_parent",
        "Hours without a parent present must be the same as or less than the total hours",
        id="without a parent over total",
    ),
    pytest.param(
        "provider-hours-1",
        {"hours": "200", "hours_without_parent": "1"},
        "id_hours",
        "Total hours a week must be 168 or fewer",
        id="provider hours above a week",
    ),
    pytest.param(
        "provider-location-1",
        {"where": "online", "website": "", "email": ""},
        "id_website",
        "Enter the provider's website or email address",
        id="online provider with no website or email",
    ),
    pytest.param(
        "provider-details-1",
        {"name": "T" * 201, "provider_type": "tutor"},
        "id_name",
        "Name of the provider must be 200 characters or fewer",
        id="provider name too long",
    ),
    pytest.param(
        "school",
        {"school_name": "", "still_on_roll": "no", "special_school": "no"},
        "id_school_name",
        "Enter the name of the school, or select ‘My child has not been to school’",
        id="no school",
    ),
    pytest.param(
        "support",
        {},
        "id_wants_support_1",
        "Select yes if you would like support or advice from the local authority",
        id="support not answered",
    ),
    pytest.param(
        "declaration",
        {},
        "id_confirmed_1",
        "Confirm that the information you have given is correct to the best of your knowledge",
        id="declaration not ticked",
    ),
]


@pytest.mark.parametrize(("page", "data", "field_id", "message"), BAD_INPUT)
def test_bad_input_gets_a_gov_uk_error_and_nothing_is_saved(
    client, devon, page, data, field_id, message
):
    answers = complete_answers(providers=[provider_answers(1)])
    given_before = up_to(page, answers) if page != "declaration" else dict(answers)
    given_before.pop("declaration", None)
    begin(client, given_before)

    response = client.post(url(page), data)

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert re.search(r"<title>Error: ", content)
    # The summary links to the field's first input, which the page has.
    assert f'<a href="#{field_id}">{escape(message)}' in content
    assert f'id="{field_id}"' in content
    assert escape(message) in content
    assert content.count(escape(message)) >= 2  # in the summary and by the field
    assert page not in held_answers(client)
    assert not Notification.objects.exists()
    assert not Child.objects.exists()


def test_the_date_of_birth_error_keeps_what_was_typed(client, devon):
    begin(client, up_to("child-date-of-birth", complete_answers()))

    content = client.post(url("child-date-of-birth"), dob("31", "2", "2016")).content.decode()

    assert 'value="31"' in content and 'value="2016"' in content


def test_a_recent_move_is_asked_for_the_previous_address(client, devon):
    begin(client, up_to("child-moved-in", complete_answers()))

    response = client.post(url("child-moved-in"), {"moved_in_0": "6", "moved_in_1": "2026"})

    assert response["Location"] == url("child-previous-address")
    assert held_answers(client)["child-moved-in"]["under_12_months"] is True


# Answers in progress ---------------------------------------------------------------------------


def test_answers_left_idle_expire_with_a_clear_page(client, devon, settings, _today):
    settings.CNIS_ANSWERS_IDLE_SECONDS = 60
    begin(client, up_to("child-sex", complete_answers()))
    assert client.get(url("child-sex")).status_code == 200

    _today.shift(timedelta(seconds=61))
    response = client.get(url("child-sex"))

    content = response.content.decode()
    assert "Your answers have expired" in content
    assert f'href="{reverse("public:notify-start")}"' in content
    assert "Start again" in content
    assert ANSWERS_KEY not in client.session
    # Starting again begins with the first question and no answers.
    client.get(reverse("public:notify-start"))
    assert held_answers(client) == {}


def test_using_the_pages_keeps_the_answers_alive(client, devon, settings, _today):
    settings.CNIS_ANSWERS_IDLE_SECONDS = 60
    begin(client, up_to("child-sex", complete_answers()))
    for _ in range(3):
        _today.shift(timedelta(seconds=45))
        assert client.get(url("child-sex")).status_code == 200


def test_a_question_page_with_no_journey_explains_and_offers_to_start_again(client, devon):
    content = client.get(url("child-sex")).content.decode()

    assert "Your answers have expired" in content


def test_a_multi_la_deployment_asks_which_la_first(client, devon, cornwall):
    response = client.get(reverse("public:notify-start"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("public:choose-authority"))
    chosen = client.post(response["Location"], {"authority": cornwall.pk})
    assert chosen["Location"] == reverse("public:notify-start")
    assert client.get(chosen["Location"])["Location"] == url("child-name")
    page = client.get(url("child-name")).content.decode()
    assert "– Cornwall – Children not in school register</title>" in page


def test_a_typed_address_cannot_skip_ahead(client, devon):
    begin(client, up_to("child-sex", complete_answers()))

    response = client.get(url("school"))

    assert response.status_code == 302
    assert response["Location"] == url("child-sex")
    assert client.get(url("check-answers"))["Location"] == url("child-sex")
    assert client.get(url("no-such-page")).status_code == 404


def test_a_childs_name_is_shown_escaped_on_check_answers(client, devon):
    begin(client, complete_answers(first_name="<script>alert(1)</script>"))

    content = client.get(url("check-answers")).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


def test_change_links_return_to_check_answers(client, devon):
    answers = complete_answers()
    del answers["declaration"]
    begin(client, answers)
    content = client.get(url("check-answers")).content.decode()
    change = url("child-sex", back_to="check-answers")
    assert escape(change) in content

    response = client.post(change, {"sex": "male"})

    assert response["Location"] == url("check-answers")
    assert held_answers(client)["child-sex"] == {"sex": "male"}


def test_a_change_that_opens_a_question_asks_it_before_returning(client, devon):
    answers = complete_answers()
    del answers["declaration"]
    begin(client, answers)

    response = client.post(
        url("child-additional-address-question", back_to="check-answers"),
        {"has_additional_address": "yes"},
    )

    assert response["Location"] == url("child-additional-address", back_to="check-answers")


def test_a_parent_can_be_removed_from_the_list(client, devon):
    answers = complete_answers(parents=[parent_answers(1), parent_answers(2, first_name="Sam")])
    answers["parents-summary"] = {"add_another": "no", "count": 2}
    begin(client, up_to("education-hours", answers))
    listing = client.get(url("parents-summary")).content.decode()
    remove = reverse("public:notify-remove", kwargs={"group": "parent", "number": 2})
    assert remove in listing
    assert "You have added 2 parents or carers" in listing

    confirm = client.get(remove).content.decode()
    assert "Are you sure you want to remove this parent or carer?" in confirm
    response = client.post(remove, {"remove": "yes"})

    assert response["Location"] == url("parents-summary")
    assert "parent-name-2" not in held_answers(client)
    listing = client.get(url("parents-summary")).content.decode()
    assert "You have added 1 parent or carer" in listing
    assert remove not in listing


# Sending -----------------------------------------------------------------------------------


def refuse_broker(*args, **kwargs):
    pytest.fail("A request published to the broker")


def test_sending_makes_no_broker_call(
    client, devon, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    monkeypatch.setattr(CeleryTask, "apply_async", refuse_broker)
    monkeypatch.setattr(Celery, "send_task", refuse_broker)
    begin(client, {k: v for k, v in complete_answers().items() if k != "declaration"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("declaration"), {"confirmed": "confirmed"})

    assert response["Location"] == reverse("public:notify-confirmation")
    assert Notification.objects.count() == 1
    assert OutboxMessage.objects.get().published_at is None


def test_sending_twice_gives_the_same_reference_and_one_record(client, devon):
    begin(client, {k: v for k, v in complete_answers().items() if k != "declaration"})
    first = client.post(url("declaration"), {"confirmed": "confirmed"})
    reference = RegisterEntry.objects.get().reference

    # The back button, then "Send notification" again.
    again = client.post(url("declaration"), {"confirmed": "confirmed"})

    assert again["Location"] == first["Location"] == reverse("public:notify-confirmation")
    assert Notification.objects.count() == 1
    assert reference in client.get(again["Location"]).content.decode()


def test_a_child_who_left_school_age_since_answering_is_refused_on_sending(client, devon):
    answers = {k: v for k, v in complete_answers(date_of_birth="2010-06-10").items()}
    del answers["declaration"]
    begin(client, answers)

    content = client.post(url("declaration"), {"confirmed": "confirmed"}).content.decode()

    assert "There is a problem" in content
    fix_at = escape(url("child-date-of-birth", back_to="check-answers"))
    assert f'<a href="{fix_at}">' + escape("Your child is no longer of compulsory") in content
    assert not Notification.objects.exists()
    assert routing.SUPPORT in held_answers(client)


def test_the_confirmation_page_needs_a_sent_notification(client, devon):
    response = client.get(reverse("public:notify-confirmation"))

    assert response["Location"] == reverse("public:notify-start")


def test_consent_cases_are_told_what_happens_next(client, devon):
    answers = complete_answers(
        school={
            "never_at_school": False,
            "school_name": "Woodland Special School",
            "still_on_roll": "yes",
            "special_school": "yes",
        }
    )
    del answers["declaration"]
    begin(client, answers)

    client.post(url("declaration"), {"confirmed": "confirmed"})
    content = client.get(reverse("public:notify-confirmation")).content.decode()

    assert "must decide whether to agree to them being educated other than at school" in content
    assert date.today().year == 2026
