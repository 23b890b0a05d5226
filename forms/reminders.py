"""Reminders to entrants whose drafts are not submitted as the deadline nears."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .hosting import as_host
from .models import Entry, EntryEvent, EntryStatus
from .services import entry_deadline
from .validation import find_problems

DEFAULT_REMINDER_DAYS = 7


def send_reminders(*, now: datetime | None = None) -> int:
    """Email each unsubmitted draft in an open category once per reminder window.

    A window is "the last N days before this deadline" (N from the page,
    ``reminder_days``); a deadline that moves opens a new window.
    Returns how many reminders were sent.
    """
    from .tasks import send_entry_notice

    now = now or timezone.now()
    drafts = list(
        Entry.objects.filter(status=EntryStatus.DRAFT)
        .select_related("form")
        .prefetch_related("files")
    )
    pages = {p.pk: p for p in Page.objects.filter(pk__in={d.page_id for d in drafts}).specific()}
    sent = 0
    for entry in drafts:
        host = as_host(pages.get(entry.page_id))
        if host is None or not host.accepts_entries(now):
            continue
        deadline = entry_deadline(entry, host)
        days = getattr(host, "reminder_days", DEFAULT_REMINDER_DAYS)
        if deadline is None or deadline <= now or deadline - now > timedelta(days=days):
            continue
        window = deadline.isoformat()
        if entry.events.filter(
            action=EntryEvent.Action.REMINDED, details__deadline=window
        ).exists():
            continue
        file_keys = {f.question_key for f in entry.files.all()}
        problems = find_problems(entry.form.definition, entry.answers, file_keys)
        missing = [p.message for p in problems] or [
            "Nothing is missing: check your answers and submit your entry"
        ]
        with transaction.atomic():
            EntryEvent.objects.create(
                entry=entry,
                action=EntryEvent.Action.REMINDED,
                details={"deadline": window, "missing": missing},
                created_at=now,
            )
            transaction.on_commit(
                lambda entry=entry, missing=missing, window=window: send_entry_notice.enqueue(
                    entry.pk, "reminder", {"missing": missing, "deadline": window}
                )
            )
        sent += 1
    return sent
