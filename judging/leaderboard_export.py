"""A category's leaderboard as CSV or XLSX, with every judge's scores beside the figures.

One row per submitted entry, in leaderboard order: rank, reference,
organisation, title, the leaderboard's figures (judging.leaderboard), the
qualifying answers when there is a qualifying round, the outcome; then, per
judge with a counted sheet in the category (named, for organisers), their
score per criterion, their weighted score and their overall comment.

Every text cell goes through ``forms.exports.neutralise``, so an answer or a
comment such as ``=HYPERLINK(...)`` is shown as typed and never run by a
spreadsheet. The CSV is streamed as it is written; the XLSX is written by
openpyxl in write-only mode to a temporary file, then streamed.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterator

from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook

from forms.exports import XLSX_CELL_LIMIT, csv_line, neutralise

from .leaderboard import Leaderboard, counted_sheets, leaderboard

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def judge_columns(page) -> list[tuple[int, str]]:
    """(judge id, name) for each judge with a counted sheet, by name; names made unique."""
    judges = (
        counted_sheets(page)
        .values_list(
            "assignment__judge_id",
            "assignment__judge__first_name",
            "assignment__judge__last_name",
            "assignment__judge__email",
        )
        .distinct()
        .order_by(
            "assignment__judge__last_name", "assignment__judge__first_name", "assignment__judge_id"
        )
    )
    found = [(pk, f"{first} {last}".strip() or email, email) for pk, first, last, email in judges]
    names = [name for _, name, _ in found]
    return [
        (pk, f"{name} ({email})" if names.count(name) > 1 else name) for pk, name, email in found
    ]


def judges_scores(page) -> dict[int, dict[int, dict]]:
    """{entry id: {judge id: {criterion key: score, "comment": overall comment}}}."""
    found: dict[int, dict[int, dict]] = defaultdict(lambda: defaultdict(dict))
    sheets = counted_sheets(page)
    for entry_id, judge_id, comment in sheets.values_list(
        "assignment__entry_id", "assignment__judge_id", "overall_comment"
    ):
        found[entry_id][judge_id]["comment"] = comment
    for entry_id, judge_id, key, score in sheets.filter(scores__score__isnull=False).values_list(
        "assignment__entry_id", "assignment__judge_id", "scores__criterion", "scores__score"
    ):
        found[entry_id][judge_id][key] = score
    return found


def sheet_total(scores: dict, criteria) -> float | None:
    """The sheet's weighted score, as judging.leaderboard computes it."""
    scored = [(float(c.weight), scores[c.key]) for c in criteria if scores.get(c.key) is not None]
    weights = sum(weight for weight, _ in scored)
    return sum(weight * score for weight, score in scored) / weights if weights else None


def rounded(value, places: int):
    return "" if value is None else round(value, places)


def export_rows(page, board: Leaderboard | None = None) -> Iterator[list]:
    """The header, then one row per entry: numbers as numbers, text neutralised."""
    board = board or leaderboard(page)
    judges = judge_columns(page)
    scores = judges_scores(page)
    criteria = board.criteria
    header = ["Rank", "Reference", "Organisation", "Entry title", "Weighted score (out of 10)"]
    header += ["Mean score (out of 10)", "Normalised score", "Sheets in", "Sheets expected"]
    if board.qualifying_round:
        header += ["Qualifying: yes", "Qualifying: maybe", "Qualifying: no"]
    header.append("Outcome")
    for _, name in judges:
        header += [f"{name}: {criterion.heading}" for criterion in criteria]
        header += [f"{name}: weighted score", f"{name}: comment"]
    yield [neutralise(cell) for cell in header]  # judges' names and criteria are typed by people
    for row in board.rows:
        cells = [
            row.rank if row.rank is not None else "",
            neutralise(row.reference),
            neutralise(row.organisation),
            neutralise(row.title),
            rounded(row.weighted, 2),
            rounded(row.mean, 2),
            rounded(row.normalised, 3),
            row.sheets_in,
            row.sheets_expected,
        ]
        if board.qualifying_round:
            cells += [row.qualifying["yes"], row.qualifying["maybe"], row.qualifying["no"]]
        cells.append(row.outcome_label)
        by_judge = scores.get(row.entry_id, {})
        for judge_id, _ in judges:
            sheet = by_judge.get(judge_id)
            if sheet is None:
                cells += [""] * (len(criteria) + 2)
                continue
            cells += [sheet.get(criterion.key, "") for criterion in criteria]
            cells += [rounded(sheet_total(sheet, criteria), 2), neutralise(sheet.get("comment"))]
        yield cells


def filename(page) -> str:
    return f"{page.slug}-leaderboard"


def csv_response(page) -> StreamingHttpResponse:
    def lines():
        yield "\ufeff"  # so Excel reads UTF-8
        for row in export_rows(page):
            yield csv_line([str(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return as_download(response, f"{filename(page)}.csv")


def xlsx_response(page) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Leaderboard")
    for row in export_rows(page):
        sheet.append([cell[:XLSX_CELL_LIMIT] if isinstance(cell, str) else cell for cell in row])
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return as_download(FileResponse(output, content_type=XLSX_TYPE), f"{filename(page)}.xlsx")


def as_download(response, name: str):
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
