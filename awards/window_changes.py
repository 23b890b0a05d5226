"""The moments at which any page's entry state changes (opens, closing soon, closes).

A cached anonymous page must not outlive the moment its "Open for entries"
badge becomes "Closed": publishing/serving.py caps every page's cache time at the
next of these moments. They are read in two queries and kept per content
version, since only an editor's change can move them.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime

from publishing.content_version import versioned

from .entry_window import CLOSING_SOON


def _all_moments() -> list[datetime]:
    from .models import CategoryPage, ProgrammePage

    moments = set()
    for model in (ProgrammePage, CategoryPage):
        for opens, closes in model.objects.values_list("entries_open_at", "entries_close_at"):
            if opens:
                moments.add(opens)
            if closes:
                moments.update((closes - CLOSING_SOON, closes))
    return sorted(moments)


def next_window_change(now: datetime) -> datetime | None:
    moments = versioned("window-changes", _all_moments)
    index = bisect_right(moments, now)
    return moments[index] if index < len(moments) else None
