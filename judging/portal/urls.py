"""The judging portal on the public site: entries to judge, score sheets."""

urlpatterns: list = []
