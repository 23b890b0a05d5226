"""The entry panel a host page shows under its content: start, resume, or the submitted entry.

In an editor's preview of the page in its "entry form" mode, the panel is the
form itself, as an entrant sees it once they start an entry: drawn from an
unsaved entry, its buttons off (forms/form_previews.py).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .access import EDIT, OWNER, at_least
from .eligibility import eligibility_questions
from .form_previews import preview_entry_view
from .hosting import as_host, collaborator_limit, has_entry_form
from .models import EntryStatus
from .published import with_published_forms
from .reopening import Reopened
from .selectors import entries_on_page, entry_view, roles_set
from .services import accepts_changes, entry_deadline
from .team import role_label

ENTRY_FORM_MODE = "entry-form"


class EntryFormPreviewModes:
    """A host page's preview modes: as a visitor sees it, and with its entry form."""

    @property
    def preview_modes(self):
        return [
            ("", "The page"),
            (ENTRY_FORM_MODE, "The page with its entry form, as entrants see it"),
        ]


def entry_form_preview_panel(page) -> dict[str, Any]:
    """The host's form, as the editor last saved it, drawn for an entrant who has just started."""
    host = as_host(page)
    form = host.entry_form if host is not None else None
    if form is None:
        return {"state": "no_form"}
    if form.has_unpublished_changes and form.latest_revision_id:
        form = form.get_latest_revision_as_object()
    return {"state": "preview", "view": preview_entry_view(form, page)}


def entry_panel_for(request, page) -> dict[str, Any]:
    """The entry panel, or in the "entry form" preview mode, the form as entrants see it."""
    if (
        getattr(request, "is_preview", False)
        and getattr(request, "preview_mode", "") == ENTRY_FORM_MODE
    ):
        return entry_form_preview_panel(page)
    return entry_panel(request, page)


def entry_panel(request, page) -> dict[str, Any]:
    host = as_host(page)
    if host is None or not has_entry_form(host):
        return {"state": "no_form"}
    now = timezone.now()
    user = request.user
    open_now = host.accepts_entries(now)
    if not user.is_authenticated:
        return {"state": "anonymous", "open": open_now}
    entries = roles_set(user, with_published_forms(list(entries_on_page(user, page.pk))))
    drafts = [e for e in entries if e.status == EntryStatus.DRAFT]
    submitted = [e for e in entries if e.status == EntryStatus.SUBMITTED]
    # Entries shared with the person do not count against how many they may start.
    own = [e for e in entries if e.role == OWNER]
    can_start = open_now and len(own) < max(host.entries_per_account, 1)
    panel: dict[str, Any] = {
        "open": open_now,
        "can_start": can_start,
        "submitted_entries": submitted,
        "entries_per_account": host.entries_per_account,
        # "Start your entry" leads to the page's eligibility check first (forms.eligibility).
        "eligibility_check": can_start and bool(eligibility_questions(host)),
    }
    if drafts:
        # The draft the address names (?entry=, forms.team.work_address); else their own
        # latest draft; else the latest one shared with them.
        named = [d for d in drafts if d.public_id == request.GET.get("entry")]
        draft = (named or [d for d in drafts if d.role == OWNER] or drafts)[-1]
        draft.page = page  # the host page is already loaded
        view = entry_view(draft)
        panel.update(
            state="draft",
            view=view,
            editable=accepts_changes(draft, host, now),
            may_edit=at_least(draft.role, EDIT),
            shared_by=None if draft.role == OWNER else draft.entrant,
            role_label=role_label(draft.role),
            takes_teams=collaborator_limit(host) > 0,
            deadline=entry_deadline(draft, host),
            reopened=Reopened.of(draft, now=now),
        )
    elif submitted:
        panel["state"] = "submitted"
    else:
        panel["state"] = "start" if open_now else "closed"
    return panel
