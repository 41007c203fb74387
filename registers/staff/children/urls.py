"""Staff routes for children, included at the root of /staff/."""

from django.urls import path

from registers.staff.children import views

urlpatterns = [
    path("children/new/", views.child_add, name="child-add"),
    path("children/<uuid:child_id>/", views.child_record, name="child"),
    path("children/<uuid:child_id>/timeline/", views.child_timeline, name="child-timeline"),
    path("children/<uuid:child_id>/case/", views.case_page, name="case"),
    path("children/<uuid:child_id>/case/move/", views.case_move_view, name="case-move"),
]
