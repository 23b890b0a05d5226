"""An entry read-only, the entrant's list of entries, and their files."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .. import services
from ..access import EDIT, OWNER, at_least, entries_for, with_role
from ..downloads import file_download
from ..entry_extras import entry_panels
from ..file_access import may_download_files
from ..hosting import as_host
from ..models import EntryFile, EntryStatus
from ..reopening import Reopened, reopen_reasons
from ..selectors import entry_for_person, entry_view
from ..team import role_label


@login_required
@require_GET
@never_cache
def detail(request, public_id: str):
    """The entry read-only and printable, for its owner."""
    entry = entry_for_person(request.user, public_id)
    return render(
        request,
        "forms/entry_detail.html",
        {
            "entry": entry,
            "view": entry_view(entry),
            "extras": entry_panels(request, entry),  # what other apps show (judges' feedback)
            "page": None,
        },
    )


@login_required
@require_GET
@never_cache
def my_entries(request):
    # Their own entries and those shared with them (forms.access), each with their role.
    entries = list(
        entries_for(request.user)
        .exclude(status=EntryStatus.WITHDRAWN)
        .select_related("page", "entrant")
        .order_by("-updated_at")
    )
    pages = {p.pk: p for p in Page.objects.filter(pk__in={e.page_id for e in entries}).specific()}
    now = timezone.now()
    reasons = reopen_reasons(entries)  # one query for every reopened entry
    rows = []
    for entry in entries:
        entry.page = pages.get(entry.page_id, entry.page)
        host = as_host(entry.page)
        deadline = services.entry_deadline(entry, host) if host else None
        editable = (
            entry.is_draft and host is not None and services.accepts_changes(entry, host, now)
        )
        reopened = None
        if entry.is_reopened:
            reopened = Reopened(
                reason=reasons.get(entry.pk, ""), deadline=deadline, editable=editable
            )
        with_role(entry, request.user)
        rows.append(
            {
                "entry": entry,
                "deadline": deadline,
                "editable": editable and at_least(entry.role, EDIT),
                "closed": entry.is_draft and not editable,
                "reopened": reopened,
                "shared": entry.role != OWNER,
                "role_label": role_label(entry.role),
            }
        )
    return render(request, "forms/my_entries.html", {"rows": rows, "page": None})


@require_GET
@never_cache
def download_file(request, public_id: str, file_id: str):
    """An uploaded file, for whoever may_download_files allows; 404 for anyone else."""
    upload = get_object_or_404(EntryFile.objects.select_related("entry"), public_id=file_id)
    entry = upload.entry
    if entry.public_id != public_id or not may_download_files(request.user, entry):
        raise Http404("File not found")
    return file_download(upload)
