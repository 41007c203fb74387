"""Staff routes for an LA admin's settings, included at the root of /staff/."""

from django.urls import path

from registers.staff.settings import views

urlpatterns = [
    path("settings/letters/", views.letter_templates, name="settings-letters"),
    path("settings/letters/<str:kind>/", views.letter_template_edit, name="settings-letter"),
]
