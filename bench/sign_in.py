"""Signing in as the demo officer through the real sign-in pages: email and password, then the
current code of the demo authenticator (the secret published in README.md)."""

import time

from django.urls import reverse

from bench.client import Visitor, csrf_token, expect
from registers.demo.accounts import DEMO_PASSWORD, demo_code_get

# A code this close to the end of its 30 seconds may expire on the way: wait for the next.
CODE_MARGIN_SECONDS = 3
ATTEMPTS = 3


def sign_in(visitor: Visitor, *, email: str) -> None:
    """Leaves the visitor with a session that has passed both factors."""
    sign_in_path = reverse("staff:sign-in")
    code_path = reverse("staff:sign-in-code")
    page = expect(visitor.get(sign_in_path), 200, "The sign-in page")
    answer = visitor.post(
        sign_in_path,
        {"csrfmiddlewaretoken": csrf_token(page.body), "email": email, "password": DEMO_PASSWORD},
    )
    if answer.location != code_path:
        raise RuntimeError(f"The password step did not lead to the code step: {answer}")
    for _ in range(ATTEMPTS):
        page = expect(visitor.get(code_path), 200, "The security code page")
        code = demo_code_get(email=email)
        if code.seconds_left <= CODE_MARGIN_SECONDS:
            time.sleep(code.seconds_left + 1)
            code = demo_code_get(email=email)
        answer = visitor.post(
            code_path, {"csrfmiddlewaretoken": csrf_token(page.body), "code": code.code}
        )
        if answer.status == 302 and answer.location not in {sign_in_path, code_path}:
            return
        # A code is accepted once: if this one was used moments ago, the next one will do.
        time.sleep(code.seconds_left + 1)
    raise RuntimeError(f"The demo officer {email} could not sign in with the authenticator code")
