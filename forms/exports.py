"""Entries as CSV or XLSX: one row per entry, one column per question, streamed.

Columns come from the forms the entries use, then from the questions in
submitted entries' snapshots, then from any answer whose question has since
been removed, so nothing an entrant wrote is missing from an export. Cells
that a spreadsheet would run as a formula are neutralised.

Built for tens of thousands of entries with long answers: the columns are
found without reading every entry into Python (distinct snapshots, and on
PostgreSQL the distinct answer keys, come from the database); the rows are
read as plain values (no model instances, no snapshots) in chunks from a
server-side cursor, so memory stays flat; CSV lines are quoted with string
methods rather than the ``csv`` module, which tests each character in turn.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.db import connections
from django.db.models import Min, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook

from .export_conditions import HiddenAnswers
from .models import Entry, EntryFile, EntryForm, EntryStatus
from .models.entries import ACCOUNT_DELETED
from .partner.exports import PARTNER_HEADINGS, partner_cells, partner_columns_wanted
from .templatetags.entry_tags import answer_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32_767
# Rows read from the database at a time. Each holds a whole answers JSON (about 17 kB
# for 8 long answers), so 200 rows keep a chunk to a few megabytes.
CHUNK = 200

BASE_HEADINGS = [
    "Reference",
    "Status",
    "Entrant",
    "Email",
    "Organisation",
    "Category",
    "Started",
    "Last saved",
    "Submitted",
]
# What a row reads: the base columns' values, then the answers.
ROW_FIELDS = (
    "pk",
    "reference",
    "status",
    "entrant_id",
    "entrant__first_name",
    "entrant__last_name",
    "entrant__email",
    "entrant__organisation",
    "page__title",
    "created_at",
    "updated_at",
    "submitted_at",
    "answers",
)
STATUS_LABELS = dict(EntryStatus.choices)


def neutralise(value: Any) -> str:
    """Text a spreadsheet shows as typed, never runs (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# --- columns ------------------------------------------------------------------------------


def question_columns(entries: QuerySet[Entry]) -> list[tuple[str, str, bool]]:
    """(key, heading, is_file) for every question any of these entries answered or was asked.

    In this order: the questions of the entries' forms as they are now (forms in id
    order); then questions only in submitted entries' snapshots; then answers to
    questions in neither, as "Removed question (key)". Snapshots and removed keys
    come in the order of the first entry (by id) that has them.
    """
    chosen = Entry.objects.using(entries.db).filter(pk__in=entries.values("pk"))
    columns: dict[str, tuple[str, bool]] = {}
    for form in EntryForm.objects.filter(pk__in=chosen.values("form_id")).order_by("pk"):
        for question in form.definition.questions.values():
            columns.setdefault(question.key, (question.label, question.is_file))
    # One row per distinct snapshot (a form has few versions), not one per entry.
    snapshots = (
        chosen.filter(question_snapshot__isnull=False)
        .values_list("question_snapshot")
        .annotate(first=Min("pk"))
        .order_by("first")
    )
    for snapshot, _ in snapshots:
        for section in snapshot or []:
            for question in section.get("questions", []):
                columns.setdefault(question["key"], (question["label"], question["type"] == "file"))
    for key in answer_keys(chosen):
        columns.setdefault(key, (f"Removed question ({key})", False))
    return [(key, label, is_file) for key, (label, is_file) in columns.items()]


def answer_keys(entries: QuerySet[Entry]) -> list[str]:
    """Every key in these entries' answers, in order of the first entry (by id) with it."""
    if connections[entries.db].vendor == "postgresql":
        return _answer_keys_postgresql(entries)
    return _answer_keys_python(entries)


def _answer_keys_python(entries: QuerySet[Entry]) -> list[str]:
    keys: dict[str, None] = {}
    rows = entries.order_by("pk").values_list("answers", flat=True).iterator(chunk_size=CHUNK)
    for answers in rows:
        if isinstance(answers, dict):
            keys.update(dict.fromkeys(answers))
    return list(keys)


def _answer_keys_postgresql(entries: QuerySet[Entry]) -> list[str]:
    """The same as _answer_keys_python, with the JSON read by PostgreSQL, not sent to Python."""
    connection = connections[entries.db]
    quote = connection.ops.quote_name
    table, pk = quote(Entry._meta.db_table), quote(Entry._meta.pk.column)
    answers = quote(Entry._meta.get_field("answers").column)
    ids = entries.order_by().values("pk")
    subquery, params = ids.query.get_compiler(using=entries.db).as_sql()
    # The first (entry id, position in its answers) for each key, then those in order.
    sql = f"""
        SELECT key FROM (
            SELECT DISTINCT ON (k.key) k.key, e.{pk} AS entry_id, k.position
            FROM {table} e
            CROSS JOIN LATERAL jsonb_object_keys(e.{answers}) WITH ORDINALITY AS k(key, position)
            WHERE e.{pk} IN ({subquery}) AND jsonb_typeof(e.{answers}) = 'object'
            ORDER BY k.key, e.{pk}, k.position
        ) AS firsts
        ORDER BY entry_id, position
    """  # noqa: S608 (quoted names from the model; values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [key for (key,) in cursor.fetchall()]


# --- rows ---------------------------------------------------------------------------------


def export_rows(entries: QuerySet[Entry]) -> Iterator[list[str]]:
    columns = question_columns(entries)
    # Partnership categories (forms/partner/exports.py) add who confirmed each entry, and when.
    with_partner = partner_columns_wanted(entries)
    partner_headings = PARTNER_HEADINGS if with_partner else []
    header = BASE_HEADINGS + partner_headings + [label for _, label, _ in columns]
    yield [neutralise(cell) for cell in header]  # editors write the question labels
    answer_columns = [(key, is_file) for key, _, is_file in columns]
    with_files = any(is_file for _, is_file in answer_columns)
    tz = timezone.get_current_timezone()
    # Answers to questions that did not apply to an entry are left out (forms.conditions).
    not_applied = HiddenAnswers(entries)

    def when(value) -> str:
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""

    rows = entries.order_by("pk").values_list(*ROW_FIELDS).iterator(chunk_size=CHUNK)
    while batch := list(islice(rows, CHUNK)):
        files = _file_names([row[0] for row in batch]) if with_files else {}
        partners = partner_cells(batch, when) if with_partner else {}
        hidden_by_entry = not_applied.for_batch([(row[0], row[-1]) for row in batch])
        for (
            pk,
            reference,
            status,
            entrant_id,
            first_name,
            last_name,
            email,
            organisation,
            category,
            created_at,
            updated_at,
            submitted_at,
            answers,
        ) in batch:
            if entrant_id is None:
                name, email, organisation = ACCOUNT_DELETED, "", ""
            else:
                name = f"{first_name} {last_name}".strip()  # User.get_full_name()
            row = [
                reference or "",
                STATUS_LABELS.get(status, status),
                name,
                email,
                organisation,
                category,
                when(created_at),
                when(updated_at),
                when(submitted_at),
            ]
            if with_partner:
                row += partners[pk]
            answers = answers or {}
            uploads = files.get(pk, {})
            hidden = hidden_by_entry.get(pk, ())
            for key, is_file in answer_columns:
                if key in hidden:
                    row.append("")
                else:
                    row.append(uploads.get(key, "") if is_file else answer_text(answers.get(key)))
            yield [neutralise(cell) for cell in row]


def _file_names(entry_ids: list[int]) -> dict[int, dict[str, str]]:
    """{entry id: {question key: original name}}, the latest upload for each question."""
    names: dict[int, dict[str, str]] = {}
    uploads = (
        EntryFile.objects.filter(entry_id__in=entry_ids)
        .order_by("uploaded_at", "pk")
        .values_list("entry_id", "question_key", "original_name")
    )
    for entry_id, key, name in uploads:
        names.setdefault(entry_id, {})[key] = name
    return names


# --- files --------------------------------------------------------------------------------


def csv_field(text: str) -> str:
    """One field as csv.writer's default (excel) dialect writes it: quoted if it holds a
    comma, a quote or a line break, with quotes doubled."""
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def csv_line(row: list[str]) -> str:
    """csv.writer(...).writerow(row) for rows of two or more strings, much faster."""
    return ",".join(map(csv_field, row)) + "\r\n"


def csv_response(entries: QuerySet[Entry], filename: str) -> StreamingHttpResponse:
    def lines() -> Iterable[str]:
        yield "\ufeff"  # so Excel reads UTF-8
        for row in export_rows(entries):
            yield csv_line(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return _as_download(response, f"{filename}.csv")


def xlsx_response(entries: QuerySet[Entry], filename: str) -> FileResponse:
    # Write-only mode streams rows to disk, so memory stays flat however many entries.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Entries")
    for row in export_rows(entries):
        sheet.append([cell[:XLSX_CELL_LIMIT] for cell in row])
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    response = FileResponse(
        output,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _as_download(response, f"{filename}.xlsx")


def _as_download(response, name: str):
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
