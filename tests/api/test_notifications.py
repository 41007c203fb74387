"""Sending a notification through the API: the same intake as the parent's form, the same words
when it refuses, an Idempotency-Key that makes a retry safe, and limits on the body."""

from datetime import date

import pytest
import time_machine
from django.test import override_settings

from registers.intake.notification import notification_details_validate
from registers.models import ApiToken, AuditEvent, Child, IdempotentRequest, Notification
from registers.rules.codes import Door, NotificationSource
from registers.services.idempotency import KEY_REUSED
from registers.services.notifications import notification_submit
from tests.factories import public_actor
from tests.intake import notification_data
from tests.intake.test_one_intake import api_data, register_rows

pytestmark = pytest.mark.django_db

NOTIFICATIONS = "/api/v1/notifications/"
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_a_notification_makes_the_same_register_rows_as_the_parents_form(
    devon, cornwall, devon_api
):
    response = devon_api.post(NOTIFICATIONS, api_data(), key="case-system-0001")
    # The same notification through the service the parent's form calls, in another LA, so
    # that neither is the other's possible duplicate.
    from_the_form = notification_submit(
        authority=cornwall,
        details=notification_details_validate(api_data(), today=TODAY),
        source=NotificationSource.PARENT,
        idempotency_key="form-key",
        actor=public_actor(),
    )

    assert response.status_code == 201
    from_the_api = Notification.objects.get(reference=response.json()["reference"])
    assert from_the_api.authority == devon
    assert register_rows(from_the_api) == register_rows(from_the_form)
    assert response.json() == {
        "reference": from_the_api.reference,
        "received_at": from_the_api.received_at.isoformat(),
        "child": {"id": str(from_the_api.child_id)},
        "case": {"id": str(from_the_api.entry_id), "status": "notified"},
    }


def test_the_notification_is_audited_as_the_apis_with_its_token(devon, devon_api, devon_token):
    devon_api.post(NOTIFICATIONS, api_data())

    created = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, object_type="child")
    assert created.door == Door.API
    assert created.api_token == ApiToken.objects.get(prefix=devon_token.split("_")[1])
    assert created.children == [str(Child.objects.get().pk)]


def test_the_intakes_own_words_are_given_by_field_path(devon_api):
    data = notification_data(date_of_birth="2024-01-01")
    data["parents"][0]["email"] = "not-an-email"

    response = devon_api.post(NOTIFICATIONS, data)

    assert response.status_code == 400
    assert response.json() == {
        "message": "There is a problem",
        "errors": {
            "child.date_of_birth": [
                "Your child is not of compulsory school age yet – they will be from "
                "31 March 2029. You do not need to tell us until then"
            ],
            "parents[0].email": [
                "Enter an email address in the correct format, like name@example.com"
            ],
        },
    }
    assert not Notification.objects.exists()
    assert not IdempotentRequest.objects.exists()


def test_what_only_a_program_gets_wrong_is_named_too(devon_api):
    data = notification_data()
    data["child"]["middle_names"] = 7
    data["providers"] = "none"
    data["lived_at_home_since"]["month"] = "3"

    errors = devon_api.post(NOTIFICATIONS, data).json()["errors"]

    assert errors == {
        "child.middle_names": ["Must be text"],
        "providers": ["Must be a list"],
        "lived_at_home_since.month": ["Must be a whole number"],
    }


@pytest.mark.parametrize(
    "extra", [{"authority": "908"}, {"authority_id": 1}, {"child": {"authority": "908"}}]
)
def test_fields_the_contract_does_not_have_are_refused_and_nothing_is_saved(
    devon, cornwall, devon_api, extra
):
    data = notification_data()
    for name, value in extra.items():
        if isinstance(value, dict):
            data[name].update(value)
        else:
            data[name] = value

    response = devon_api.post(NOTIFICATIONS, data)

    assert response.status_code == 400
    [(path, messages)] = response.json()["errors"].items()
    assert path.endswith("authority") or path.endswith("authority_id")
    assert messages == ["Remove this field: a notification has no field of this name"]
    assert not Child.objects.exists()


def test_the_same_key_and_body_again_get_the_first_response_again(devon_api):
    first = devon_api.post(NOTIFICATIONS, api_data(), key="retry-me")
    again = devon_api.post(NOTIFICATIONS, api_data(), key="retry-me")

    assert again.status_code == first.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Notification.objects.count() == Child.objects.count() == 1


def test_the_same_key_with_another_body_gets_409(devon_api):
    devon_api.post(NOTIFICATIONS, api_data(), key="used-once")
    other = api_data()
    other["child"]["first_name"] = "Bea"

    response = devon_api.post(NOTIFICATIONS, other, key="used-once")

    assert response.status_code == 409
    assert response.json() == {"message": KEY_REUSED, "errors": {"Idempotency-Key": [KEY_REUSED]}}
    assert Notification.objects.count() == 1


def test_keys_belong_to_the_la(devon, cornwall, devon_api, cornwall_api):
    devon_api.post(NOTIFICATIONS, api_data(), key="shared-key")

    response = cornwall_api.post(NOTIFICATIONS, api_data(), key="shared-key")

    assert response.status_code == 201
    assert sorted(Notification.objects.values_list("authority__name", flat=True)) == [
        "Cornwall",
        "Devon",
    ]


def test_a_refused_request_keeps_nothing_so_its_correction_may_use_the_key(devon_api):
    wrong = api_data()
    wrong["child"]["first_name"] = ""
    assert devon_api.post(NOTIFICATIONS, wrong, key="fix-and-retry").status_code == 400

    response = devon_api.post(NOTIFICATIONS, api_data(), key="fix-and-retry")

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("key", "problem"),
    [(None, "Send an"), ("", "Send an"), ("a b", "The Idempotency-Key must be 1 to 60")],
)
def test_a_post_needs_an_idempotency_key(devon_api, key, problem):
    response = devon_api.post(NOTIFICATIONS, api_data(), key=key)

    assert response.status_code == 400
    assert response.json()["errors"]["Idempotency-Key"][0].startswith(problem)
    assert not Notification.objects.exists()


@override_settings(CNIS_API_MAX_BODY_BYTES=2_000)
def test_an_oversized_body_gets_413(devon_api):
    data = api_data()
    data["child"]["first_name"] = "x" * 2_000

    response = devon_api.post(NOTIFICATIONS, data)

    assert response.status_code == 413
    assert response.json() == {
        "message": "The request body must be 2,000 bytes or smaller",
        "errors": {},
    }


def test_a_body_that_is_not_json_gets_400_and_another_type_415(devon_api):
    truncated = devon_api.post(NOTIFICATIONS, '{"child": {"first_name": "Am')
    form = devon_api.client.post(
        NOTIFICATIONS,
        {"child": "x"},
        headers={**devon_api.headers, "Idempotency-Key": "form-post"},
    )

    assert truncated.status_code == 400
    assert truncated.json()["message"].startswith("The request body must be JSON")
    assert form.status_code == 415
    assert set(form.json()) == {"message", "errors"}


@pytest.mark.parametrize(
    ("path", "value"),
    [("sex", ["female"]), ("primary_reason", {"code": "other"}), ("relationship", [])],
)
def test_a_list_or_object_where_a_code_belongs_is_refused_not_a_server_error(
    devon_api, path, value
):
    data = api_data()
    if path == "sex":
        data["child"]["sex"] = value
    elif path == "relationship":
        data["parents"][0]["relationship"] = value
    else:
        data[path] = value

    response = devon_api.post(NOTIFICATIONS, data)

    assert response.status_code == 400
    assert len(response.json()["errors"]) == 1
    assert not Notification.objects.exists()
