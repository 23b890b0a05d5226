"""Judges accept their invitation to a panel here."""

urlpatterns: list = []
