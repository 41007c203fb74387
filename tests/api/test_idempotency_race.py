"""Two requests with one Idempotency-Key at the same moment, on PostgreSQL: one notification
is saved, and the other request answers as its retry would."""

import threading

import pytest
import time_machine
from django.db import connection

from registers.models import Child, IdempotentRequest, Notification
from tests.api.conftest import ApiClient, token_issue
from tests.api.test_notifications import NOTIFICATIONS, TODAY
from tests.intake.test_one_intake import api_data


def at_once(token: str, bodies: list[dict]) -> list:
    """Post each body from its own thread (and database connection), all released together."""
    start = threading.Barrier(len(bodies))
    answers: list = [None] * len(bodies)

    def post(index: int, body: dict) -> None:
        try:
            start.wait()
            answers[index] = ApiClient(token).post(NOTIFICATIONS, body, key="same-moment")
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=pair) for pair in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize("same_body", [True, False])
def test_one_key_at_the_same_moment_saves_one_notification(
    postgres_only, transactional_db, devon, same_body
):
    token = token_issue(devon)
    other = api_data()
    if not same_body:
        other["child"]["first_name"] = "Bea"

    with time_machine.travel(TODAY, tick=True):
        answers = at_once(token, [api_data(), other])

    statuses = sorted(answer.status_code for answer in answers)
    assert Notification.objects.count() == Child.objects.count() == 1
    assert IdempotentRequest.objects.count() == 1
    if same_body:
        assert statuses == [201, 201]
        assert answers[0].json() == answers[1].json()
    else:
        assert statuses == [201, 409]
