"""The parent's last post of the notification, counted whole (P8): the same statements however
many parents and providers it names."""

import pytest
import time_machine

from registers.models import Notification, Person, Provider
from tests.public import ELSEWHERE, HOME, complete_answers, parent_answers, provider_answers
from tests.public.test_notify_pages import START, begin, url
from tests.statements import statements_run

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(START, tick=False):
        yield


def sent(client, answers: dict) -> list[str]:
    """The statements of the post that sends the notification."""
    begin(client, {key: value for key, value in answers.items() if key != "declaration"})
    return statements_run(lambda: client.post(url("declaration"), {"confirmed": "confirmed"}))


ONE_OF_EACH = complete_answers(providers=[provider_answers(1)])
FOUR_OF_EACH = complete_answers(
    parents=[
        parent_answers(1),
        parent_answers(2, first_name="Sam", relationship="father", address=ELSEWHERE),
        parent_answers(3, first_name="Alex", relationship="step_parent"),
        parent_answers(4, first_name="Jo", relationship="foster_carer", address=ELSEWHERE),
    ],
    providers=[
        provider_answers(1),
        provider_answers(
            2, name="Forest School", provider_type="out_of_school_setting", address=HOME
        ),
        provider_answers(3, name="Maths Online", website="https://maths.example"),
        provider_answers(
            4, name="Swim Club", provider_type="out_of_school_setting", address=ELSEWHERE
        ),
    ],
    wants_support=True,
)


def test_sending_runs_the_same_statements_however_many_parents_and_providers(client, devon):
    one_of_each = sent(client, ONE_OF_EACH)
    client.cookies.clear()
    four_of_each = sent(client, FOUR_OF_EACH)

    assert Notification.objects.count() == 2
    assert (Person.objects.count(), Provider.objects.count()) == (5, 4)
    assert len(one_of_each) == len(four_of_each)


def test_sending_runs_the_intakes_six_statements_and_the_sessions_three(
    client, devon, postgres_only
):
    """The session's read and write and the LA's lookup, then the intake's at most six."""
    statements = sent(client, FOUR_OF_EACH)

    assert Notification.objects.count() == 1
    assert len(statements) <= 9, "\n".join(statements)
