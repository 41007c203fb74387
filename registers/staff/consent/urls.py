"""Staff routes for a child's consent requests (s.434A), included at the root of /staff/."""

from django.urls import path

from registers.staff.consent import views

urlpatterns = [
    path("children/<uuid:child_id>/consent/", views.child_consent, name="child-consent"),
    path(
        "children/<uuid:child_id>/consent/new/",
        views.consent_request_new,
        name="child-consent-new",
    ),
    path(
        "children/<uuid:child_id>/consent/<int:consent_id>/decision/",
        views.consent_decision,
        name="child-consent-decision",
    ),
]
