"""Staff routes for a child's letters, included at the root of /staff/."""

from django.urls import path

from registers.staff.letters import views

urlpatterns = [
    path("children/<uuid:child_id>/letters/", views.child_letters, name="child-letters"),
    path(
        "children/<uuid:child_id>/letters/preview/",
        views.child_letter_preview,
        name="child-letter-preview",
    ),
    path(
        "children/<uuid:child_id>/letters/<int:letter_id>/pdf/",
        views.child_letter_pdf,
        name="child-letter-pdf",
    ),
]
