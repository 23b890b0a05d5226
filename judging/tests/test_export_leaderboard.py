"""The leaderboard as CSV and XLSX: the figures, each judge's scores, and no formula."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook

from judging.models import ScoreSheet

from .test_leaderboard import build_example
from .test_leaderboard_admin import organiser_with

HYPERLINK = '=HYPERLINK("https://evil.example.org","Click for your results")'


@pytest.fixture
def organiser(db):
    return organiser_with("manage_judging")


@pytest.fixture
def example(judged_category):
    entries, judges = build_example(judged_category)
    a = entries["A"]
    a.answers["entry_title"] = HYPERLINK
    a.save()
    ScoreSheet.objects.filter(assignment__entry=a, assignment__judge=judges["J1"]).update(
        overall_comment="=1+1 and well argued"
    )
    return judged_category, entries


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_the_csv_has_the_figures_and_each_judges_scores_streamed(client, organiser, example):
    category, entries = example
    client.force_login(organiser)
    response = client.get(reverse("judging_leaderboard_export", args=[category.pk, "csv"]))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].endswith('.csv"')
    header, *rows = csv_rows(response)
    assert header[:12] == [
        "Rank", "Reference", "Organisation", "Entry title", "Weighted score (out of 10)",
        "Mean score (out of 10)", "Normalised score", "Sheets in", "Sheets expected",
        "Qualifying: yes", "Qualifying: maybe", "Qualifying: no",
    ]  # fmt: skip
    assert header[12] == "Outcome"
    # Judges J1-J3 have counted sheets (J4's assignment was removed); by name.
    assert header[13:] == [
        f"Judge {j}: {what}"
        for j in ("J1", "J2", "J3")
        for what in ("Vision", "Delivery", "Outcomes", "weighted score", "comment")
    ]
    by_reference = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    a = by_reference[entries["A"].reference]
    assert [a["Rank"], a["Weighted score (out of 10)"], a["Mean score (out of 10)"]] == [
        "1", "7.25", "7.11",
    ]  # fmt: skip
    assert a["Normalised score"] == "0.756"
    assert [a["Judge J1: Vision"], a["Judge J1: Delivery"], a["Judge J1: Outcomes"]] == [
        "8",
        "6",
        "7",
    ]
    assert a["Judge J1: weighted score"] == "7.25"
    c = by_reference[entries["C"].reference]
    assert c["Judge J1: Vision"] == "" and c["Judge J2: weighted score"] == "4.0"  # J1: a draft
    d = by_reference[entries["D"].reference]
    assert (d["Rank"], d["Sheets in"], d["Qualifying: no"]) == ("", "0", "1")
    assert [row[1] for row in rows] == [entries[x].reference for x in "ABCD"]


def test_an_answer_or_comment_that_looks_like_a_formula_stays_text(client, organiser, example):
    category, entries = example
    client.force_login(organiser)
    response = client.get(reverse("judging_leaderboard_export", args=[category.pk, "csv"]))
    header, *rows = csv_rows(response)
    a = dict(zip(header, rows[0], strict=True))
    assert a["Entry title"] == "'" + HYPERLINK
    assert a["Judge J1: comment"] == "'=1+1 and well argued"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")), cell


def test_the_xlsx_has_numbers_as_numbers_and_no_formula(client, organiser, example):
    category, entries = example
    client.force_login(organiser)
    response = client.get(reverse("judging_leaderboard_export", args=[category.pk, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Leaderboard"]
    header = [cell.value for cell in sheet[1]]
    a = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert a["Reference"].value == entries["A"].reference
    assert a["Weighted score (out of 10)"].value == 7.25
    assert a["Entry title"].value == "'" + HYPERLINK
    assert a["Judge J1: comment"].value == "'=1+1 and well argued"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
