"""Staff routes for an officer's work, included at the root of /staff/."""

from django.urls import path

from registers.staff.work import views

urlpatterns = [
    path("tasks/", views.tasks, name="tasks"),
    path("tasks/<str:task_id>/done/", views.task_done, name="task-done"),
    path("caseload/", views.caseload, name="caseload"),
    path("caseload/<str:showing>/", views.caseload, name="caseload-officer"),
    path("bulk-work/", views.bulk_jobs, name="bulk-jobs"),
    path("bulk-work/<str:job_id>/", views.bulk_job, name="bulk-job"),
]
