from django.urls import path

from registers.public import views

app_name = "public"

urlpatterns = [
    path("", views.start, name="start"),
]
