"""Entrant views: thin. Each parses the request, calls one service, renders or redirects."""

from .editing import editing_now, save, start
from .partner import ask as partner_ask
from .partner import link as partner_link
from .reading import detail, download_file, my_entries
from .submitting import review, submit, submitted

__all__ = [
    "editing_now",
    "detail",
    "download_file",
    "my_entries",
    "partner_ask",
    "partner_link",
    "review",
    "save",
    "start",
    "submit",
    "submitted",
]
