"""Entrant views: thin. Each parses the request, calls one service, renders or redirects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from publishing.routing import page_by_id

from . import services
from .answers import read_answers
from .autosave_replies import conflict_reply, saved_reply, saved_time
from .conflicts import differing_answers
from .downloads import file_download
from .exceptions import (
    EntryError,
    EntryLimitReached,
    EntryNotEditable,
    IncompleteEntry,
    InvalidAnswers,
    StaleDraft,
)
from .file_access import may_download_files
from .hosting import as_host
from .models import Entry, EntryFile, EntryStatus
from .reopening import Reopened, reopen_reasons
from .replays import clean_writer
from .selectors import entry_view, own_entry
from .uploads import file_ids


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def page_url(entry: Entry, anchor: str = "entry") -> str:
    return f"{entry.page.url}#{anchor}"


def _base_version(request) -> int:
    raw = request.POST.get("version", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise InvalidAnswers(
            "We could not tell which version of your entry this page was showing. "
            "Reload the page and try again: your saved answers are safe."
        )
    return int(raw)


@login_required
@require_POST
def start(request, page_id: int):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if as_host(page) is None:
        raise Http404("This page does not take entries.")
    try:
        services.start_entry(user=request.user, page=page)
    except EntryLimitReached as error:
        messages.warning(request, error.message)
    except EntryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your entry has started. It saves to your account as you go.")
    # A page outside every site's tree has no address: My entries lists the entry instead.
    address = page.url
    return HttpResponseRedirect(f"{address}#entry" if address else reverse("my_entries"))


@login_required
@require_POST
@never_cache
def save(request, public_id: str):
    entry = own_entry(request.user, public_id)
    answers = {}
    try:
        answers = read_answers(entry.form.definition, request.POST)
        file_questions = [q for q in entry.form.definition.questions.values() if q.is_file]
        result = services.save_draft(
            entry=entry,
            user=request.user,
            answers=answers,
            base_version=_base_version(request),
            uploads={q.key: request.FILES[q.key] for q in file_questions if q.key in request.FILES},
            remove_files=file_ids(request.POST.getlist("remove_file")),
            writer=clean_writer(request.POST.get("writer", "")),
        )
    except StaleDraft as error:
        if wants_json(request):
            return conflict_reply(entry, error, answers)
        return _conflict_page(request, entry, error, answers)
    except EntryError as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": error.message}, status=error.status_code)
        return _edit_page(request, entry, error.message, error.status_code, answers)

    if wants_json(request):
        return saved_reply(
            entry_view(result.entry),
            rejected_files=result.rejected_files,
            files_changed=result.files_changed,
        )
    if result.rejected_files:
        message = "Your answers were saved, but: " + " ".join(result.rejected_files)
        return _edit_page(request, entry, message, 400, None)
    saved_at = saved_time(result.entry.updated_at)
    messages.success(request, f"Saved at {saved_at}. You can come back to your entry at any time.")
    if request.POST.get("action") == "review":
        return redirect("entry_review", public_id=entry.public_id)
    return HttpResponseRedirect(page_url(entry))


def _conflict_page(request, entry: Entry, error: StaleDraft, answers: dict):
    """Without JavaScript: what this page sent on top of the newer version, and what differs."""
    current = error.current
    current.page = entry.page
    return _edit_page(
        request,
        current,
        error.message,
        409,
        {**current.answers, **answers},
        conflict=True,
        differences=differing_answers(entry.form.definition, answers, current.answers),
    )


def _edit_page(
    request,
    entry: Entry,
    message: str,
    status: int,
    answers: dict | None,
    conflict=False,
    differences=(),
):
    """The entry form on its own, with what the entrant typed, after a refused save."""
    return render(
        request,
        "forms/entry_edit.html",
        {
            "entry": entry,
            "page": entry.page,
            "view": entry_view(entry, answers),
            "error_message": message,
            "conflict": conflict,
            "differences": differences,
        },
        status=status,
    )


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
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def review(request, public_id: str):
    entry = own_entry(request.user, public_id)
    if entry.status != EntryStatus.DRAFT:
        return redirect("entry_detail", public_id=entry.public_id)
    return _review_page(request, entry)


@login_required
@require_POST
@never_cache
def submit(request, public_id: str):
    entry = own_entry(request.user, public_id)
    try:
        services.submit_entry(entry=entry, user=request.user, base_version=_base_version(request))
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
    entry = own_entry(request.user, public_id)
    if entry.status != EntryStatus.SUBMITTED:
        return redirect("entry_detail", public_id=entry.public_id)
    return render(request, "forms/submitted.html", {"entry": entry, "page": None})


@login_required
@require_GET
@never_cache
def detail(request, public_id: str):
    """The entry read-only and printable, for its owner."""
    entry = own_entry(request.user, public_id)
    return render(
        request,
        "forms/entry_detail.html",
        {"entry": entry, "view": entry_view(entry), "page": None},
    )


@login_required
@require_GET
@never_cache
def my_entries(request):
    entries = list(
        Entry.objects.filter(entrant=request.user)
        .exclude(status=EntryStatus.WITHDRAWN)
        .select_related("page")
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
        rows.append(
            {"entry": entry, "deadline": deadline, "editable": editable, "reopened": reopened}
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
