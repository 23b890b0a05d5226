"""The two statements every autosave runs: read the entrant's own entry, and write its
answers only if the draft is still at the version the entrant's page was showing.
Written out rather than built by the ORM.

An entrant's draft is read and written on every autosave, every 10 seconds
per open tab, and most of all in the last hour before a deadline. Built by
the queryset API, the read took 0.33 ms of CPU and the version-checked write
0.50 ms, most of it compiling the same SQL again; written out, 0.15 ms and
0.11 ms (bench/management/commands/bench_profile.py measures the whole save).
Values still pass through the model fields' own conversions, so the SQL is
the same on PostgreSQL and SQLite and the answers are stored exactly as the
ORM stores them.

Issue #11 asked for the ORM's ``filter(version=...).update()`` unless ``make bench``
showed a target missed without the SQL: with the ORM the save at concurrency 16
had a p99 of 198 ms against the 100 ms target (docs/performance.md).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from django.db import connection

from .models import Entry, EntryStatus


@cache  # one database per process: its quoting never changes
def _statements() -> tuple[str, str]:
    """The SELECT and the UPDATE, with the table and column names the backend quotes
    (no value is ever put into the text: values are parameters)."""
    q = connection.ops.quote_name
    c = {f.name: q(f.column) for f in Entry._meta.concrete_fields}
    table = q(Entry._meta.db_table)
    select = f"SELECT * FROM {table} WHERE {c['public_id']} = %s AND {c['entrant']} = %s"  # noqa: S608
    update = (
        f"UPDATE {table} SET {c['answers']} = %s, {c['version']} = {c['version']} + 1,"  # noqa: S608
        f" {c['updated_at']} = %s"
        f" WHERE {c['id']} = %s AND {c['version']} = %s AND {c['status']} = %s"
    )
    return select, update


def find_own_entry(public_id: str, entrant_id: int) -> Entry | None:
    """The entry with this public id if ``entrant_id`` owns it, else None."""
    found = Entry.objects.raw(_statements()[0], [public_id, entrant_id])
    return next(iter(found), None)


def write_draft_answers(
    entry_id: int, base_version: int, answers: dict[str, Any], now: datetime
) -> bool:
    """Store ``answers`` and move the version on, if the draft is still at ``base_version``.

    False when another save got there first or the entry is no longer a draft.
    """
    field = Entry._meta.get_field
    with connection.cursor() as cursor:
        cursor.execute(
            _statements()[1],
            [
                field("answers").get_db_prep_save(answers, connection),
                field("updated_at").get_db_prep_save(now, connection),
                entry_id,
                base_version,
                EntryStatus.DRAFT.value,
            ],
        )
        return cursor.rowcount == 1
