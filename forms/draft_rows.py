"""The two statements every autosave runs: read the entrant's own entry, and write its
answers only if the draft is still at the version the entrant's page was showing.

An entrant's draft is read and written on every autosave, every 10 seconds per
open tab, and most of all in the last hour before a deadline. Both are single
ORM statements; outside a transaction the write is one self-committing UPDATE
(docs/performance.md: the hand-written SQL this once was made no difference
``make bench`` could see, run against run, on this change).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F

from .models import Entry, EntryStatus


def find_own_entry(public_id: str, entrant_id: int) -> Entry | None:
    """The entry with this public id if ``entrant_id`` owns it, else None."""
    return Entry.objects.filter(public_id=public_id, entrant_id=entrant_id).first()


def write_draft_answers(
    entry_id: int, base_version: int, answers: dict[str, Any], now: datetime, writer: str = ""
) -> bool:
    """Store ``answers`` and move the version on, if the draft is still at ``base_version``.

    ``writer`` is the open page the save came from. False when another save got
    there first or the entry is no longer a draft.
    """
    updated = Entry.objects.filter(
        pk=entry_id, version=base_version, status=EntryStatus.DRAFT
    ).update(answers=answers, version=F("version") + 1, updated_at=now, last_writer=writer)
    return updated == 1
