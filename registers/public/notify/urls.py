"""Public pages: "Tell us your child is not in school" (s.436D)."""

from django.urls import path

from registers.public.notify import views

urlpatterns = [
    path("", views.notify_start, name="notify-start"),
    path("sent/", views.notify_confirmation, name="notify-confirmation"),
    path("remove/<slug:group>/<int:number>/", views.notify_remove, name="notify-remove"),
    path("<slug:page>/", views.notify_page, name="notify-page"),
]
