"""Staff routes for the register list and its export, included at the root of /staff/."""

from django.urls import path

from registers.staff.register import views

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/export.csv", views.register_export_csv, name="register-export-csv"),
    path("register/export.xlsx", views.register_export_xlsx, name="register-export-xlsx"),
]
