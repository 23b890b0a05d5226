"""Organisers' admin for panels, judges, assignments and conflicts (Wagtail hooks)."""
