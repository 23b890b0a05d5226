"""A draft staff reopened: why, and by when the entrant must submit it again.

An entry reopened by staff (forms.staff_actions.reopen_entry) is a draft that
keeps its reference; the latest REOPENED event in its history holds the reason
the entrant is shown on every page that shows the entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .hosting import as_host
from .models import Entry, EntryEvent
from .services import accepts_changes, entry_deadline


@dataclass(frozen=True)
class Reopened:
    """What the entrant of a reopened draft is told."""

    reason: str
    deadline: datetime | None
    editable: bool

    @property
    def reason_sentence(self) -> str:
        """The reason as a sentence of its own: one full stop, whether staff typed it or not."""
        reason = " ".join(self.reason.split())
        if reason and reason[-1] not in ".!?":
            reason += "."
        return reason

    @classmethod
    def of(cls, entry: Entry, *, now: datetime | None = None) -> Reopened | None:
        """The notice for one entry (one query if it was reopened, none otherwise)."""
        if not entry.is_reopened:
            return None
        host = as_host(entry.page)
        now = now or timezone.now()
        return cls(
            reason=reopen_reasons([entry]).get(entry.pk, ""),
            deadline=entry_deadline(entry, host) if host else None,
            editable=host is not None and accepts_changes(entry, host, now),
        )


def reopen_reasons(entries: Iterable[Entry]) -> dict[int, str]:
    """The latest reopening reason of each reopened draft among ``entries``.

    One query for any number of entries, and none when no entry was reopened.
    """
    ids = [entry.pk for entry in entries if entry.is_reopened]
    if not ids:
        return {}
    events = (
        EntryEvent.objects.filter(entry_id__in=ids, action=EntryEvent.Action.REOPENED)
        .order_by("created_at", "pk")
        .values_list("entry_id", "reason")
    )
    return dict(events)  # in time order, so each entry keeps its latest reason
