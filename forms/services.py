"""The rules of an entry's life: start, save, submit. Views, admin and tasks all call these.

Each service is one transaction and raises a named EntryError the caller
turns into a message. Every save names the version it was based on, and the
write only happens if that is still the current version, so two tabs or two
devices can never overwrite each other silently. The files a save brings or
removes are checked and stored by forms/draft_files.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from accounts.verification import has_verified_email

from .access import EDIT, SUBMIT, require
from .answers import Answer
from .draft_files import check_uploads, files_to_remove, store_files
from .draft_rows import write_draft_answers
from .exceptions import (
    EmailNotVerified,
    EntriesClosed,
    EntryLimitReached,
    EntryNotEditable,
    IncompleteEntry,
    NoEntryForm,
    StaleDraft,
)
from .hosting import EntryHost, as_host, has_entry_form
from .merging import plan_save, version_of
from .models import Entry, EntryEvent, EntryStatus, ReferenceSequence
from .partner.state import check_confirmed as check_partner_confirmed
from .revisions import meta_after, record, texts_at
from .validation import find_problems


def _host(page: Page) -> EntryHost:
    host = as_host(page)
    if host is None or not has_entry_form(host):
        raise NoEntryForm()
    return host


def entry_deadline(entry: Entry, host: EntryHost) -> datetime | None:
    """The entry's own deadline: the page's, or a later one staff granted to this entry."""
    deadline = host.deadline
    if entry.extended_until and (deadline is None or entry.extended_until > deadline):
        return entry.extended_until
    return deadline


def accepts_changes(entry: Entry, host: EntryHost, now: datetime) -> bool:
    if host.accepts_entries(now):
        return True
    return bool(entry.extended_until and now < entry.extended_until)


def _check_editable(entry: Entry, host: EntryHost, now: datetime) -> None:
    if entry.status != EntryStatus.DRAFT:
        raise EntryNotEditable()
    if not accepts_changes(entry, host, now):
        raise EntriesClosed()


def start_entry(
    *,
    user,
    page: Page,
    now: datetime | None = None,
    eligibility: list[dict[str, str]] | None = None,
) -> Entry:
    """Start a draft for ``user`` on ``page``, within the page's entries-per-account limit.

    ``eligibility``: the host's eligibility check as the entrant answered it
    (forms.eligibility), kept with the entry for organisers.

    The limit holds however many starts arrive at once (two quick clicks, two
    tabs): counting and creating happen under a lock on the entrant's row, so a
    second start waits for the first to commit and then counts its entry.
    """
    now = now or timezone.now()
    host = _host(page)
    if not host.accepts_entries(now):
        raise EntriesClosed()
    limit = max(host.entries_per_account, 1)
    form = host.entry_form
    with transaction.atomic():
        # First in the transaction, before any read it depends on. PostgreSQL: a row
        # lock (NO KEY, so it blocks no insert that refers to the user). SQLite has no
        # row locks, and Django ignores select_for_update there; the site's SQLite
        # transactions begin IMMEDIATE (site_config/settings/base.py), taking the
        # database's write lock at BEGIN, which orders the starts just the same.
        get_user_model().objects.select_for_update(no_key=True).only("pk").get(pk=user.pk)
        existing = Entry.objects.filter(entrant=user, page_id=page.pk).exclude(
            status=EntryStatus.WITHDRAWN
        )
        if existing.count() >= limit:
            raise EntryLimitReached()
        entry = Entry.objects.create(
            entrant=user,
            page_id=page.pk,
            form=form,
            created_at=now,
            updated_at=now,
            eligibility=eligibility or [],
        )
        EntryEvent.objects.create(
            entry=entry, action=EntryEvent.Action.STARTED, actor=user, created_at=now
        )
    return entry


@dataclass
class SaveResult:
    entry: Entry
    rejected_files: list[str] = field(default_factory=list)
    files_changed: bool = False
    # Per answer the page sent: the version of the text it now holds, and the answers
    # someone else changed since the page drew them, which the page should now show.
    versions: dict[str, int] = field(default_factory=dict)
    others: list[str] = field(default_factory=list)


def save_draft(
    *,
    entry: Entry,
    user,
    answers: dict[str, Answer],
    base_version: int,
    bases: dict[str, int] | None = None,
    uploads: dict[str, UploadedFile] | None = None,
    remove_files: list[str] | None = None,
    writer: str = "",
    now: datetime | None = None,
) -> SaveResult:
    """Save whatever the person typed, complete or not, merged answer by answer.

    Answers not posted, including those to questions an editor has since
    removed, are kept. A file that fails its checks is reported, never
    allowed to cost the entrant the text saved with it. Each posted answer is
    judged on its own (forms.merging): changes to answers nobody else touched
    are written whatever else happened to the entry, and an answer two people
    changed raises StaleDraft with nothing written. Every change is kept in
    the entry's history (forms.revisions) in the same transaction.
    """
    now = now or timezone.now()
    require(entry, user, EDIT)
    host = _host(entry.page)
    _check_editable(entry, host, now)
    accepted, rejected = check_uploads(entry, uploads or {})
    removed = files_to_remove(entry, remove_files or [])
    file_values = {question.key: {"file": checked.safe_name} for question, _, checked in accepted}
    file_values.update({key: None for key in removed if key not in file_values})
    bases = bases or {}

    for locked in (False, True):
        # Optimistic first; if another save landed in between, again under a row lock,
        # which orders it after that save and so cannot miss again.
        with transaction.atomic():
            if locked:
                entry = _locked(entry)
                _check_editable(entry, host, now)
            plan = plan_save(
                saved=entry.answers,
                meta=entry.answer_meta,
                posted=answers,
                bases=bases,
                base_version=base_version,
                writer=writer,
                text_at=lambda pairs, pk=entry.pk: texts_at(pk, pairs),
            )
            if plan.conflicts:
                mine = {key: answers[key] for key in (*plan.writes, *plan.conflicts)}
                raise StaleDraft(entry, conflicts=plan.conflicts, mine=mine)
            if not plan.writes and not file_values:
                return _result(entry, plan, rejected, files_changed=False)
            version = entry.version + 1
            changed = {**plan.writes, **file_values}
            merged = {**entry.answers, **plan.writes}
            meta = meta_after(entry.answer_meta, changed, version, user.pk, writer)
            if write_draft_answers(entry.pk, entry.version, merged, meta, now, writer):
                record(entry.pk, version, changed, author_id=user.pk, writer=writer, now=now)
                store_files(entry, accepted, removed, now)
                break
        entry.refresh_from_db(
            fields=["answers", "answer_meta", "version", "last_writer", "status", "updated_at"]
        )
    else:
        raise StaleDraft(entry)
    entry.answers, entry.answer_meta, entry.version = merged, meta, version
    entry.updated_at, entry.last_writer = now, writer
    plan.current.update({key: version for key in plan.writes})
    return _result(entry, plan, rejected, files_changed=bool(file_values))


def _locked(entry: Entry) -> Entry:
    fresh = Entry.objects.select_for_update().get(pk=entry.pk)
    fresh.page, fresh.form = entry.page, entry.form
    if hasattr(entry, "role"):
        fresh.role, fresh.role_user_id = entry.role, getattr(entry, "role_user_id", None)
    return fresh


def _result(entry: Entry, plan, rejected: list[str], *, files_changed: bool) -> SaveResult:
    versions = dict(plan.current)
    versions.update({key: version_of(entry.answer_meta, key) for key in plan.stale})
    return SaveResult(
        entry=entry,
        rejected_files=rejected,
        files_changed=files_changed,
        versions=versions,
        others=list(plan.stale),
    )


def submit_entry(*, entry: Entry, user, base_version: int, now: datetime | None = None) -> Entry:
    """Submit a complete entry: status, time, reference and question snapshot in one transaction.

    A second submit (two clicks, two tabs) finds the entry already submitted
    and changes nothing; the confirmation email is sent once, after commit.
    """
    from .tasks import send_submission_confirmation

    now = now or timezone.now()
    require(entry, user, SUBMIT)
    host = _host(entry.page)
    with transaction.atomic():
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        _check_editable(current, host, now)
        if current.version != base_version:
            raise StaleDraft(current)
        if not has_verified_email(user):
            raise EmailNotVerified()
        definition = entry.form.definition
        file_keys = set(current.files.values_list("question_key", flat=True))
        problems = find_problems(definition, current.answers, file_keys)
        if problems:
            raise IncompleteEntry(problems)
        # A partnership entry waits for its partner to confirm it as it is now (forms.partner.state).
        check_partner_confirmed(current, host)
        # A reopened entry keeps the reference it was first given.
        reference = current.reference or allocate_reference(host.entry_reference_prefix())
        updated = Entry.objects.filter(
            pk=current.pk, version=base_version, status=EntryStatus.DRAFT
        ).update(
            status=EntryStatus.SUBMITTED,
            reference=reference,
            submitted_at=now,
            updated_at=now,
            # Each question records whether it applied to the answers (forms.conditions).
            question_snapshot=definition.to_snapshot(current.answers),
            version=F("version") + 1,
        )
        if not updated:
            raise StaleDraft(Entry.objects.get(pk=current.pk))
        EntryEvent.objects.create(
            entry=current,
            action=EntryEvent.Action.SUBMITTED,
            actor=user,
            created_at=now,
            details={"reference": reference},
        )
        transaction.on_commit(lambda: send_submission_confirmation.enqueue(current.pk))
    current.refresh_from_db()
    return current


def allocate_reference(prefix: str) -> str:
    """The next reference for ``prefix`` (e.g. PRA-2024-0042); the row lock orders concurrent submits."""
    sequence, _ = ReferenceSequence.objects.get_or_create(prefix=prefix)
    ReferenceSequence.objects.filter(pk=sequence.pk).update(last_number=F("last_number") + 1)
    number = ReferenceSequence.objects.values_list("last_number", flat=True).get(pk=sequence.pk)
    return f"{prefix}-{number:04d}"
