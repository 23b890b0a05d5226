"""Entries as CSV or XLSX: one row per entry, one column per question, streamed.

Columns come from the forms the entries use, then from the questions in
submitted entries' snapshots, then from any answer whose question has since
been removed, so nothing an entrant wrote is missing from an export. Cells
that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from .models import Entry, EntryForm
from .templatetags.entry_tags import answer_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32_767
CHUNK = 500

BASE_COLUMNS = [
    ("Reference", lambda e: e.reference or ""),
    ("Status", lambda e: e.get_status_display()),
    ("Entrant", lambda e: e.entrant_name),
    ("Email", lambda e: e.entrant.email if e.entrant else ""),
    ("Organisation", lambda e: e.entrant.organisation if e.entrant else ""),
    ("Category", lambda e: e.page.title),
    ("Started", lambda e: _time(e.created_at)),
    ("Last saved", lambda e: _time(e.updated_at)),
    ("Submitted", lambda e: _time(e.submitted_at)),
]


def _time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def neutralise(value: Any) -> str:
    """Text a spreadsheet shows as typed, never runs (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def question_columns(entries: QuerySet[Entry]) -> list[tuple[str, str, bool]]:
    """(key, heading, is_file) for every question any of these entries answered or was asked."""
    columns: dict[str, tuple[str, bool]] = {}
    for form in EntryForm.objects.filter(pk__in=entries.values("form_id")).order_by("pk"):
        for question in form.definition.questions.values():
            columns.setdefault(question.key, (question.label, question.is_file))
    unknown: dict[str, None] = {}
    rows = entries.values_list("question_snapshot", "answers").iterator(chunk_size=CHUNK)
    for snapshot, answers in rows:
        for section in snapshot or []:
            for question in section.get("questions", []):
                columns.setdefault(question["key"], (question["label"], question["type"] == "file"))
        unknown.update(dict.fromkeys(answers or {}))
    for key in unknown:
        columns.setdefault(key, (f"Removed question ({key})", False))
    return [(key, label, is_file) for key, (label, is_file) in columns.items()]


def export_rows(entries: QuerySet[Entry]) -> Iterator[list[str]]:
    columns = question_columns(entries)
    header = [heading for heading, _ in BASE_COLUMNS] + [label for _, label, _ in columns]
    yield [neutralise(cell) for cell in header]  # editors write the question labels
    iterator = (
        entries.select_related("entrant", "page")
        .prefetch_related("files")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )
    for entry in iterator:
        files = {f.question_key: f.original_name for f in entry.files.all()}
        row = [get(entry) for _, get in BASE_COLUMNS]
        for key, _, is_file in columns:
            row.append(files.get(key, "") if is_file else answer_text(entry.answers.get(key)))
        yield [neutralise(cell) for cell in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(entries: QuerySet[Entry], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterable[str]:
        yield "\ufeff"  # so Excel reads UTF-8
        for row in export_rows(entries):
            yield writer.writerow(row)

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
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
