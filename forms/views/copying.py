"""Using an entry for another category: choose the category, then see what carried over."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ..copying import copy_entry, copy_report, open_categories
from ..eligibility import assess, eligibility_questions, eligibility_refusal, question_rows
from ..exceptions import EntryError, EntryLimitReached
from ..hosting import as_host
from ..models import OWNER, Entry
from ..selectors import entry_for_person

ONLY_THE_OWNER = "Only the entry's owner can use it for another category."


def _owned(request, public_id: str) -> Entry:
    entry = entry_for_person(request.user, public_id)
    if getattr(entry, "role", None) != OWNER:
        raise PermissionDenied(ONLY_THE_OWNER)
    return entry


def _choose_page(request, entry: Entry, *, error: str = "", chosen: str = "", status: int = 200):
    choices = open_categories(request.user, exclude_page_id=entry.page_id)
    return render(
        request,
        "forms/copy_entry.html",
        {
            "entry": entry,
            "page": None,
            "choices": choices,
            "any_free": any(not choice.full for choice in choices),
            "error_message": error,
            "chosen": chosen,
        },
        status=status,
    )


class _EligibilityStep:
    """The chosen category's eligibility check, asked on the way to the copy: the same
    questions and refusal as before "Start your entry", posting back to the copy."""

    def __init__(self, request, entry: Entry, page, questions):
        self.request, self.page, self.questions = request, page, questions
        self.copy_url = reverse("entry_copy", args=[entry.public_id])

    def questions_page(self, assessment=None, *, status: int = 200):
        problems = assessment.problems if assessment else []
        context = {
            "page": self.page,
            "rows": question_rows(self.questions, assessment),
            "problems": problems,
            "form_action": self.copy_url,
            "hidden": [("category", self.page.pk), ("eligibility", "1")],
            "back_url": self.copy_url,
            "back_text": "Back to choosing a category",
        }
        return render(self.request, "forms/eligibility.html", context, status=status)

    def refusal_page(self):
        refusal = eligibility_refusal(as_host(self.page))
        # "Change your answers" asks the same category's questions again.
        change_url = f"{self.copy_url}?category={self.page.pk}"
        context = {"page": self.page, "refusal": refusal, "change_url": change_url}
        return render(self.request, "forms/not_eligible.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def copy(request, public_id: str):
    """GET: the open categories, one to choose (or, with ?category=, that category's
    eligibility questions). POST: start a draft there with the answers that fit, after
    its eligibility questions if it asks any, then show what carried over (forms.copying)."""
    entry = _owned(request, public_id)
    data = request.POST if request.method == "POST" else request.GET
    if request.method == "GET" and "category" not in data:
        return _choose_page(request, entry)
    chosen = data.get("category", "")
    choices = {
        str(choice.page.pk): choice
        for choice in open_categories(request.user, exclude_page_id=entry.page_id)
    }
    choice = choices.get(chosen)
    if choice is None:
        message = (
            "Choose a category to use this entry for."
            if not chosen
            else "That category is not taking entries now. Choose one of those listed."
        )
        return _choose_page(request, entry, error=message, chosen=chosen, status=400)
    if choice.full:  # before any questions: answering them could not help
        limit = EntryLimitReached()
        return _choose_page(
            request, entry, error=limit.message, chosen=chosen, status=limit.status_code
        )
    questions = eligibility_questions(as_host(choice.page))
    record = None
    if questions:  # the category asks who may enter: ask before anything is copied there
        asked = _EligibilityStep(request, entry, choice.page, questions)
        if request.method == "GET" or "eligibility" not in data:
            return asked.questions_page()
        assessment = assess(questions, data)
        if assessment.problems:
            return asked.questions_page(assessment, status=400)
        if not assessment.eligible:
            return asked.refusal_page()
        record = assessment.record
    elif request.method == "GET":  # a GET never copies: the choice, made again
        return _choose_page(request, entry, chosen=chosen)
    try:
        result = copy_entry(source=entry, user=request.user, page=choice.page, eligibility=record)
    except EntryError as error:
        return _choose_page(
            request, entry, error=error.message, chosen=chosen, status=error.status_code
        )
    messages.success(request, f"Your new draft for {choice.page.title} has started.")
    return redirect("entry_copied", public_id=result.entry.public_id)


@login_required
@require_GET
@never_cache
def copied(request, public_id: str):
    """What carried over into a draft started from another entry, and what did not."""
    entry = entry_for_person(request.user, public_id)
    report = copy_report(entry)
    if report is None:
        raise Http404("This entry was not copied from another.")
    return render(request, "forms/copied.html", {"entry": entry, "page": None, "report": report})
