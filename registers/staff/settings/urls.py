"""Staff routes for an LA admin's settings, included at the root of /staff/."""

from django.urls import path

from registers.rules.letters import LetterKind
from registers.staff.settings import views

# One address for each kind of letter (reversed with the kind), rather than one taking any text.
urlpatterns = [
    path("settings/letters/", views.letter_templates, name="settings-letters"),
    *(
        path(
            f"settings/letters/{kind.value}/",
            views.letter_template_edit,
            {"kind": kind.value},
            name="settings-letter",
        )
        for kind in LetterKind
    ),
]
