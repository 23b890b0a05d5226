"""Using an entry for another category: a new draft that starts with the answers that fit.

The owner of an entry picks an open category; a draft is started there for
them (forms.services.start_entry: its limit of entries per account and its
window hold) and every answer whose question has a counterpart in the new
form is saved into it (forms.services.save_draft, so the copy is in the new
draft's history). A question matches one with the same key, else one whose
label is the same apart from case, spacing and punctuation. An answer is
copied only when the new question can hold it as it is: a choice must be one
of the new question's options, a number a number, a date a date, and so on.
Word limits and number ranges are not checked: a draft holds anything, and
the new form shows what to fix as it does for any draft. Files are never
copied. What did not carry over is kept with the reason, in the COPIED event,
for the page that shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from . import services
from .access import require
from .answers import is_answered, parse_date_answer
from .definitions import TEXT_TYPES, FormDefinition, Question
from .eligibility import eligibility_questions
from .exceptions import EligibilityNotChecked
from .hosting import as_host, has_entry_form, host_models
from .models import OWNER, Entry, EntryEvent, EntryStatus

NO_MATCH = "no matching question"
FILES = "files are not copied"
REMOVED = "the question is no longer in the form"


def label_key(label: str) -> str:
    """How labels are compared: "Describe the context." and "describe  the Context"
    are one question; case, spacing and punctuation are not what makes a different one."""
    return slugify(label.replace("&", " and "))


@dataclass(frozen=True)
class Carried:
    label: str  # the question in the entry copied from
    to_label: str  # the question in the new draft it went to


@dataclass(frozen=True)
class Left:
    label: str
    reason: str


@dataclass(frozen=True)
class CopyResult:
    entry: Entry
    carried: list[Carried]
    left: list[Left]


def fit(question: Question, value: Any) -> tuple[bool, Any, str]:
    """Whether ``question`` can hold ``value``: (fits, the value to save, why not)."""
    kind = question.type
    if question.is_file:
        return False, None, "this question asks for a file, and files are not copied"
    if kind == "date":
        if isinstance(value, dict) and parse_date_answer(value) is not None:
            return True, value, ""
        return False, None, "this question takes a date"
    if kind == "multiple_choice":
        chosen = value if isinstance(value, list) else [value] if isinstance(value, str) else None
        if chosen is None:
            return False, None, "this question takes a choice of its options"
        unknown = [v for v in chosen if v not in question.choices]
        if unknown:
            listed = ", ".join(f"“{v}”" for v in unknown)
            return (
                False,
                None,
                f"{listed} {'is' if len(unknown) == 1 else 'are'} not among its options",
            )
        return True, list(chosen), ""
    if not isinstance(value, str):
        return False, None, "this question takes text, not a choice of options or a date"
    if kind in TEXT_TYPES:
        if kind == "short_text" and "\n" in value.strip():
            return False, None, "it has line breaks, and this question takes one line"
        return True, value, ""
    if kind == "single_choice":
        if value in question.choices:
            return True, value, ""
        return False, None, f"“{value}” is not one of its options"
    if kind == "yes_no":
        return (True, value, "") if value in ("yes", "no") else (False, None, "it takes yes or no")
    if kind == "number":
        try:
            number = Decimal(value.replace(",", "").strip())
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            return False, None, "this question takes a number"
        return True, value, ""
    if kind == "email":
        try:
            EmailValidator()(value.strip())
        except ValidationError:
            return False, None, "this question takes an email address"
        return True, value, ""
    if kind == "url":
        try:
            URLValidator(schemes=["http", "https"])(value.strip())
        except ValidationError:
            return False, None, "this question takes a web address"
        return True, value, ""
    return True, value, ""


def plan_copy(
    source: FormDefinition, answers: dict[str, Any], target: FormDefinition, file_keys: set[str]
) -> tuple[dict[str, Any], list[Carried], list[Left], list[str]]:
    """What of ``answers`` (to ``source``'s questions) goes into a draft of ``target``:
    (the answers to save by target key, what carried, what did not, the source keys copied).

    Only answered questions are considered. Each target question takes at most one
    answer: a key match first, then the first source question with the same label.
    """
    targets = target.questions
    by_label: dict[str, Question] = {}
    for question in targets.values():
        by_label.setdefault(label_key(question.label), question)
    questions = list(source.questions.values())
    answered = [
        q
        for q in questions
        if (q.key in file_keys if q.is_file else is_answered(answers.get(q.key)))
    ]
    removed = [key for key, value in answers.items() if key not in source.questions]
    taken: set[str] = set()
    copied: dict[str, Any] = {}
    carried: list[Carried] = []
    left: list[Left] = []
    copied_keys: list[str] = []

    # Key matches first, so a label match never takes a question another answer owns by key.
    matches: dict[str, Question] = {}
    for question in answered:
        if question.key in targets:
            matches[question.key] = targets[question.key]
            taken.add(question.key)
    for question in answered:
        if question.key in matches:
            continue
        candidate = by_label.get(label_key(question.label))
        if candidate is not None and candidate.key not in taken:
            matches[question.key] = candidate
            taken.add(candidate.key)

    for question in answered:
        if question.is_file:
            left.append(Left(question.label, FILES))
            continue
        match = matches.get(question.key)
        if match is None:
            left.append(Left(question.label, NO_MATCH))
            continue
        fits, value, why = fit(match, answers[question.key])
        if not fits:
            left.append(Left(question.label, f"the answer does not fit: {why}"))
            continue
        copied[match.key] = value
        carried.append(Carried(question.label, match.label))
        copied_keys.append(question.key)
    for key in removed:
        if is_answered(answers[key]):
            left.append(Left(key, REMOVED))
    return copied, carried, left, copied_keys


@dataclass(frozen=True)
class Choice:
    """A category an entry can be copied to, as the choosing page lists it."""

    page: Page
    group: str  # the page's parent's title (a programme, on this site)
    full: bool  # the person already has as many entries there as it allows


def open_categories(user, *, exclude_page_id: int | None = None, now=None) -> list[Choice]:
    """The live pages that take entries now with a published form, in tree order."""
    now = now or timezone.now()
    pages: list[Page] = []
    for model in host_models():
        pages.extend(model.objects.live().public().filter(entry_form__isnull=False))
    pages = [
        page
        for page in sorted(pages, key=lambda p: p.path)
        if page.pk != exclude_page_id
        and (host := as_host(page)) is not None
        and has_entry_form(host)
        and host.accepts_entries(now)
    ]
    parents = dict(
        Page.objects.filter(path__in={p.path[: -p.steplen] for p in pages}).values_list(
            "path", "title"
        )
    )
    counts = dict(
        Entry.objects.filter(entrant_id=user.pk, page_id__in=[p.pk for p in pages])
        .exclude(status=EntryStatus.WITHDRAWN)
        .values("page_id")
        .annotate(n=Count("pk"))
        .values_list("page_id", "n")
    )
    return [
        Choice(
            page=page,
            group=parents.get(page.path[: -page.steplen], ""),
            full=counts.get(page.pk, 0) >= max(as_host(page).entries_per_account, 1),
        )
        for page in pages
    ]


def copy_entry(
    *,
    source: Entry,
    user,
    page: Page,
    eligibility: list[dict[str, str]] | None = None,
    now: datetime | None = None,
) -> CopyResult:
    """Start ``user``'s draft on ``page`` with the answers of ``source`` that fit.

    Only the entry's owner may copy it. A page with an eligibility check needs
    its answers (``eligibility``, as forms.eligibility.assess records them), as
    "Start your entry" does: EligibilityNotChecked otherwise. Raises what
    start_entry raises (EntriesClosed, EntryLimitReached, NoEntryForm); nothing
    is started then.
    """
    now = now or timezone.now()
    require(source, user, OWNER)
    if not eligibility and eligibility_questions(as_host(page)):
        raise EligibilityNotChecked()
    file_keys = set(source.files.values_list("question_key", flat=True))
    with transaction.atomic():
        entry = services.start_entry(user=user, page=page, now=now, eligibility=eligibility)
        entry.page = page
        answers, carried, left, keys = plan_copy(
            source.definition(), source.answers, entry.form.definition, file_keys
        )
        if answers:
            entry = services.save_draft(
                entry=entry, user=user, answers=answers, base_version=entry.version, now=now
            ).entry
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.COPIED,
            actor=user,
            created_at=now,
            details={
                "from": source.public_id,
                "from_reference": source.reference or "",
                "copied_keys": keys,
                "carried": [[c.label, c.to_label] for c in carried],
                "left": [[item.label, item.reason] for item in left],
            },
        )
    return CopyResult(entry=entry, carried=carried, left=left)


def copy_report(entry: Entry) -> CopyResult | None:
    """What the COPIED event of ``entry`` says carried over and what did not, or None."""
    event = entry.events.filter(action=EntryEvent.Action.COPIED).order_by("-pk").first()
    if event is None:
        return None
    details = event.details or {}
    return CopyResult(
        entry=entry,
        carried=[Carried(*pair) for pair in details.get("carried", [])],
        left=[Left(*pair) for pair in details.get("left", [])],
    )
