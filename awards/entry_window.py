"""When a category takes entries, decided in one place on the server."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.utils import timezone

CLOSING_SOON = timedelta(days=7)


class EntryState(StrEnum):
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSING_SOON = "closing_soon"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            "not_yet_open": "Not yet open",
            "open": "Open for entries",
            "closing_soon": "Closing soon",
            "closed": "Closed",
        }[self.value]

    @property
    def accepts_entries(self) -> bool:
        return self in (EntryState.OPEN, EntryState.CLOSING_SOON)


@dataclass(frozen=True)
class EntryWindow:
    """An entry window: opens and closes are aware datetimes (or None for open-ended).

    The closing instant itself is closed: a save at exactly ``closes`` is refused.
    """

    opens: datetime | None
    closes: datetime | None
    closed_by_switch: bool = False

    def state(self, now: datetime | None = None) -> EntryState:
        now = now or timezone.now()
        if self.closed_by_switch:
            return EntryState.CLOSED
        if self.opens and now < self.opens:
            return EntryState.NOT_YET_OPEN
        if self.closes and now >= self.closes:
            return EntryState.CLOSED
        if self.closes and self.closes - now <= CLOSING_SOON:
            return EntryState.CLOSING_SOON
        return EntryState.OPEN
