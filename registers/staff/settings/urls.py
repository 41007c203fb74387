"""Staff routes for the LA's settings, included at the root of /staff/."""

from django.urls import path

from registers.rules.letters import LetterKind
from registers.staff.settings import views

urlpatterns = [
    path("settings/staff/", views.staff_accounts, name="settings-staff"),
    path("settings/staff/invite/", views.staff_invite_view, name="settings-staff-invite"),
    path("settings/staff/<int:user_id>/", views.staff_member, name="settings-staff-member"),
    path(
        "settings/staff/<int:user_id>/safeguarding/",
        views.staff_safeguarding,
        name="settings-staff-safeguarding",
    ),
    *(
        path(
            f"settings/staff/<int:user_id>/{action}/",
            views.staff_action,
            {"action": action},
            name=f"settings-staff-{action}",
        )
        for action in views.ACTIONS
    ),
    path("settings/periods/", views.periods, name="settings-periods"),
    path("settings/pages/", views.pages, name="settings-pages"),
    path("settings/letters/", views.letter_templates, name="settings-letters"),
    # One address for each kind of letter (reversed with the kind), not one taking any text.
    *(
        path(
            f"settings/letters/{kind.value}/",
            views.letter_template_edit,
            {"kind": kind.value},
            name="settings-letter",
        )
        for kind in LetterKind
    ),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
