"""Staff routes for the register list, included at the root of /staff/."""

from django.urls import path

from registers.staff.register import views

urlpatterns = [
    path("register/", views.register, name="register"),
]
