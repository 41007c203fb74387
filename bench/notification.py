"""The final post of "Tell us your child is not in school": sending the notification.

A parent reaches it after about 25 pages, with every answer held in their session on the
server. Timing only the final post, the harness gives each request a session of its own that
already holds a finished journey's answers (as the pages would have left them) and a CSRF
cookie, then posts the declaration exactly as the browser does. Each child gets a different
last name, so no notification is another's possible duplicate. Every request makes a real
notification: the register grows by the number of requests sent to this target.
"""

import secrets
import string
from collections.abc import Callable
from datetime import date
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from bench.timing import Request
from registers.intake.notification import notification_details_validate
from registers.models import LocalAuthority
from registers.public.notify import routing
from registers.public.notify.answers import journey_save, journey_start
from registers.public.notify.details import notification_data
from registers.rules.codes import PrimaryReason, Relationship, SenProvision, Sex

_LETTERS = string.ascii_lowercase


def _last_name() -> str:
    return "".join(secrets.choice(_LETTERS) for _ in range(10)).capitalize()


def finished_answers(*, today: date, last_name: str) -> dict:
    """Every answer of a journey up to the declaration: one parent, who educates the child.

    No provider: the notifications the benchmark sends leave the providers' pages as they are.
    """
    home = {"line_1": "1 Quay Lane", "line_2": "", "town": "Exeter", "postcode": "EX1 1AA"}
    return {
        routing.CHILD_NAME: {"first_name": "Amelia", "middle_names": "", "last_name": last_name},
        routing.CHILD_DATE_OF_BIRTH: {"date_of_birth": date(today.year - 10, 3, 14).isoformat()},
        routing.CHILD_SEX: {"sex": Sex.FEMALE},
        routing.CHILD_ADDRESS: home,
        routing.CHILD_MOVED_IN: {"month": 1, "year": today.year - 5, "under_12_months": False},
        routing.CHILD_ADDITIONAL_ADDRESS_QUESTION: {"has_additional_address": "no"},
        routing.numbered(routing.PARENT_NAME, 1): {"first_name": "Robin", "last_name": last_name},
        routing.numbered(routing.PARENT_RELATIONSHIP, 1): {"relationship": Relationship.MOTHER},
        routing.numbered(routing.PARENT_ADDRESS, 1): {"same_as_child": "yes"},
        routing.numbered(routing.PARENT_CONTACT, 1): {
            "email": "parent@family.example",
            "phone": "",
        },
        routing.numbered(routing.PARENT_EDUCATES, 1): {"educates": "yes"},
        routing.PARENTS_SUMMARY: {"add_another": "no", "count": 1},
        routing.EDUCATION_HOURS: {"hours": "20"},
        routing.OTHER_PROVIDERS_QUESTION: {"has_providers": "no"},
        routing.SCHOOL: {
            "never_at_school": False,
            "school_name": "Exeter Primary School",
            "still_on_roll": "no",
            "special_school": "no",
        },
        routing.REASON: {"reason": PrimaryReason.PHILOSOPHICAL},
        routing.SEN: {"sen": SenProvision.NONE},
        routing.SUPPORT: {"wants_support": "no"},
    }


def answers_check() -> None:
    """Fails early, and says where to look, if the journey has changed under these answers."""
    today = timezone.localdate()
    answers = finished_answers(today=today, last_name=_last_name())
    if routing.first_unanswered(answers) != routing.CHECK_ANSWERS:
        raise RuntimeError(
            "bench/notification.py no longer answers every page of the journey: "
            f"{routing.first_unanswered(answers)!r} is unanswered"
        )
    notification_details_validate(notification_data(routing.pruned(answers)), today=today)


def declaration_path() -> str:
    return reverse("public:notify-page", kwargs={"page": routing.DECLARATION})


def confirmation_path() -> str:
    return reverse("public:notify-confirmation")


def session_with_answers(authority: LocalAuthority) -> str:
    """A new session holding a finished journey's answers; returns its key."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    journey = journey_start(session, authority_id=authority.pk)
    journey.answers = finished_answers(today=timezone.localdate(), last_name=_last_name())
    journey_save(session, journey, authority_id=authority.pk)
    session.save()
    return session.session_key


def declaration_request(*, authority: LocalAuthority, host: str) -> Callable[[], Request]:
    """Makes, for each call, the declaration post of a parent with a finished journey."""
    path = declaration_path()

    def request() -> Request:
        try:
            session_key = session_with_answers(authority)
        finally:
            # Called from short-lived client threads: leave no connection behind.
            connection.close()
        csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        cookies = {settings.SESSION_COOKIE_NAME: session_key, settings.CSRF_COOKIE_NAME: csrf}
        return Request(
            method="POST",
            path=path,
            headers={
                "Host": host,
                "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
                "Content-Type": "application/x-www-form-urlencoded",
            },
            body=urlencode({"csrfmiddlewaretoken": csrf, "confirmed": "confirmed"}).encode(),
        )

    return request
