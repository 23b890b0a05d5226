from django.urls import path

from . import views

# Included before allauth's URLs under /accounts/; allauth's names start "account_" too.
urlpatterns = [
    path("profile/", views.profile, name="account_profile"),
    path("keep-alive/", views.keep_alive, name="account_keep_alive"),
    path("my-data/", views.my_data, name="account_my_data"),
    path("delete/", views.delete_account, name="account_delete"),
]
