from django.urls import include, path, register_converter

from registers.public import authority, information, views

app_name = "public"

register_converter(information.InformationPageConverter, "information_page")

urlpatterns = [
    path("", views.start, name="start"),
    path("choose-your-local-authority/", authority.choose_authority, name="choose-authority"),
    path("notify/", include("registers.public.notify.urls")),
    path("update/", include("registers.public.updates.urls")),
    path("change/", include("registers.public.changes.urls")),
    path("support/", include("registers.public.support.urls")),
    path("provider/", include("registers.public.providers.urls")),
    path("<information_page:page>/", information.information_page, name="information"),
]
