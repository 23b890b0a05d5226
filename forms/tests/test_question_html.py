"""The entry form's questions as an entrant and their screen reader meet them (forms/question_html.py)."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.test.html import parse_html

from forms.definitions import Question
from forms.question_html import questions_html
from forms.validation import Problem

ENTRY = SimpleNamespace(public_id="e-AbC123")
UPLOAD = SimpleNamespace(public_id="f-XyZ789", original_name="plan.pdf", size=2_400_000)


def Q(**fields) -> Question:  # noqa: N802 - reads as the class it builds
    return Question(required=True, **fields)


QUESTIONS = {
    "short_text": Q(key="name", type="short_text", label="Organisation name", max_words=10),
    "long_text": Q(key="story", type="long_text", label="Your story", max_words=300),
    "email": Q(key="email", type="email", label="Contact email"),
    "url": Q(key="site", type="url", label="Website"),
    "number": Q(key="staff", type="number", label="Number of staff"),
    "date": Q(key="began", type="date", label="Start date"),
    "yes_no": Q(key="nhs", type="yes_no", label="Are you an NHS body?"),
    "radios": Q(key="size", type="single_choice", label="Size", choices=("Small", "Large")),
    "select": Question(
        key="region",
        type="single_choice",
        label="Region",
        choices=("North", "South"),
        widget="select",
    ),
    "checkboxes": Question(
        key="areas", type="multiple_choice", label="Areas", choices=("Acute", "Community")
    ),
    "file": Question(
        key="evidence", type="file", label="Evidence", file_types=("pdf",), max_size_mb=5
    ),
}
ANSWERS = {
    "short_text": "Northshire NHS Trust",
    "long_text": "word " * 12,
    "email": "team@example.org",
    "url": "https://example.org/",
    "number": "120",
    "date": {"day": "1", "month": "4", "year": "2025"},
    "yes_no": "yes",
    "radios": "Large",
    "select": "South",
    "checkboxes": ["Community"],
    "file": None,
}


def render(name, *, value=None, file=None, problem=None, show_all=False, help_text="") -> str:
    q = QUESTIONS[name]
    if help_text:
        q = Question(**{**q.__dict__, "help_text": help_text})
    problem = Problem(question=q, message=problem) if problem else None
    return str(questions_html([(q, value, file, problem)], show_all=show_all, entry=ENTRY))


class Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def contains(html: str, fragment: str) -> bool:
    return parse_html(html).count(parse_html(fragment)) > 0


@pytest.mark.parametrize(
    ("name", "help_text", "problem", "answered"),
    list(itertools.product(QUESTIONS, ["", "Say who"], [None, "Enter this"], [False, True])),
)
def test_every_label_and_description_points_at_something_that_is_there(
    name, help_text, problem, answered
):
    html = render(
        name,
        value=ANSWERS[name] if answered else None,
        file=UPLOAD if name == "file" and answered else None,
        problem=problem,
        show_all=True,
        help_text=help_text,
    )
    elements = Elements(html).elements
    ids = [attrs["id"] for _, attrs in elements if "id" in attrs]
    assert len(ids) == len(set(ids)), ids
    for _, attrs in elements:
        if "for" in attrs:
            assert attrs["for"] in ids
        for described in attrs.get("aria-describedby", "").split():
            assert described in ids, (described, html)
    described = " ".join(attrs.get("aria-describedby", "") for _, attrs in elements)
    if help_text:
        assert f"{QUESTIONS[name].field_id}-hint" in described.split()
    if problem:
        # The error is announced with the control (or its group), as the GOV.UK pattern asks.
        assert f"{QUESTIONS[name].field_id}-error" in described.split()
        assert "Error:</span> Enter this" in html


@pytest.mark.parametrize("name", ["email", "url", "number"])
def test_typed_inputs_name_their_error_message(name):
    html = render(name, value="nonsense", problem="Enter a real one")
    assert 'class="form-group form-group--error"' in html
    control = next(attrs for tag, attrs in Elements(html).elements if tag == "input")
    assert control["aria-describedby"] == f"{QUESTIONS[name].field_id}-error"
    assert "input--error" in control["class"]


def test_a_problem_waits_until_the_entrant_answers_or_asks_to_review():
    quiet = render("short_text", value=None, problem="Enter your organisation name")
    assert "Enter your organisation name" not in quiet and "form-group--error" not in quiet
    reviewing = render(
        "short_text", value=None, problem="Enter your organisation name", show_all=True
    )
    assert "Enter your organisation name" in reviewing
    answered = render("short_text", value="x" * 3, problem="Enter your organisation name")
    assert "Enter your organisation name" in answered


def test_saved_answers_are_filled_in():
    assert 'value="Northshire NHS Trust"' in render("short_text", value=ANSWERS["short_text"])
    html = render("date", value=ANSWERS["date"])
    for part, value in (("day", "1"), ("month", "4"), ("year", "2025")):
        assert contains(
            html,
            f'<input class="input input--{4 if part == "year" else 2}" id="q-began-{part}"'
            f' name="began-{part}" type="text" inputmode="numeric" value="{value}">',
        )
    assert contains(
        render("yes_no", value="yes"),
        '<input class="radios__input" id="q-nhs-yes" name="nhs" type="radio" value="yes" checked>',
    )
    assert contains(
        render("radios", value="Large"),
        '<input class="radios__input" id="q-size-2" name="size" type="radio" value="Large" checked>',
    )
    assert contains(
        render("select", value="South"), '<option value="South" selected>South</option>'
    )
    checkboxes = render("checkboxes", value=["Community"])
    assert contains(
        checkboxes,
        '<input class="checkboxes__input" id="q-areas-2" name="areas" type="checkbox"'
        ' value="Community" checked>',
    )
    assert contains(
        checkboxes,
        '<input class="checkboxes__input" id="q-areas-1" name="areas" type="checkbox" value="Acute">',
    )
    # An unticked box sends nothing, so the empty value lets a save clear them all.
    assert contains(checkboxes, '<input type="hidden" name="areas" value="">')


def test_long_answers_show_their_word_count_and_say_when_over():
    within = render("long_text", value="word " * 12)
    assert re.search(r'id="q-story-count" aria-live="polite">12 of 300 words</p>', within)
    assert "word-count__message--over" not in within
    over = render("long_text", value="word " * 305)
    assert "305 of 300 words: 5 words too many" in over
    assert "word-count__message word-count__message--over" in over


def test_an_uploaded_file_can_be_downloaded_removed_or_replaced():
    html = render("file", file=UPLOAD)
    assert '<a href="/entries/e-AbC123/files/f-XyZ789/">plan.pdf</a>' in html
    assert "(2.3\xa0MB)" in html
    assert 'name="remove_file" type="checkbox" value="f-XyZ789"' in html
    assert "Replace it with another file" in html
    assert 'accept=".pdf,application/pdf"' in html
    first = render("file")
    assert "Choose a file" in first and "Uploaded:" not in first


def test_optional_questions_say_so_in_their_label():
    optional = Question(key="notes", type="long_text", label="Notes", required=False)
    html = str(questions_html([(optional, "", None, None)], show_all=False, entry=ENTRY))
    assert contains(
        html,
        '<label class="label" for="q-notes">Notes <span class="optional">(optional)</span></label>',
    )
    assert "(optional)" not in render("short_text")


@pytest.mark.parametrize("name", QUESTIONS)
def test_a_hostile_stored_key_stays_inside_every_attribute(name):
    """Keys are made snake case, but one stored before that rule (or by a bug)
    must still not break out of an id, a for, a name or an aria-describedby."""
    hostile = 'x" onmouseover="alert(1)'
    q = Question(**{**QUESTIONS[name].__dict__, "key": hostile, "help_text": "Help"})
    problem = Problem(question=q, message="Enter this")
    html = str(
        questions_html(
            [(q, ANSWERS[name], UPLOAD if name == "file" else None, problem)],
            show_all=True,
            entry=ENTRY,
        )
    )
    assert 'onmouseover="' not in html
    elements = Elements(html).elements
    assert all("onmouseover" not in attrs for _, attrs in elements)
    for _, attrs in elements:
        for attr in ("id", "for", "aria-describedby"):
            if attr in attrs:
                assert attrs[attr].startswith(f"q-{hostile}"), (attr, attrs)
        if attrs.get("name") not in (None, "remove_file"):
            assert attrs["name"].startswith(hostile)
