"""Entrant views: thin. Each parses the request, calls one service, renders or redirects."""

from .copying import copied, copy
from .editing import editing_now, save, start
from .eligibility import eligibility
from .history import history, restore
from .partner import ask as partner_ask
from .partner import link as partner_link
from .reading import detail, download_file, my_entries
from .submitting import review, submit, submitted

__all__ = [
    "copied",
    "copy",
    "editing_now",
    "eligibility",
    "detail",
    "download_file",
    "history",
    "my_entries",
    "restore",
    "partner_ask",
    "partner_link",
    "review",
    "save",
    "start",
    "submit",
    "submitted",
]
