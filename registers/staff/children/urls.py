"""Staff routes for children, included at the root of /staff/."""

from django.urls import path

from registers.staff.children import record_views, views

urlpatterns = [
    path("children/new/", views.child_add, name="child-add"),
    path("children/<uuid:child_id>/", views.child_record, name="child"),
    path("children/<uuid:child_id>/timeline/", views.child_timeline, name="child-timeline"),
    path("children/<uuid:child_id>/case/", views.case_page, name="case"),
    path("children/<uuid:child_id>/case/move/", views.case_move_view, name="case-move"),
    path(
        "children/<uuid:child_id>/change/details/",
        record_views.child_details_change,
        name="child-change-details",
    ),
    path(
        "children/<uuid:child_id>/change/special-educational-needs/",
        record_views.child_sen_change,
        name="child-change-sen",
    ),
    path(
        "children/<uuid:child_id>/change/address/",
        record_views.child_address_move,
        name="child-change-address",
    ),
    path(
        "children/<uuid:child_id>/change/parents/<int:relationship_id>/",
        record_views.parent_change,
        name="child-change-parent",
    ),
    path(
        "children/<uuid:child_id>/change/education/<int:arrangement_id>/",
        record_views.arrangement_change,
        name="child-change-arrangement",
    ),
    path(
        "children/<uuid:child_id>/change/education/new-provider/",
        record_views.provider_arrangement_add,
        name="child-add-provider",
    ),
    path(
        "children/<uuid:child_id>/change/previous-school/",
        record_views.previous_school_change,
        name="child-change-previous-school",
    ),
    path(
        "children/<uuid:child_id>/change/safeguarding/",
        record_views.safeguarding_change,
        name="child-change-safeguarding",
    ),
    path("children/<uuid:child_id>/contacts/", record_views.child_contacts, name="child-contacts"),
    path(
        "children/<uuid:child_id>/contacts/new/",
        record_views.contact_new,
        name="child-contact-new",
    ),
    path("children/<uuid:child_id>/visits/new/", record_views.visit_new, name="child-visit-new"),
    path(
        "children/<uuid:child_id>/visits/<int:visit_id>/",
        record_views.visit_change,
        name="child-visit-change",
    ),
    path(
        "children/<uuid:child_id>/suitability/new/",
        record_views.suitability_new,
        name="child-suitability-new",
    ),
]
