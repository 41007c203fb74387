"""Answers in progress, held server-side in the parent's session and nowhere else.

They sit under one session key with the time they were last touched, and are dropped after
settings.CNIS_ANSWERS_IDLE_SECONDS without use (issue 3, item 7) and as soon as the notification
is sent. The journey's idempotency key is made when it starts and travels with the answers, so
that sending the same journey twice makes one notification.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib.sessions.backends.base import SessionBase

from registers.public.answers import SESSION_PREFIX, AnswersExpired, JourneyAnswers
from registers.public.notify import routing

JOURNEY = "notify"
# Where the answers sit in the session (tests reach in to set up a journey part-answered).
ANSWERS_KEY = SESSION_PREFIX + JOURNEY
SENT_KEY = "cnis_notify_sent"


class JourneyMissing(Exception):
    """There are no answers in progress: never started, already sent, or the session ended."""


class JourneyExpired(JourneyMissing):
    """The answers were left unused for too long and have been dropped."""


@dataclass
class Journey:
    idempotency_key: str
    answers: dict = field(default_factory=dict)


def _stored(session: SessionBase) -> JourneyAnswers:
    return JourneyAnswers(session, JOURNEY)


def journey_start(session: SessionBase, *, authority_id: int) -> Journey:
    """Begin a new notification for this LA, replacing any unfinished one."""
    journey = Journey(idempotency_key=uuid.uuid4().hex)
    session.pop(SENT_KEY, None)
    journey_save(session, journey, authority_id=authority_id)
    return journey


def journey_get(session: SessionBase, *, authority_id: int) -> Journey:
    """The answers in progress for this LA, touched now; raises JourneyMissing/JourneyExpired."""
    try:
        stored = _stored(session).load()
    except AnswersExpired as expired:
        raise JourneyExpired from expired
    if stored is None or stored.get("authority") != authority_id:
        raise JourneyMissing
    journey = Journey(idempotency_key=stored["key"], answers=stored["answers"])
    journey_save(session, journey, authority_id=authority_id)
    return journey


def journey_save(session: SessionBase, journey: Journey, *, authority_id: int) -> None:
    _stored(session).save(
        {"authority": authority_id, "key": journey.idempotency_key, "answers": journey.answers}
    )


def journey_end(session: SessionBase) -> None:
    _stored(session).clear()


def sent_remember(
    session: SessionBase, *, reference: str, email_given: bool, consent_needed: bool
) -> None:
    """What the confirmation page shows, kept after the answers themselves are dropped."""
    session[SENT_KEY] = {
        "reference": reference,
        "email_given": email_given,
        "consent_needed": consent_needed,
    }


def sent_get(session: SessionBase) -> dict | None:
    return session.get(SENT_KEY)


def answers_without(answers: Mapping, group: str, number: int) -> dict:
    """The answers with one parent (or provider) removed and those after it renumbered."""
    pages_each, _, _ = routing.GROUPS[group]
    count = routing.group_count(answers, group)
    kept = {
        page: answer
        for page, answer in answers.items()
        if routing.page_parts(page)[0] not in pages_each
    }
    remaining = [number_kept for number_kept in range(1, count + 1) if number_kept != number]
    for new_number, old_number in enumerate(remaining, start=1):
        for page in pages_each:
            old_page = routing.numbered(page, old_number)
            if old_page in answers:
                kept[routing.numbered(page, new_number)] = answers[old_page]
    first_contact = routing.numbered(routing.PARENT_CONTACT, 1)
    contact = kept.get(first_contact)
    if group == "parent" and contact and not (contact.get("email") or contact.get("phone")):
        # The first parent or carer must be contactable; whoever is first now is asked again.
        del kept[first_contact]
    return kept
