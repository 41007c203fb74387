"""An officer works through My tasks and a manager reassigns cases, in Chromium, with axe on
every page, the error state included."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from registers.models import RegisterEntry, StaffRole, Task
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.browser


def case_of(officer, first_name: str) -> RegisterEntry:
    entry = child_with_record(
        authority=officer.authority, first_name=first_name, last_name="Fenwick"
    ).entries.get()
    entry.assigned_officer = officer
    entry.save()
    Task.objects.create(
        authority=officer.authority,
        kind=Task.Kind.CONSIDER_LIVING_SITUATION,
        entry=entry,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    return entry


def test_an_officer_marks_an_overdue_task_done(page: Page, live_server, devon):
    officer = StaffUserFactory(authority=devon)
    case_of(officer, "Ada")

    sign_in(page, live_server.url, officer.email)
    page.get_by_role("link", name="Tasks").click()
    expect(page.get_by_role("heading", name="My tasks", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Fenwick, Ada")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Task done: Consider where the child lives")).to_be_visible()
    expect(page.get_by_text("You have no overdue tasks.")).to_be_visible()
    assert_accessible(page)


def test_a_manager_reassigns_a_case_after_forgetting_to_choose_one(page: Page, live_server, devon):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    officer = StaffUserFactory(authority=devon, full_name="Olive Officer")
    colleague = StaffUserFactory(authority=devon, full_name="Colin Colleague")
    entry = case_of(officer, "Ada")

    sign_in(page, live_server.url, manager.email)
    page.get_by_role("link", name="Caseload").click()
    assert_accessible(page)
    page.get_by_role("link", name="Olive Officer").click()
    expect(page.get_by_role("heading", name="Cases of Olive Officer")).to_be_visible()

    page.get_by_label("Give the selected cases to").select_option(label="Colin Colleague")
    page.get_by_role("button", name="Reassign selected cases").click()
    expect(page.get_by_role("link", name="Select the cases to reassign")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Reassign Ada Fenwick").check()
    page.get_by_label("Give the selected cases to").select_option(label="Colin Colleague")
    page.get_by_role("button", name="Reassign selected cases").click()
    expect(page.get_by_text("1 case reassigned")).to_be_visible()
    assert_accessible(page)
    entry.refresh_from_db()
    assert entry.assigned_officer == colleague
