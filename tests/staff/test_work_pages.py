"""My tasks and the manager's caseload: what each officer sees, completing a task, reassigning
cases, LA isolation, roles, and the same SQL at 100 and at 10,000 children (P1)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import AuditEvent, BulkJob, RegisterEntry, StaffRole, Task
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record, children_registered_in_bulk
from tests.pages import assert_errors_shown
from tests.statements import statements_run

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def case_of(officer, *, first_name: str = "Ada", last_name: str = "Fenwick") -> RegisterEntry:
    child = child_with_record(
        authority=officer.authority, first_name=first_name, last_name=last_name
    )
    entry = child.entries.get()
    entry.assigned_officer = officer
    entry.save()
    return entry


def task_on(entry, kind=Task.Kind.SUPPORT_REQUEST, *, days: int = 0, **fields) -> Task:
    return Task.objects.create(
        authority=entry.authority,
        kind=kind,
        entry=entry,
        due_on=today() + timedelta(days=days),
        **fields,
    )


@pytest.fixture
def manager(devon):
    return StaffUserFactory(authority=devon, role=StaffRole.MANAGER, full_name="Mina Manager")


@pytest.fixture
def manager_client(client, manager):
    return sign_in_fully(client, manager)


def test_my_tasks_lists_my_overdue_and_due_soon_tasks_and_not_a_colleagues(
    officer_client, officer, devon
):
    colleague = StaffUserFactory(authority=devon)
    mine = case_of(officer, first_name="Ada")
    theirs = case_of(colleague, first_name="Ben")
    task_on(mine, Task.Kind.CONSIDER_LIVING_SITUATION, days=-2)
    task_on(mine, Task.Kind.CONSENT_DECISION, days=3)
    task_on(mine, Task.Kind.SEND_UPDATE_REQUEST, days=200)
    task_on(theirs, Task.Kind.POSSIBLE_DUPLICATE, days=-1)
    task_on(theirs, Task.Kind.REVIEW_NOTIFICATION, days=1, assigned_to=officer)

    page = officer_client.get(reverse("staff:tasks")).content.decode()

    overdue, due_soon = page.split("<caption")[1:3]
    assert "Overdue" in overdue and "Consider where the child lives" in overdue
    assert "Decide a consent request" in due_soon and "Review a notification" in due_soon
    assert "Check a possible duplicate" not in page
    assert "Send an update request" not in page
    assert "1 more task is due later." in page
    assert "Fenwick, Ada" in page and "Fenwick, Ben" in page
    read = AuditEvent.objects.get(object_type="tasks")
    assert set(read.children) == {str(mine.child_id), str(theirs.child_id)}


def test_marking_a_task_done_takes_it_off_the_list_and_a_second_time_says_so(
    officer_client, officer
):
    task = task_on(case_of(officer), Task.Kind.SUPPORT_REQUEST, days=-1)
    url = reverse("staff:task-done", kwargs={"task_id": task.pk})

    done = officer_client.post(url, follow=True)
    again = officer_client.post(url, follow=True)

    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    assert task.completed_at is not None
    assert "Task done: Respond to a request for support" in done.content.decode()
    assert "You have no overdue tasks." in done.content.decode()
    assert "This task has already been done or cancelled" in again.content.decode()


def test_an_officer_cannot_mark_a_colleagues_task_done_but_a_manager_can(
    officer_client, devon, manager
):
    colleague = StaffUserFactory(authority=devon)
    task = task_on(case_of(colleague))
    url = reverse("staff:task-done", kwargs={"task_id": task.pk})

    refused = officer_client.post(url, follow=True)
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN
    assert "Only the officer the task belongs to, or a manager" in refused.content.decode()

    sign_in_fully(officer_client, manager)
    officer_client.post(url)
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_another_las_task_is_not_found_and_left_open(officer_client, cornwall_officer):
    task = task_on(case_of(cornwall_officer))

    response = officer_client.post(reverse("staff:task-done", kwargs={"task_id": task.pk}))

    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN


def test_the_caseload_is_for_managers(officer_client):
    assert officer_client.get(reverse("staff:caseload")).status_code == 403
    assert AuditEvent.objects.filter(outcome=AuditEvent.Outcome.DENIED).exists()


def test_the_manager_sees_each_officers_open_cases_and_tasks(
    manager_client, officer, devon, cornwall_officer
):
    colleague = StaffUserFactory(authority=devon, full_name="Colin Colleague")
    officer.full_name = "Olive Officer"
    officer.save()
    cornwall_officer.full_name = "Kerensa Kernow"
    cornwall_officer.save()
    for number in range(3):
        task_on(case_of(officer, first_name=f"A{number}"), days=-1)
    task_on(case_of(colleague), days=2)
    child_with_record(authority=devon)  # no officer holds it
    task_on(case_of(cornwall_officer), days=-1)

    page = manager_client.get(reverse("staff:caseload")).content.decode()
    rows = {
        name: page.split(name, 1)[1].split("</tr>", 1)[0]
        for name in ("Olive Officer", "Colin Colleague", "No officer")
    }

    def numbers(row: str) -> list[str]:
        return [cell.split(">")[-1] for cell in row.split("</td>")[:-1]]

    assert numbers(rows["Olive Officer"]) == ["3", "3", "3"]
    assert numbers(rows["Colin Colleague"]) == ["1", "1", "0"]
    assert numbers(rows["No officer"]) == ["1", "0", "0"]
    assert "Kerensa Kernow" not in page


def test_the_manager_reassigns_cases_and_their_tasks_follow(manager_client, officer, devon):
    colleague = StaffUserFactory(authority=devon, full_name="Colin Colleague")
    first, second, kept = (case_of(officer, first_name=name) for name in ("Ann", "Bea", "Cal"))
    given = task_on(first, days=-1, assigned_to=officer)
    task_on(second, days=1)
    url = reverse("staff:caseload-officer", kwargs={"showing": officer.pk})

    page = manager_client.get(url).content.decode()
    assert "Reassign Ann Fenwick" in page
    response = manager_client.post(
        url, {"cases": [str(first.pk), str(second.pk)], "officer": str(colleague.pk)}, follow=True
    )

    assert "2 cases reassigned" in response.content.decode()
    assert set(RegisterEntry.objects.filter(assigned_officer=colleague)) == {first, second}
    kept.refresh_from_db()
    assert kept.assigned_officer == officer
    given.refresh_from_db()
    assert given.assigned_to is None  # it follows its case, now the colleague's
    sign_in_fully(manager_client, colleague)
    assert "Fenwick, Ann" in manager_client.get(reverse("staff:tasks")).content.decode()


def test_reassigning_nothing_or_to_no_one_says_what_is_missing(manager_client, officer):
    entry = case_of(officer)
    url = reverse("staff:caseload-officer", kwargs={"showing": officer.pk})

    response = manager_client.post(url, {"officer": ""})

    assert_errors_shown(
        response,
        [
            ("case-1", "Select the cases to reassign"),
            ("id_officer", "Select the officer to give the cases to"),
        ],
    )
    entry.refresh_from_db()
    assert entry.assigned_officer == officer


def test_another_las_case_or_officer_cannot_be_reassigned(
    manager_client, officer, cornwall_officer
):
    theirs = case_of(cornwall_officer)
    mine = case_of(officer)
    url = reverse("staff:caseload-officer", kwargs={"showing": officer.pk})

    into_cornwall = manager_client.post(
        url, {"cases": [str(mine.pk)], "officer": str(cornwall_officer.pk)}
    )
    from_cornwall = manager_client.post(
        url, {"cases": [str(mine.pk), str(theirs.pk)], "officer": str(officer.pk)}
    )

    assert_errors_shown(into_cornwall, [("id_officer", "Select the officer to give the cases to")])
    assert_errors_shown(
        from_cornwall,
        [
            (
                "case-1",
                "Some of the selected cases are closed or no longer on the register: "
                "reload the page",
            )
        ],
    )
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.assigned_officer, theirs.assigned_officer) == (officer, cornwall_officer)


def _children_with_tasks(officer, count: int, *, start: int) -> None:
    children = children_registered_in_bulk(officer.authority, count, start=start)
    RegisterEntry.objects.filter(child__in=children).update(assigned_officer=officer)
    Task.objects.bulk_create(
        Task(
            authority=officer.authority,
            kind=Task.Kind.CONSIDER_LIVING_SITUATION,
            entry=entry,
            due_on=today() + timedelta(days=number % 30 - 10),
        )
        for number, entry in enumerate(RegisterEntry.objects.filter(child__in=children))
    )


@pytest.mark.usefixtures("session_renewal_held")
def test_my_tasks_caseload_and_bulk_work_run_the_same_sql_at_100_and_10000_children(
    client, officer, manager
):
    signed_in = {user: sign_in_fully(client.__class__(), user) for user in (officer, manager)}
    pages = [
        (officer, reverse("staff:tasks")),
        (manager, reverse("staff:caseload")),
        (manager, reverse("staff:caseload-officer", kwargs={"showing": officer.pk})),
        (manager, reverse("staff:bulk-jobs")),
    ]

    def statements() -> list[int]:
        counts = []
        for user, url in pages:
            run = statements_run(lambda: signed_in[user].get(url))  # noqa: B023
            counts.append(len(run))
        return counts

    # Notified a day apart going back from today: the first hundred long ago, so that some
    # are due an update request at either size.
    _children_with_tasks(officer, 100, start=9_900)
    at_100 = statements()
    _children_with_tasks(officer, 9_900, start=0)
    at_10000 = statements()

    assert at_100 == at_10000
    tasks_page = signed_in[officer].get(reverse("staff:tasks")).content.decode()
    assert "And " in tasks_page and "more, shown once these are done." in tasks_page


def test_bulk_work_is_for_managers(officer_client):
    assert officer_client.get(reverse("staff:bulk-jobs")).status_code == 403
    assert officer_client.post(reverse("staff:bulk-jobs"), {"kind": KIND}).status_code == 403
    assert not BulkJob.objects.exists()


KIND = BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH


def test_a_manager_starts_bulk_work_and_sees_the_job(manager_client, manager):
    started = manager_client.post(reverse("staff:bulk-jobs"), {"kind": KIND})

    job = BulkJob.objects.get()
    assert started.url == reverse("staff:bulk-job", kwargs={"job_id": job.pk})
    assert (job.authority, job.requested_by) == (manager.authority, manager)
    shown = manager_client.get(started.url).content.decode()
    assert "Queued" in shown and "Check progress" in shown
    listed = manager_client.get(reverse("staff:bulk-jobs")).content.decode()
    assert "Send update requests to every child due this month</a>" in listed


def test_an_unknown_kind_of_bulk_work_starts_nothing(manager_client):
    response = manager_client.post(reverse("staff:bulk-jobs"), {"kind": "delete_everything"})

    assert response.status_code == 200
    assert "Select the bulk work to start" in response.content.decode()
    assert not BulkJob.objects.exists()


def test_a_case_id_that_is_no_id_is_refused_not_an_error(manager_client, officer):
    case_of(officer)
    url = reverse("staff:caseload-officer", kwargs={"showing": officer.pk})

    response = manager_client.post(url, {"cases": ["not-a-case"], "officer": str(officer.pk)})

    assert_errors_shown(
        response,
        [
            (
                "case-1",
                "Some of the selected cases are closed or no longer on the register: "
                "reload the page",
            )
        ],
    )


def test_the_child_record_names_the_officer_who_holds_the_case(officer_client, officer, devon):
    officer.full_name = "Olive Officer"
    officer.save()
    held = case_of(officer)
    unheld = child_with_record(authority=devon)

    def record(child_id) -> str:
        return officer_client.get(
            reverse("staff:child", kwargs={"child_id": child_id})
        ).content.decode()

    assert "Officer: Olive Officer" in record(held.child_id)
    assert "No officer holds the case" in record(unheld.pk)
