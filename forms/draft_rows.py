"""The statement every autosave runs: write an entry's answers only if the draft is
still at the version the save was planned on (forms.services.save_draft).

An entrant's draft is written on every autosave that changes something, every few
seconds per open tab, and most of all in the last hour before a deadline: one
UPDATE, in the transaction that also records the history (forms.revisions).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F

from .models import Entry, EntryStatus


def write_draft_answers(
    entry_id: int,
    base_version: int,
    answers: dict[str, Any],
    meta: dict[str, dict],
    now: datetime,
    writer: str = "",
) -> bool:
    """Store ``answers`` and their ``meta`` and move the version on, if the draft is still
    at ``base_version``.

    ``writer`` is the open page the save came from. False when another save got
    there first or the entry is no longer a draft.
    """
    updated = Entry.objects.filter(
        pk=entry_id, version=base_version, status=EntryStatus.DRAFT
    ).update(
        answers=answers,
        answer_meta=meta,
        version=F("version") + 1,
        updated_at=now,
        last_writer=writer,
    )
    return updated == 1
