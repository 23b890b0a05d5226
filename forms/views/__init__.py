"""Entrant views: thin. Each parses the request, calls one service, renders or redirects."""

from .editing import editing_now, save, start
from .reading import detail, download_file, my_entries
from .submitting import review, submit, submitted

__all__ = [
    "editing_now",
    "detail",
    "download_file",
    "my_entries",
    "review",
    "save",
    "start",
    "submit",
    "submitted",
]
