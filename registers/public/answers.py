"""Answers in progress, held server-side in the session (never in the browser).

They are dropped once submitted, and treated as gone after CNIS_ANSWERS_IDLE_SECONDS without
a page being answered, so that a shared computer does not keep a family's details.
"""

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

SESSION_PREFIX = "cnis_answers:"
_SAVED_AT = "_saved_at"


class AnswersExpired(Exception):
    """The parent left the journey idle for too long; their answers were deleted."""


class JourneyAnswers:
    """One journey's answers in the session, under its own key."""

    def __init__(self, session: SessionBase, key: str) -> None:
        self.session = session
        self.key = SESSION_PREFIX + key

    def load(self) -> dict | None:
        """The answers so far, or None if there are none (never started, or the whole session
        idled out); AnswersExpired if they outlived the idle limit inside a live session."""
        stored = self.session.get(self.key)
        if stored is None:
            return None
        if time.time() - stored[_SAVED_AT] > settings.CNIS_ANSWERS_IDLE_SECONDS:
            self.clear()
            raise AnswersExpired
        return {key: value for key, value in stored.items() if key != _SAVED_AT}

    def save(self, answers: dict) -> None:
        self.session[self.key] = answers | {_SAVED_AT: time.time()}

    def update(self, **answers) -> None:
        self.save((self.load() or {}) | answers)

    def clear(self) -> None:
        self.session.pop(self.key, None)


def answers_expired_page(request: HttpRequest, *, start_url: str) -> HttpResponse:
    return render(request, "public/answers_expired.html", {"start_url": start_url})
