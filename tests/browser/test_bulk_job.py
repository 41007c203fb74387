"""A manager sends update requests to every child due this month as a bulk job, in Chromium:
the job is queued, a real Celery worker does it, and the page shows its progress and then its
summary; run again, it sends nothing new."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.models import InformationRequest, Person, StaffRole
from registers.rules.deadlines import add_months
from registers.services.outbox import outbox_sweep
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.browser

# How long the worker may take before the test gives up waiting for it.
WORKER_WAIT_SECONDS = 60


def due(authority, *, email: bool = True):
    """A child whose 12 months since registration ran out yesterday."""
    entry = child_with_record(authority=authority).entries.get()
    entry.registered_on = add_months(timezone.localdate(), -12) - timedelta(days=1)
    entry.save()
    if not email:
        Person.objects.filter(relationships__child=entry.child).update(email="")
    return entry


def test_a_manager_takes_a_bulk_job_to_its_summary(
    page: Page, live_server, celery_worker, finished_tasks, devon
):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    due(devon)
    due(devon)
    due(devon, email=False)

    sign_in(page, live_server.url, manager.email)
    page.get_by_role("link", name="Bulk work").click()
    expect(page.get_by_role("heading", name="Bulk work", level=1)).to_be_visible()
    expect(page.get_by_text("3 children are due an update request by")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Send update requests").click()
    expect(
        page.get_by_role("heading", name="Send update requests to every child due this month")
    ).to_be_visible()
    expect(page.get_by_text("Queued")).to_be_visible()
    assert_accessible(page)

    outbox_sweep()  # as beat runs it: the job goes to the broker, and the worker takes it
    finished_tasks.get(timeout=WORKER_WAIT_SECONDS)

    page.get_by_role("button", name="Check progress").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.get_by_text("Finished")).to_be_visible()
    summary = page.locator("dl").last
    expect(summary.locator(".govuk-summary-list__row", has_text="Sent")).to_contain_text("2")
    expect(summary.locator(".govuk-summary-list__row", has_text="Skipped")).to_contain_text("1")
    expect(
        page.get_by_role(
            "cell", name="There is no email address for the child's parents", exact=False
        )
    ).to_be_visible()
    assert_accessible(page)
    assert InformationRequest.objects.count() == 2

    # Run again: the children asked are no longer due, and nothing is sent twice.
    page.get_by_role("link", name="Back to bulk work").click()
    expect(page.get_by_text("1 child is due an update request by")).to_be_visible()
    page.get_by_role("button", name="Send update requests").click()
    outbox_sweep()
    finished_tasks.get(timeout=WORKER_WAIT_SECONDS)
    page.get_by_role("button", name="Check progress").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(
        page.locator("dl").last.locator(".govuk-summary-list__row", has_text="Sent")
    ).to_contain_text("0")
    assert InformationRequest.objects.count() == 2
