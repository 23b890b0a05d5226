"""Panels another app adds to an entry's page, without forms importing that app.

The entry page (forms/views/reading.py ``detail``) asks each registered panel,
in the order registered, for its HTML for this person and this entry, and shows
what is not empty after the entry's details. An app registers its panel in its
``AppConfig.ready()`` (judging registers the judges' feedback). A panel decides for
itself whether it has anything to show: it returns "" for nothing, and then the
page carries no trace of it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from .models import Entry

EntryPanel = Callable[[HttpRequest, Entry], str]

_panels: list[EntryPanel] = []


def register_entry_panel(panel: EntryPanel) -> None:
    """Show ``panel(request, entry)`` on entry pages: HTML marked safe (a rendered
    template), or plain text, which is escaped."""
    if panel not in _panels:
        _panels.append(panel)


def entry_panels(request: HttpRequest, entry: Entry) -> list[SafeString]:
    """The registered panels' HTML for this entry, leaving out the empty ones."""
    shown = []
    for panel in _panels:
        html = panel(request, entry)
        if html:
            shown.append(conditional_escape(html))
    return shown
