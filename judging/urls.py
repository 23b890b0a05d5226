from django.urls import include, path

app_name = "judging"

urlpatterns = [
    path("", include("judging.portal.urls")),
    path("invitations/", include("judging.invitation_urls")),
]
