"""An entry's history: every answer as each save left it, who wrote it, and when.

Written in the same transaction as the answers themselves, so the history is
never behind the entry. It is the base a merge compares a stale answer with
(forms.merging), what the team reads on the History page, and what "restore
this version" brings back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .models import AnswerRevision


def texts_at(entry_id: int, pairs: Iterable[tuple[str, int]]) -> dict[str, Any]:
    """Each answer's text as it stood at the version given, for the (key, version) pairs.

    An answer with no revision at or before its version had never been written
    then (version 0) or was written before history was kept: the latter is
    left out, so a merge treats it as unknown and asks the person.
    """
    wanted = dict(pairs)
    if not wanted:
        return {}
    rows = (
        AnswerRevision.objects.filter(
            entry_id=entry_id, key__in=list(wanted), version__lte=max(wanted.values())
        )
        .order_by("key", "-version")
        .values_list("key", "version", "value")
    )
    found: dict[str, Any] = {}
    for key, version, value in rows:
        if key not in found and version <= wanted[key]:
            found[key] = value
    for key, version in wanted.items():
        if key not in found and version == 0:
            found[key] = None
    return found


def record(
    entry_id: int,
    version: int,
    values: dict[str, Any],
    *,
    author_id: int | None,
    writer: str,
    now: datetime,
    restored_from: int | None = None,
) -> None:
    AnswerRevision.objects.bulk_create(
        AnswerRevision(
            entry_id=entry_id,
            key=key,
            version=version,
            value=value,
            author_id=author_id,
            writer=writer,
            restored_from=restored_from,
            created_at=now,
        )
        for key, value in values.items()
    )


def meta_after(
    meta: dict[str, dict], keys: Iterable[str], version: int, user_id: int | None, writer: str
) -> dict[str, dict]:
    """``Entry.answer_meta`` once ``keys`` were written at ``version`` by that person and page."""
    changed = {key: {"v": version, "u": user_id, "w": writer} for key in keys}
    return {**meta, **changed}
