"""Entrants' personal data: what they can take away, what goes when they leave,
and how long unfinished drafts are kept.

The rules, in one place. ``accounts`` owns the download and the deletion and
asks about entries through its signals; forms/account_signals.py answers with
these functions. The ``purge_drafts`` command calls the last.

- **Download.** ``export_entries`` gives an entrant every entry of theirs, with
  its answers and the names of its files, for the download that accounts
  builds around their account details. Of other people, only what the
  entrant's own team and partner put into the entry: who wrote each version
  of an answer, and the partner's confirmation. Nothing of the awards team
  (not even who acted on an entry).
- **Account deletion.** ``delete_or_anonymise_entries`` (run in the account
  deletion's transaction, before the account goes) deletes every entry that
  was never submitted (drafts, and drafts staff withdrew), with its files. An
  entry that was submitted (it has a reference, even if it has since been
  reopened or withdrawn) is part of the awards record, and
  ``SUBMITTED_ENTRY_RETENTION`` decides what happens to it:

  - ``"anonymise"`` (the default): the entry is kept for judging and the record,
    with its reference, answers and files, but no longer linked to any account,
    so the entrant's name, email address and organisation are gone with the
    account. Answers to email questions (contact details) are removed too.
    Text the entrant wrote in their answers is kept as written. The entry's
    answer history is deleted: the record is the entry as submitted, and
    earlier drafts hold what anonymising removes (old contact answers, who
    wrote each version).
  - ``"delete"``: the entry and its files are deleted as well.

  Before that, an entry the person owns with a colleague on its team who may
  edit and submit passes to the earliest of them to join (forms.team): it
  becomes theirs, with a line in its history, and the rules above no longer
  apply to it. An entry the person only worked on as a collaborator stays with
  its owner; their place on its team goes with the account.

  An unknown setting refuses the deletion (ValueError), so the account stays.
  Then accounts deletes the account itself, with its email addresses and
  authenticators; history lines the person wrote as staff stay, without their
  name. ``deletion_summary`` gives the delete-account page what it says.
- **Stale drafts.** ``purge_stale_drafts`` deletes drafts, with their files,
  whose category closed (or whose own extended deadline passed) longer ago than
  ``older_than``. Drafts of categories with no deadline are kept; so are
  reopened entries, which hold a reference (see above).

Stored files are removed from storage once the database change has committed,
so a rolled-back deletion never loses a file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .history import revisions_for_export
from .hosting import as_host
from .models import AnswerRevision, Collaborator, Entry, EntryFile, EntryStatus, Role
from .services import entry_deadline
from .team import pass_on_before_deletion

ANONYMISE = "anonymise"
DELETE = "delete"
# Question types whose answers are contact details, removed when an entry is anonymised.
CONTACT_QUESTION_TYPES = {"email"}


def _time(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _entry_data(
    entry: Entry, page_titles: dict[int, str], revisions: list[dict[str, Any]]
) -> dict[str, Any]:
    questions = entry.definition().questions
    answers = [
        {
            "question_key": key,
            "question": questions[key].label if key in questions else "(question removed)",
            "answer": value,
        }
        for key, value in entry.answers.items()
    ]
    return {
        "category": page_titles.get(entry.page_id, ""),
        "status": entry.get_status_display(),
        "reference": entry.reference,
        "started_at": _time(entry.created_at),
        "last_saved_at": _time(entry.updated_at),
        "submitted_at": _time(entry.submitted_at),
        "deadline_extended_until": _time(entry.extended_until),
        "answers": answers,
        "files": [
            {
                "question_key": f.question_key,
                "name": f.original_name,
                "content_type": f.content_type,
                "size_bytes": f.size,
                "uploaded_at": _time(f.uploaded_at),
            }
            for f in entry.files.all()
        ],
        "history": [
            {"event": event.get_action_display(), "at": _time(event.created_at)}
            for event in entry.events.all()
        ],
        "answer_history": [
            {**revision, "written_at": _time(revision["written_at"])} for revision in revisions
        ],
        "partner_confirmations": [
            {
                "organisation": request.organisation,
                "contact_name": request.contact_name,
                "contact_email": request.email,
                "asked_at": _time(request.requested_at),
                "decision": request.get_decision_display(),
                "decided_by": request.decided_by_name,
                "comment": request.comment,
                "decided_at": _time(request.decided_at),
            }
            for request in entry.partner_confirmations.all()
        ],
    }


def export_entries(*, user) -> list[dict[str, Any]]:
    """Every entry of ``user``'s, as JSON-ready data, oldest first: its category,
    status, reference, answers (with the question each answers), times, file
    names, history, every version of each answer (who wrote it, when) and the
    partner confirmations the entrant asked for. Staff names and reasons in an
    entry's history are left out: they are other people's data."""
    entries = list(
        Entry.objects.filter(entrant=user)
        .select_related("form")
        .prefetch_related("files", "events", "partner_confirmations")
        .order_by("created_at", "pk")
    )
    page_titles = dict(
        Page.objects.filter(pk__in={e.page_id for e in entries}).values_list("pk", "title")
    )
    revisions = revisions_for_export([entry.pk for entry in entries])
    return [_entry_data(entry, page_titles, revisions.get(entry.pk, [])) for entry in entries]


def _delete_entries(entries) -> int:
    """Delete a queryset of entries and, after commit, their stored files.
    Returns how many entries were deleted."""
    files = list(EntryFile.objects.filter(entry__in=entries).values_list("file", flat=True))
    deleted = entries.delete()[1].get(Entry._meta.label, 0)
    storage = EntryFile._meta.get_field("file").storage

    def remove_files() -> None:
        for name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
    return deleted


def _anonymise(entry: Entry) -> None:
    """Keep the entry as submitted, without its account, contact answers or history.

    Its answer history goes: every earlier version, with who wrote it. Clearing
    only the authors would keep old texts that anonymising took out of the
    answers (an email typed into an earlier draft), and the record the awards
    keep is the entry as submitted, not how it was drafted. ``answer_meta``
    keeps each answer's version (saves of a reopened entry still merge) but
    not who wrote it.
    """
    questions = entry.definition().questions
    answers = {
        key: value
        for key, value in entry.answers.items()
        if key not in questions or questions[key].type not in CONTACT_QUESTION_TYPES
    }
    meta = {
        key: {k: v for k, v in value.items() if k != "u"} if isinstance(value, dict) else value
        for key, value in entry.answer_meta.items()
        if key in answers
    }
    AnswerRevision.objects.filter(entry_id=entry.pk).delete()
    Entry.objects.filter(pk=entry.pk).update(entrant=None, answers=answers, answer_meta=meta)


@transaction.atomic
def delete_or_anonymise_entries(*, user) -> None:
    """Deal with ``user``'s entries before their account is deleted, per
    ``SUBMITTED_ENTRY_RETENTION``.

    Entries never submitted are deleted with their files. Entries submitted at
    least once are anonymised (kept without the account, contact answers
    removed) or, with the setting ``"delete"``, deleted too. See the module
    docstring for the whole rule. Called inside the account deletion's
    transaction (accounts.signals.account_deleting), so if the deletion fails
    the entries and their files are kept.
    """
    retention = settings.SUBMITTED_ENTRY_RETENTION
    if retention not in {ANONYMISE, DELETE}:
        raise ValueError(f"SUBMITTED_ENTRY_RETENTION must be {ANONYMISE!r} or {DELETE!r}")
    # Entries with an edit-and-submit colleague pass to them, before anything is deleted.
    pass_on_before_deletion(user=user)
    entries = Entry.objects.filter(entrant=user)
    list(entries.select_for_update())  # lock them against a save in another tab
    if retention == DELETE:
        _delete_entries(entries)
    else:
        _delete_entries(entries.filter(reference__isnull=True))
        for entry in entries.filter(reference__isnull=False).select_related("form"):
            _anonymise(entry)


def deletion_summary(*, user) -> dict[str, Any]:
    """What the delete-account page says about ``user``'s entries: how many
    drafts and submitted entries they have, and whether submitted ones are kept;
    how many pass to a colleague, and how many they work on as a collaborator."""
    owned = Entry.objects.filter(entrant=user)
    passing = owned.filter(collaborators__role=Role.SUBMIT).distinct()
    entries = owned.exclude(pk__in=passing.values("pk"))
    return {
        "keeps_submitted": settings.SUBMITTED_ENTRY_RETENTION == ANONYMISE,
        "drafts": entries.filter(reference__isnull=True).count(),
        "submitted": entries.filter(reference__isnull=False).count(),
        "handed_over": passing.count(),
        "shared": Collaborator.objects.filter(user=user).count(),
    }


def find_stale_drafts(*, older_than: timedelta, now: datetime | None = None) -> list[Entry]:
    """Drafts whose deadline (the category's, or a later one granted to the entry)
    passed more than ``older_than`` ago. Drafts with a reference (reopened
    submissions) and drafts of categories without a deadline are never stale."""
    now = now or timezone.now()
    drafts = list(Entry.objects.filter(status=EntryStatus.DRAFT, reference__isnull=True))
    pages = {p.pk: p for p in Page.objects.filter(pk__in={d.page_id for d in drafts}).specific()}
    stale = []
    for entry in drafts:
        host = as_host(pages.get(entry.page_id))
        if host is None:
            continue
        deadline = entry_deadline(entry, host)
        if deadline is not None and deadline + older_than < now:
            stale.append(entry)
    return stale


@transaction.atomic
def purge_stale_drafts(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete stale drafts (see ``find_stale_drafts``) and their files; return how many."""
    stale = find_stale_drafts(older_than=older_than, now=now)
    # Checked again in the delete, in case one was submitted meanwhile.
    return _delete_entries(
        Entry.objects.filter(
            pk__in=[e.pk for e in stale], status=EntryStatus.DRAFT, reference__isnull=True
        )
    )
