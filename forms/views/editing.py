"""Starting an entry and saving it: thin views over forms.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from .. import services
from ..answers import read_answers
from ..autosave_replies import conflict_reply, saved_reply, saved_time
from ..conflicts import differing_answers
from ..eligibility import eligibility_questions
from ..exceptions import EntryError, EntryLimitReached, StaleDraft
from ..hosting import as_host
from ..models import Entry
from ..presence import editing_sentence, note_editing, others_editing
from ..replays import clean_writer
from ..selectors import answer_versions, entry_for_person, entry_view
from ..team_removal import removed_reply, was_removed
from ..uploads import file_ids
from .requests import answer_bases, base_version, page_url, wants_json


@login_required
@require_POST
def start(request, page_id: int):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if as_host(page) is None:
        raise Http404("This page does not take entries.")
    if eligibility_questions(page):  # a page that asks who may enter asks first
        return redirect("eligibility_check", page_id=page.pk)
    return start_and_return(request, page)


def start_and_return(request, page, eligibility: list[dict[str, str]] | None = None):
    """Start the person's entry on ``page`` (with the eligibility answers that let them),
    say how it went, and go back to the page's entry form."""
    try:
        services.start_entry(user=request.user, page=page, eligibility=eligibility)
    except EntryLimitReached as error:
        messages.warning(request, error.message)
    except EntryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your entry has started. It saves to your account as you go.")
    return HttpResponseRedirect(entry_form_address(page))


def entry_form_address(page) -> str:
    """Where the page's entry form is; a page outside every site's tree has no address,
    so My entries, which lists the entry, instead."""
    address = page.url
    return f"{address}#entry" if address else reverse("my_entries")


@login_required
@require_POST
@never_cache
def save(request, public_id: str):
    try:
        entry = entry_for_person(request.user, public_id)
    except Http404:
        # Someone the owner removed while they typed: show their text back, never drop it.
        if was_removed(request.user, public_id):
            return removed_reply(request, public_id, json=wants_json(request))
        raise
    answers, bases = {}, {}
    try:
        answers = read_answers(entry.form.definition, request.POST)
        bases = answer_bases(request)
        file_questions = [q for q in entry.form.definition.questions.values() if q.is_file]
        result = services.save_draft(
            entry=entry,
            user=request.user,
            answers=answers,
            base_version=base_version(request),
            bases=bases,
            uploads={q.key: request.FILES[q.key] for q in file_questions if q.key in request.FILES},
            remove_files=file_ids(request.POST.getlist("remove_file")),
            writer=clean_writer(request.POST.get("writer", "")),
        )
    except StaleDraft as error:
        _note_editing(request, entry)
        if wants_json(request):
            return conflict_reply(entry, error, answers, request.user.pk)
        return _conflict_page(request, entry, error)
    except EntryError as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "message": error.message}, status=error.status_code)
        return _edit_page(request, entry, error.message, error.status_code, answers, bases)

    editing = _note_editing(request, result.entry)
    if wants_json(request):
        return saved_reply(entry_view(result.entry), result=result, editing=editing)
    if result.rejected_files:
        message = "Your answers were saved, but: " + " ".join(result.rejected_files)
        return _edit_page(request, result.entry, message, 400, None, {})
    saved_at = saved_time(result.entry.updated_at)
    messages.success(request, f"Saved at {saved_at}. You can come back to your entry at any time.")
    if request.POST.get("action") == "review":
        return redirect("entry_review", public_id=entry.public_id)
    return HttpResponseRedirect(page_url(entry))


def _note_editing(request, entry: Entry) -> list[dict[str, str]]:
    """Who else is writing, once this person's place is noted. Only a team's pages name
    a section (forms.presence); a person writing alone costs the cache nothing."""
    if "section" not in request.POST:
        return []
    return note_editing(entry, request.user, request.POST["section"])


def _conflict_page(request, entry: Entry, error: StaleDraft):
    """Without JavaScript: the newer version with this person's own changes on top, and
    the answers both changed side by side. Saving this page again keeps what it shows."""
    current = error.current
    current.page, current.form = entry.page, entry.form
    return _edit_page(
        request,
        current,
        error.message,
        409,
        error.mine,  # drawn on top of the newer version by _edit_page
        answer_versions(current),
        conflict=True,
        differences=differing_answers(
            entry.form.definition,
            {key: error.mine[key] for key in error.conflicts or ()},
            current.answers,
            meta=current.answer_meta,
            viewer_id=request.user.pk,
        ),
    )


def _edit_page(
    request,
    entry: Entry,
    message: str,
    status: int,
    answers: dict | None,
    bases: dict[str, int],
    conflict=False,
    differences=(),
):
    """The entry form on its own, with what the person typed, after a refused save."""
    shown = None if answers is None else {**entry.answers, **answers}
    return render(
        request,
        "forms/entry_edit.html",
        {
            "entry": entry,
            "page": entry.page,
            "view": entry_view(entry, shown, bases=bases),
            "error_message": message,
            "conflict": conflict,
            "differences": differences,
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def editing_now(request, public_id: str):
    """Who else is writing this entry now: the page asks every few seconds while open."""
    entry = entry_for_person(request.user, public_id)
    editing = others_editing(entry, request.user)
    return JsonResponse({"editing": editing, "editing_sentence": editing_sentence(editing)})
