"""Check your answers and submit: thin views over forms.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from publishing.routing import page_by_id

from .. import services
from ..access import SUBMIT, at_least
from ..exceptions import EntryError, EntryNotEditable, IncompleteEntry, StaleDraft
from ..hosting import as_host
from ..models import Entry, EntryStatus
from ..selectors import entry_for_person, entry_view
from .requests import base_version, wants_json


def _review_page(request, entry: Entry, *, status: int = 200, submit_error: str = ""):
    """Check your answers: every answer by section, what still stops a submit, and the button."""
    host = as_host(entry.page)
    return render(
        request,
        "forms/review.html",
        {
            "entry": entry,
            "page": entry.page,
            "view": entry_view(entry),
            "email_verified": services.has_verified_email(request.user),
            "editable": entry.is_draft
            and host is not None
            and services.accepts_changes(entry, host, timezone.now()),
            "submit_error": submit_error,
            "may_submit": at_least(getattr(entry, "role", None), SUBMIT),
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def review(request, public_id: str):
    entry = entry_for_person(request.user, public_id)
    if entry.status != EntryStatus.DRAFT:
        return redirect("entry_detail", public_id=entry.public_id)
    return _review_page(request, entry)


@login_required
@require_POST
@never_cache
def submit(request, public_id: str):
    entry = entry_for_person(request.user, public_id)
    try:
        services.submit_entry(entry=entry, user=request.user, base_version=base_version(request))
    except EntryNotEditable:
        entry.refresh_from_db(fields=["status"])
        if entry.status == EntryStatus.SUBMITTED:  # a second click: show the first's result
            return redirect("entry_submitted", public_id=entry.public_id)
        messages.error(request, EntryNotEditable.message)
        return redirect("entry_detail", public_id=entry.public_id)
    except IncompleteEntry as error:
        return _review_page(request, entry, status=400, submit_error=error.message)
    except StaleDraft as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": error.message}, status=409)
        messages.error(
            request,
            "Your entry changed in another tab or device. Check your answers again, then submit.",
        )
        return redirect("entry_review", public_id=entry.public_id)
    except EntryError as error:
        entry.refresh_from_db()
        entry.page = page_by_id(entry.page_id)
        return _review_page(request, entry, status=error.status_code, submit_error=error.message)
    return redirect("entry_submitted", public_id=entry.public_id)


@login_required
@require_GET
@never_cache
def submitted(request, public_id: str):
    entry = entry_for_person(request.user, public_id)
    if entry.status != EntryStatus.SUBMITTED:
        return redirect("entry_detail", public_id=entry.public_id)
    return render(request, "forms/submitted.html", {"entry": entry, "page": None})
