"""The judging portal's pages: entries to judge, one entry with its score sheet, its files."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from forms.models import EntryFile

from ..access import assignment_for, is_judge
from ..templatetags.judging_portal import SESSION_KEY
from .entry_page import download_name
from .listing import entries_to_judge
from .pages import entry_page


@login_required
@require_GET
@never_cache
def home(request):
    """Entries to judge, by category, with each sheet's state and the judge's progress."""
    judge = is_judge(request.user)
    if request.session.get(SESSION_KEY) != judge:  # the header's Judging link follows
        request.session[SESSION_KEY] = judge
    if not judge:
        return render(request, "judging/portal/not_a_judge.html", {"page": None}, status=403)
    groups = entries_to_judge(request.user)
    return render(request, "judging/portal/home.html", {"page": None, "groups": groups})


@login_required
@require_GET
@never_cache
def entry(request, public_id: str):
    """The entry read-only, and the judge's score sheet for it; 404 unless assigned."""
    return entry_page(request, assignment_for(request.user, public_id))


@login_required
@require_GET
@never_cache
def download(request, public_id: str, file_id: str):
    """An entry's file, for a judge assigned to it; on a blind panel under a neutral name."""
    assignment = assignment_for(request.user, public_id)
    upload = EntryFile.objects.filter(entry=assignment.entry, public_id=file_id).first()
    name = download_name(assignment, upload) if upload is not None else None
    if name is None:
        raise Http404("File not found")
    response = FileResponse(
        upload.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=upload.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
