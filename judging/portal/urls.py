"""The judging portal on the public site: entries to judge, score sheets."""

from django.urls import path

from . import conflict_views, scoring, views

urlpatterns = [
    path("", views.home, name="home"),
    path("entries/<str:public_id>/", views.entry, name="entry"),
    path("entries/<str:public_id>/files/<str:file_id>/", views.download, name="file"),
    path("entries/<str:public_id>/save/", scoring.save, name="save"),
    path("entries/<str:public_id>/submit/", scoring.submit, name="submit"),
    path("entries/<str:public_id>/conflict/", conflict_views.declare, name="declare"),
]
