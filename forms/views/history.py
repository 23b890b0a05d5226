"""An entry's history, for everyone on its team, and "Restore this version"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from publishing.templatetags.uk_dates import uk_date, uk_time

from .. import services
from ..access import EDIT, at_least
from ..conflicts import names_of
from ..exceptions import EntryError, StaleDraft
from ..history import PER_ANSWER, entry_history
from ..hosting import as_host
from ..models import AnswerRevision, Entry
from ..restoring import restore_answer
from ..selectors import entry_for_person


def _may_restore(entry: Entry) -> bool:
    host = as_host(entry.page)
    return (
        at_least(getattr(entry, "role", None), EDIT)
        and entry.is_draft
        and host is not None
        and services.accepts_changes(entry, host, timezone.now())
    )


def _history_page(request, entry: Entry, *, error: str = "", status: int = 200):
    return render(
        request,
        "forms/history.html",
        {
            "entry": entry,
            "page": None,
            "histories": entry_history(entry, request.user),
            "may_restore": _may_restore(entry),
            "per_answer": PER_ANSWER,
            "error_message": error,
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def history(request, public_id: str):
    """Who changed which answer and when, newest first, for anyone with a role on the entry."""
    return _history_page(request, entry_for_person(request.user, public_id))


@login_required
@require_POST
@never_cache
def restore(request, public_id: str, revision_id: int):
    """Bring back one earlier version of one answer, as a new version (forms.restoring)."""
    entry = entry_for_person(request.user, public_id)
    revision = get_object_or_404(AnswerRevision, pk=revision_id, entry_id=entry.pk)
    try:
        restored = restore_answer(entry=entry, user=request.user, revision=revision)
    except StaleDraft:
        return _history_page(
            request,
            entry,
            error="Someone saved this entry at the same moment. Nothing was restored: "
            "look at the history again and choose the version you want.",
            status=409,
        )
    except EntryError as error:
        return _history_page(request, entry, error=error.message, status=error.status_code)
    messages.success(request, restored_message(restored.entry, revision, request.user))
    address = reverse("entry_history", args=[entry.public_id])
    return HttpResponseRedirect(f"{address}#answer-{revision.key}")


def restored_message(entry: Entry, revision: AnswerRevision, viewer) -> str:
    """“Delivery” is back to the text Priya saved at 2:32pm on 1 December 2026."""
    question = entry.definition().questions.get(revision.key)
    label = question.label if question else revision.key
    if revision.author_id is None:
        who = ""
    elif revision.author_id == viewer.pk:
        who = "you "
    else:
        who = names_of([revision.author_id]).get(revision.author_id, "")
        who = f"{who} " if who else ""
    when = f"{uk_time(revision.created_at)} on {uk_date(revision.created_at)}"
    return f"“{label}” is back to the text {who}saved at {when}."
