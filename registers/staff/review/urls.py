"""Staff routes for the review queue and possible duplicates, included at the root of /staff/."""

from django.urls import path

from registers.staff.review import views

urlpatterns = [
    path("review/", views.review_queue, name="review"),
    path("review/duplicates/", views.duplicate_list, name="review-duplicates"),
    path(
        "review/duplicates/<uuid:first_id>/<uuid:second_id>/",
        views.duplicate_pair,
        name="review-duplicate",
    ),
    path("review/<slug:kind>/<int:notification_id>/", views.review_item, name="review-item"),
]
