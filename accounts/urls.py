from django.urls import path

from . import views

# Included before allauth's URLs under /accounts/; allauth's names start "account_" too.
urlpatterns = [
    path("profile/", views.profile, name="account_profile"),
]
