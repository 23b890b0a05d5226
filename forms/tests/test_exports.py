"""CSV and XLSX exports: headers, rows, removed questions, formula cells."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forms import services
from forms.exports import neutralise
from forms.tests.builders import build_entry, build_user, complete_answers, question, section

BASE = [
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
QUESTIONS = [
    "Organisation name",
    "Contact email",
    "Describe the context",
    "Anything else",
    "Supporting document",
]


@pytest.fixture
def mixed_entries(category, django_capture_on_commit_callbacks):
    ada = build_user("ada@example.org", first_name="Ada", last_name="Lovelace")
    entry = services.start_entry(user=ada, page=category)
    services.save_draft(entry=entry, user=ada, answers=complete_answers(), base_version=1)
    entry.refresh_from_db()
    submitted = services.submit_entry(entry=entry, user=ada, base_version=2)
    bob = build_user(
        "bob@example.org", first_name="Bob", last_name="Hacker", organisation='=HYPERLINK("x")'
    )
    draft = build_entry(
        bob, category, answers={"organisation_name": "=1+1", "context": "-2+3", "notes": "@SUM(A1)"}
    )
    return submitted, draft


def export(client, fmt, **params):
    return client.get(reverse("forms_entry_modeladmin_index"), {"export": fmt, **params})


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_one_column_per_question_and_one_row_per_entry(
    client, entries_manager, mixed_entries
):
    submitted, draft = mixed_entries
    client.force_login(entries_manager)
    response = export(client, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = csv_rows(response)
    assert rows[0] == BASE + QUESTIONS
    by_email = {row[3]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert len(rows) == 3
    ada = by_email["ada@example.org"]
    assert ada["Reference"] == submitted.reference
    assert ada["Status"] == "Submitted"
    assert ada["Entrant"] == "Ada Lovelace"
    assert ada["Describe the context"] == complete_answers()["context"]
    assert by_email["bob@example.org"]["Status"] == "Draft"


def test_exports_neutralise_formula_cells(client, entries_manager, mixed_entries):
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    bob = next(
        dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[3] == "bob@example.org"
    )
    assert bob["Organisation name"] == "'=1+1"
    assert bob["Describe the context"] == "'-2+3"
    assert bob["Anything else"] == "'@SUM(A1)"
    assert bob["Organisation"] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("value", ["=cmd", "+1", "-1", "@x", "\tx", "\rx"])
def test_every_formula_prefix_is_neutralised(value):
    assert neutralise(value) == "'" + value
    assert neutralise("plain = text") == "plain = text"


def test_xlsx_matches_the_csv(client, entries_manager, mixed_entries):
    client.force_login(entries_manager)
    response = export(client, "xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = [[cell or "" for cell in row] for row in workbook.active.iter_rows(values_only=True)]
    assert rows[0] == BASE + QUESTIONS
    assert len(rows) == 3
    assert "'=1+1" in rows[1] + rows[2]


def test_export_survives_a_question_removed_after_submission(
    client, entries_manager, mixed_entries, category
):
    submitted, _ = mixed_entries
    form = category.entry_form
    form.sections = [
        section("Only", question("short_text", "organisation_name", "Organisation name"))
    ]
    form.save()
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    assert rows[0][: len(BASE) + 1] == BASE + ["Organisation name"]
    assert "Describe the context" in rows[0]  # from the submitted entry's snapshot
    ada = next(
        dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[3] == "ada@example.org"
    )
    assert ada["Describe the context"] == complete_answers()["context"]


def test_export_follows_the_listing_filters(client, entries_manager, mixed_entries):
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv", status="submitted"))
    assert [row[3] for row in rows[1:]] == ["ada@example.org"]
