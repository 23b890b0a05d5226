"""Reminders to entrants whose drafts are not submitted as the deadline nears."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from .hosting import as_host
from .models import Entry, EntryEvent, EntryReminder, EntryStatus
from .services import accepts_changes, entry_deadline
from .validation import find_problems

DEFAULT_REMINDER_DAYS = 7


def send_reminders(*, now: datetime | None = None) -> int:
    """Email each unsubmitted draft that may still be changed, once per reminder window.

    A window is "the last N days before this entry's deadline" (N from the
    page, ``reminder_days``): the page's deadline, or a later one staff gave
    this entry, which counts even once the category has closed to others. A
    deadline that moves opens a new window. Each reminder is recorded by one
    insert under a unique constraint (EntryReminder), so runs that overlap send
    it once. Returns how many reminders this run sent.
    """
    from .tasks import send_entry_notice

    now = now or timezone.now()
    drafts = list(
        Entry.objects.filter(status=EntryStatus.DRAFT)
        .select_related("form")
        .prefetch_related("files", "reminders")
    )
    pages = {p.pk: p for p in Page.objects.filter(pk__in={d.page_id for d in drafts}).specific()}
    sent = 0
    for entry in drafts:
        host = as_host(pages.get(entry.page_id))
        if host is None or not accepts_changes(entry, host, now):
            continue
        deadline = entry_deadline(entry, host)
        days = getattr(host, "reminder_days", DEFAULT_REMINDER_DAYS)
        if deadline is None or deadline <= now or deadline - now > timedelta(days=days):
            continue
        # Skips the insert for most drafts; the constraint decides for the rest.
        if any(reminder.deadline == deadline for reminder in entry.reminders.all()):
            continue
        file_keys = {f.question_key for f in entry.files.all()}
        problems = find_problems(entry.form.definition, entry.answers, file_keys)
        missing = [p.message for p in problems] or [
            "Nothing is missing: check your answers and submit your entry"
        ]
        window = deadline.isoformat()
        try:
            with transaction.atomic():
                EntryReminder.objects.create(entry=entry, deadline=deadline, sent_at=now)
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
        except IntegrityError:
            continue  # another run reminded this draft of this deadline first
        sent += 1
    return sent
