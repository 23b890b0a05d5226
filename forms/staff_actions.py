"""What organisers may do to an entry. Each action is one transaction, logged with its reason."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .exceptions import EntryError
from .models import Entry, EntryEvent, EntryStatus


class StaffActionRefused(EntryError):
    status_code = 409


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise StaffActionRefused("Give a reason: it is kept in the entry's history.")
    return reason[:2000]


def _email_after_commit(entry: Entry, kind: str, extra: dict | None = None) -> None:
    from .tasks import send_entry_notice

    transaction.on_commit(lambda: send_entry_notice.enqueue(entry.pk, kind, extra or {}))


@transaction.atomic
def reopen_entry(*, entry: Entry, by, reason: str, now: datetime | None = None) -> Entry:
    """Send a submitted entry back to draft so its entrant can change it; it keeps its reference."""
    reason = _require_reason(reason)
    now = now or timezone.now()
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status != EntryStatus.SUBMITTED:
        raise StaffActionRefused("Only a submitted entry can be reopened.")
    if entry.entrant_id is None:
        # Kept anonymised after its entrant deleted their account: nobody could change it.
        raise StaffActionRefused(
            "This entrant deleted their account, so nobody could change a reopened entry."
        )
    Entry.objects.filter(pk=entry.pk).update(
        status=EntryStatus.DRAFT, question_snapshot=None, version=F("version") + 1, updated_at=now
    )
    EntryEvent.objects.create(
        entry=entry, action=EntryEvent.Action.REOPENED, actor=by, reason=reason, created_at=now
    )
    _email_after_commit(entry, "reopened", {"reason": reason})
    entry.refresh_from_db()
    return entry


@transaction.atomic
def withdraw_entry(*, entry: Entry, by, reason: str, now: datetime | None = None) -> Entry:
    """Take an entry out of the running. Its answers are kept for the record."""
    reason = _require_reason(reason)
    now = now or timezone.now()
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status == EntryStatus.WITHDRAWN:
        raise StaffActionRefused("This entry has already been withdrawn.")
    Entry.objects.filter(pk=entry.pk).update(
        status=EntryStatus.WITHDRAWN, version=F("version") + 1, updated_at=now
    )
    EntryEvent.objects.create(
        entry=entry,
        action=EntryEvent.Action.WITHDRAWN,
        actor=by,
        reason=reason,
        created_at=now,
        details={"previous_status": entry.status},
    )
    _email_after_commit(entry, "withdrawn", {"reason": reason})
    entry.refresh_from_db()
    return entry


@transaction.atomic
def extend_deadline(
    *, entry: Entry, by, until: datetime, reason: str, now: datetime | None = None
) -> Entry:
    """Let one entry be saved and submitted until ``until``, whatever the category's deadline."""
    reason = _require_reason(reason)
    now = now or timezone.now()
    if until <= now:
        raise StaffActionRefused("The new deadline must be in the future.")
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status == EntryStatus.WITHDRAWN:
        raise StaffActionRefused("A withdrawn entry cannot be given more time.")
    Entry.objects.filter(pk=entry.pk).update(extended_until=until, updated_at=now)
    EntryEvent.objects.create(
        entry=entry,
        action=EntryEvent.Action.EXTENDED,
        actor=by,
        reason=reason,
        created_at=now,
        details={"until": until.isoformat()},
    )
    _email_after_commit(entry, "extended", {"until": until.isoformat()})
    entry.refresh_from_db()
    return entry
