"""Bringing back an earlier version of one answer ("Restore this version" on History).

A restore is an ordinary save (forms.services.save_draft) of the old text, so
every rule of a save holds: the person's role, the entry still a draft and
the category still accepting changes, one transaction, and a new version in
the history. It is based on the answer's current version, so it never
overwrites anything it has not read: if the answer changed since the History
page was drawn, the old text simply becomes the newest version on top of it.
The new revision names the version it came from, and the entry's events say
who restored what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import services
from .exceptions import EntryError
from .merging import version_of
from .models import AnswerRevision, Entry, EntryEvent


class NothingToRestore(EntryError):
    status_code = 409
    message = "That answer already has this text: there was nothing to restore."


class NotRestorable(EntryError):
    status_code = 400
    message = "This answer cannot be restored from its history."


@dataclass(frozen=True)
class Restored:
    entry: Entry
    revision: AnswerRevision  # the old version brought back
    version: int  # the entry's version the restore wrote


def restore_answer(
    *, entry: Entry, user, revision: AnswerRevision, now: datetime | None = None
) -> Restored:
    """Save ``revision``'s value as the answer's newest version, as ``user``.

    Raises what save_draft raises (NotAllowed for a view role, EntryNotEditable,
    EntriesClosed, StaleDraft if another save lands in the same instant),
    NotRestorable for a file question or a question no longer in the form, and
    NothingToRestore when the answer already holds that text.
    """
    now = now or timezone.now()
    if revision.entry_id != entry.pk:
        raise NotRestorable()
    question = entry.definition().questions.get(revision.key)
    if question is None:
        raise NotRestorable("That question is no longer in the form, so its answer stays as it is.")
    if question.is_file:
        raise NotRestorable("Files cannot be restored from the history: upload the file again.")
    with transaction.atomic():
        before = entry.version
        result = services.save_draft(
            entry=entry,
            user=user,
            answers={revision.key: revision.value if revision.value is not None else ""},
            base_version=entry.version,
            bases={revision.key: version_of(entry.answer_meta, revision.key)},
            writer="",
            now=now,
        )
        saved = result.entry
        if saved.version == before or version_of(saved.answer_meta, revision.key) != saved.version:
            raise NothingToRestore()
        AnswerRevision.objects.filter(
            entry_id=saved.pk, key=revision.key, version=saved.version
        ).update(restored_from=revision.version)
        EntryEvent.objects.create(
            entry=saved,
            action=EntryEvent.Action.RESTORED,
            actor=user,
            created_at=now,
            details={
                "key": revision.key,
                "from_version": revision.version,
                "version": saved.version,
            },
        )
    return Restored(entry=saved, revision=revision, version=saved.version)
