"""CSV and XLSX exports: headers, rows, removed questions, formula cells."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from forms import services
from forms.exports import (
    _answer_keys_postgresql,
    _answer_keys_python,
    csv_line,
    neutralise,
    question_columns,
)
from forms.models import Entry, EntryFile, EntryStatus
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


def xlsx_rows(response) -> list[list[str]]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [[cell or "" for cell in row] for row in workbook.active.iter_rows(values_only=True)]


def test_xlsx_matches_the_csv(client, entries_manager, mixed_entries):
    client.force_login(entries_manager)
    response = export(client, "xlsx")
    assert response.status_code == 200
    rows = xlsx_rows(response)
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


# --- columns found from the database, rows read as values -------------------------------


def by_entrant(rows) -> dict[str, dict[str, str]]:
    return {row[3]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_a_key_only_some_entries_have_is_a_column_empty_for_the_others(
    client, entries_manager, mixed_entries, category
):
    submitted, draft = mixed_entries
    Entry.objects.filter(pk=draft.pk).update(
        answers={**draft.answers, "legacy_budget": "£10,000", "old_quote": 'He said "yes"'}
    )
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    assert rows[0] == BASE + QUESTIONS + [
        "Removed question (legacy_budget)",
        "Removed question (old_quote)",
    ] or rows[0] == BASE + QUESTIONS + [  # PostgreSQL's jsonb keeps keys shortest first
        "Removed question (old_quote)",
        "Removed question (legacy_budget)",
    ]
    entrants = by_entrant(rows)
    bob = entrants["bob@example.org"]
    assert bob["Removed question (legacy_budget)"] == "£10,000"
    assert bob["Removed question (old_quote)"] == 'He said "yes"'
    ada = entrants["ada@example.org"]
    assert ada["Removed question (legacy_budget)"] == ""
    assert ada["Removed question (old_quote)"] == ""


def test_removed_keys_come_in_the_order_of_the_first_entry_with_them(
    client, entries_manager, category
):
    first = build_entry(build_user("first@example.org"), category, answers={"zeta": "1"})
    build_entry(build_user("second@example.org"), category, answers={"alpha": "2", "zeta": "3"})
    assert first.pk < Entry.objects.get(entrant__email="second@example.org").pk
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    assert rows[0][len(BASE) + len(QUESTIONS) :] == [
        "Removed question (zeta)",
        "Removed question (alpha)",
    ]
    assert by_entrant(rows)["first@example.org"]["Removed question (alpha)"] == ""


def test_every_version_of_the_questions_submitted_is_a_column(
    client, entries_manager, category, mixed_entries, django_capture_on_commit_callbacks
):
    """Entries submitted before and after an editor renamed and replaced questions."""
    form = category.entry_form
    form.sections = [
        section(
            "Now",
            question("short_text", "organisation_name", "Organisation name"),
            question("long_text", "impact", "Impact on patients"),
        )
    ]
    form.save()
    carol = build_user("carol@example.org", first_name="Carol", last_name="Later")
    entry = services.start_entry(user=carol, page=category)
    services.save_draft(
        entry=entry,
        user=carol,
        answers={"organisation_name": "Southshire", "impact": "Fewer missed appointments."},
        base_version=1,
    )
    entry.refresh_from_db()
    services.submit_entry(entry=entry, user=carol, base_version=2)
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    # The form as it is now, then what only the older snapshot asked.
    assert rows[0] == BASE + ["Organisation name", "Impact on patients"] + QUESTIONS[1:]
    entrants = by_entrant(rows)
    assert entrants["carol@example.org"]["Impact on patients"] == "Fewer missed appointments."
    assert entrants["carol@example.org"]["Describe the context"] == ""
    assert entrants["ada@example.org"]["Describe the context"] == complete_answers()["context"]
    assert entrants["ada@example.org"]["Impact on patients"] == ""


def test_answer_keys_are_the_same_read_by_the_database_or_by_python(category):
    build_entry(build_user("one@example.org"), category, answers={"b": "1", "aa": "2"})
    build_entry(build_user("two@example.org"), category, answers={})
    build_entry(build_user("three@example.org"), category, answers={"ccc": "3", "b": "4"})
    entries = Entry.objects.all()
    keys = _answer_keys_python(entries)
    assert set(keys) == {"b", "aa", "ccc"}
    assert keys[-1] == "ccc"  # only the last entry has it
    if connection.vendor == "postgresql":
        assert _answer_keys_postgresql(entries) == keys
        assert _answer_keys_postgresql(entries.filter(answers={})) == []


def test_columns_do_not_depend_on_the_listing_order(category, mixed_entries):
    build_entry(build_user("late@example.org"), category, answers={"extra": "x"})
    ordered = [
        question_columns(Entry.objects.order_by(field))
        for field in ("pk", "-pk", "-updated_at", "entrant__email")
    ]
    assert all(columns == ordered[0] for columns in ordered)


def test_file_columns_name_the_latest_upload_for_each_entry(
    client, entries_manager, category, entrant, other_entrant
):
    with_files = build_entry(entrant, category, answers={"organisation_name": "Files Trust"})
    build_entry(other_entrant, category, answers={"organisation_name": "No Files Trust"})
    now = timezone.now()
    for minutes, name in ((2, "final.pdf"), (1, "first draft.pdf")):
        EntryFile.objects.create(
            entry=with_files,
            question_key="evidence",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="upload.pdf"),
            original_name=name,
            content_type="application/pdf",
            size=15,
            uploaded_at=now - timedelta(minutes=10 - minutes),
        )
    client.force_login(entries_manager)
    for rows in (csv_rows(export(client, "csv")), xlsx_rows(export(client, "xlsx"))):
        entrants = by_entrant(rows)
        assert entrants[entrant.email]["Supporting document"] == "final.pdf"
        assert entrants[other_entrant.email]["Supporting document"] == ""


def test_base_columns_of_an_entry_whose_entrant_deleted_their_account(
    client, entries_manager, mixed_entries
):
    submitted, _ = mixed_entries
    Entry.objects.filter(pk=submitted.pk).update(entrant=None)
    client.force_login(entries_manager)
    rows = csv_rows(export(client, "csv"))
    kept = next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[1] == "Submitted")
    assert kept["Entrant"] == "(account deleted)"
    assert kept["Email"] == kept["Organisation"] == ""
    assert kept["Reference"] == submitted.reference
    local = timezone.localtime(Entry.objects.get(pk=submitted.pk).submitted_at)
    assert kept["Submitted"] == local.strftime("%Y-%m-%d %H:%M")
    assert kept["Category"] == submitted.page.title


def test_csv_and_xlsx_hold_the_same_cells(client, entries_manager, mixed_entries, category):
    build_entry(
        build_user("odd@example.org", first_name="Zoë", last_name="O'Brien, Jr."),
        category,
        status=EntryStatus.WITHDRAWN,
        answers={"context": 'Line one\nline "two", three', "notes": ["a", "b"]},
    )
    client.force_login(entries_manager)
    from_csv = csv_rows(export(client, "csv"))
    from_xlsx = xlsx_rows(export(client, "xlsx"))
    assert from_csv == from_xlsx
    odd = by_entrant(from_csv)["odd@example.org"]
    assert odd["Entrant"] == "Zoë O'Brien, Jr."
    assert odd["Status"] == "Withdrawn"
    assert odd["Describe the context"] == 'Line one\nline "two", three'
    assert odd["Anything else"] == "a, b"


def test_the_export_makes_the_same_queries_for_many_entries_as_for_one(
    client, entries_manager, category
):
    build_entry(build_user("only@example.org"), category, answers={"context": "One"})
    client.force_login(entries_manager)
    csv_rows(export(client, "csv"))  # the first request looks up and caches the site
    with CaptureQueriesContext(connection) as one:
        csv_rows(export(client, "csv"))
    for n in range(5):
        build_entry(build_user(f"more{n}@example.org"), category, answers={"context": f"{n}"})
    with CaptureQueriesContext(connection) as six:
        rows = csv_rows(export(client, "csv"))
    assert len(rows) == 7
    assert len(six.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize(
    "row",
    [
        ["plain", "two words", ""],
        ["a,b", 'say "hi"', "line\nbreak", "carriage\rreturn", "crlf\r\n"],
        ["", "", ""],
        [" leading", "trailing ", "'quote", "tab\tinside", "nul\x00inside", "é ü 漢字 😀"],
        ['"', '""', ",", "\n", "\r"],
    ],
)
def test_csv_lines_are_what_the_csv_module_writes(row):
    class Echo:
        def write(self, value):
            return value

    assert csv_line(row) == csv.writer(Echo()).writerow(row)
