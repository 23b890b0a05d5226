"""Judges accept their invitation to a panel here."""

from django.urls import path

from . import invitation_views

urlpatterns: list = [
    path("<str:token>/", invitation_views.invitation, name="invitation"),
]
