"""The entry panel a host page shows under its content: start, resume, or the submitted entry."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .hosting import as_host, has_entry_form
from .models import EntryStatus
from .published import with_published_forms
from .reopening import Reopened
from .selectors import entries_on_page, entry_view
from .services import accepts_changes, entry_deadline


def entry_panel(request, page) -> dict[str, Any]:
    host = as_host(page)
    if host is None or not has_entry_form(host):
        return {"state": "no_form"}
    now = timezone.now()
    user = request.user
    open_now = host.accepts_entries(now)
    if not user.is_authenticated:
        return {"state": "anonymous", "open": open_now}
    entries = with_published_forms(list(entries_on_page(user, page.pk)))
    drafts = [e for e in entries if e.status == EntryStatus.DRAFT]
    submitted = [e for e in entries if e.status == EntryStatus.SUBMITTED]
    can_start = open_now and len(entries) < max(host.entries_per_account, 1)
    panel: dict[str, Any] = {
        "open": open_now,
        "can_start": can_start,
        "submitted_entries": submitted,
        "entries_per_account": host.entries_per_account,
    }
    if drafts:
        draft = drafts[-1]
        draft.page = page  # the host page is already loaded
        view = entry_view(draft)
        panel.update(
            state="draft",
            view=view,
            editable=accepts_changes(draft, host, now),
            deadline=entry_deadline(draft, host),
            reopened=Reopened.of(draft, now=now),
        )
    elif submitted:
        panel["state"] = "submitted"
    else:
        panel["state"] = "start" if open_now else "closed"
    return panel
