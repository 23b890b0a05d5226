"""Judging in the Wagtail admin; each module registers its own hooks when imported."""

from .admin import panels_hooks, results_hooks  # noqa: F401
