"""The files a draft save brings or takes away (forms.services.save_draft).

Uploads are checked before the save's transaction, so a rejected file is
reported without costing the entrant the text saved with it; inside the
transaction the accepted ones are stored and the replaced or removed ones
deleted, their stored files only once the save has committed.
"""

from __future__ import annotations

from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from .exceptions import FileRejected
from .models import Entry, EntryFile
from .uploads import check_upload


def files_to_remove(entry: Entry, public_ids: list[str]) -> dict[str, list[str]]:
    """The files asked to be removed, by question: {question key: [file public ids]}."""
    if not public_ids:
        return {}
    found: dict[str, list[str]] = {}
    for key, public_id in entry.files.filter(public_id__in=public_ids).values_list(
        "question_key", "public_id"
    ):
        found.setdefault(key, []).append(public_id)
    return found


def check_uploads(entry: Entry, uploads: dict[str, UploadedFile]):
    """The uploads that pass their checks and the messages of those that fail.

    Each accepted upload comes as (question, upload, checked); an upload for no
    file question of the form is ignored.
    """
    questions = entry.form.definition.questions
    accepted, rejected = [], []
    for key, upload in uploads.items():
        question = questions.get(key)
        if question is None or not question.is_file:
            continue
        try:
            accepted.append((question, upload, check_upload(question, upload)))
        except FileRejected as error:
            rejected.append(error.message)
    return accepted, rejected


def store_files(entry: Entry, accepted, removed: dict[str, list[str]], now: datetime) -> None:
    """Store the accepted uploads, deleting the removed files and those they replace.

    Called inside the save's transaction; a deleted file's stored copy goes
    only once that transaction commits.
    """
    if removed:
        ids = [public_id for ids in removed.values() for public_id in ids]
        _delete_files(entry.files.filter(public_id__in=ids))
    for question, upload, checked in accepted:
        _delete_files(entry.files.filter(question_key=question.key))
        upload.name = f"upload.{checked.kind}"  # stored under a generated name
        EntryFile.objects.create(
            entry=entry,
            question_key=question.key,
            file=upload,
            original_name=checked.safe_name,
            content_type=checked.content_type,
            size=upload.size,
            uploaded_at=now,
        )


def _delete_files(files) -> None:
    for old in list(files):
        stored = old.file
        old.delete()
        transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
