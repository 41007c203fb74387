"""Browser fixtures: one headless Chromium per run, a fresh context per test, axe checks.

Tests drive pytest-django's `live_server` (which implies `transactional_db`), so data the test
creates is visible to the server thread and data the server writes is visible to the test.
"""

import os
import shutil
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import skip_or_fail
from tests.factories import STAFF_PASSWORD, TOTP_KEY_HEX

# Playwright's sync API runs an asyncio event loop in the test's own thread, and once the
# session-scoped browser has started that loop counts as "running" in this thread until the
# session ends. Django's async-safety check (`async_unsafe`) sees it and raises
# SynchronousOnlyOperation whenever this thread touches the database: creating factories,
# reading the audit trail, pytest-django flushing tables after a transactional test, and any
# database test collected after the browser tests. Nothing here calls the ORM from a coroutine
# (the test thread blocks on Playwright while the live server answers in its own thread), so
# the check is a false alarm. It is set at import, for the whole run, for that last reason.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Long enough for a slow CI machine, short enough that a wrong selector fails quickly.
TIMEOUT_MS = 10_000

_axe = Axe()

# GOV.UK Frontend's conditional reveal marks a radio that reveals questions aria-expanded, which
# ARIA 1.2 does not list for the radio role. GOV.UK keeps it on purpose, because screen readers
# announce it (govuk-frontend issue #979, one of the Design System's documented known issues).
# axe is told to expect that one attribute on a radio; every rule runs, and every other
# attribute is checked, as axe does by default (validTreeRowAttrs is axe's own default option
# for this check, which the options given here would otherwise replace).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "checks": {
        "aria-allowed-attr": {
            "options": {
                "radio": ["aria-expanded"],
                "validTreeRowAttrs": [
                    "aria-posinset",
                    "aria-setsize",
                    "aria-expanded",
                    "aria-level",
                ],
            }
        }
    },
}


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Session-scoped twin of tests.conftest.chromium_path (same variable, same default)."""
    path = os.environ.get("CNIS_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(path):
        skip_or_fail(f"needs Chromium at {path}: install Debian's chromium or set CNIS_CHROMIUM")
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Browser]:
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


# Accessibility --------------------------------------------------------------------------------


def axe_violations(page: Page) -> list:
    """Run axe-core on the page as it is now; return its list of violations."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def _describe(violation: dict) -> str:
    targets = "; ".join(
        " ".join(str(part) for part in node["target"]) for node in violation["nodes"]
    )
    return (
        f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    {violation['helpUrl']}\n"
        f"    targets: {targets}"
    )


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        details = "\n".join(_describe(violation) for violation in violations)
        pytest.fail(
            f"axe found {len(violations)} accessibility violation(s) on {page.url} "
            f"({page.title()!r}):\n{details}",
            pytrace=False,
        )


# Signing in -----------------------------------------------------------------------------------


def current_code() -> str:
    """The code the officer's authenticator app shows now (factories use one known key)."""
    return f"{TOTP(key=bytes.fromhex(TOTP_KEY_HEX)).token():06d}"


def codes_accepted_now() -> set[str]:
    """Every code the server could accept in the next moment.

    django-otp allows one time step either side; one more step ahead covers a step ending
    between this check and the server's.
    """
    return {
        f"{TOTP(key=bytes.fromhex(TOTP_KEY_HEX), drift=drift).token():06d}"
        for drift in (-1, 0, 1, 2)
    }


def enter_email_and_password(page: Page, email: str, password: str = STAFF_PASSWORD) -> None:
    """On the sign-in page: the first factor. Ends on the security code page."""
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Enter your security code", level=1)).to_be_visible()


def enter_security_code(page: Page, code: str | None = None) -> None:
    """On the security code page: the second factor (the current code unless given one)."""
    page.get_by_label("Security code").fill(code if code is not None else current_code())
    page.get_by_role("button", name="Sign in").click()


def sign_in(page: Page, base_url: str, email: str) -> None:
    """Sign in with both factors, as an officer would; ends on the dashboard."""
    page.goto(base_url + "/staff/sign-in/")
    enter_email_and_password(page, email)
    enter_security_code(page)
    expect(page.get_by_role("heading", name="Dashboard", exact=True, level=1)).to_be_visible()
