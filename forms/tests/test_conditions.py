"""Conditional questions and sections on the server: what is required, missing, shown,
submitted and exported when an earlier answer shows or hides them."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.definitions import FormDefinition
from forms.exceptions import IncompleteEntry
from forms.models import Entry
from forms.selectors import entry_view
from forms.tests.builders import build_entry_form, build_user, question, section
from forms.validation import find_problems, section_progress

pytestmark = pytest.mark.django_db

PRIVATE = {"question": "Type of organisation", "answers": "Private sector"}
PARTNER = {"question": "has_partner", "answers": "Yes"}


def conditional_sections() -> list:
    return [
        section(
            "About you",
            question(
                "single_choice",
                "organisation_type",
                "Type of organisation",
                choices=["NHS trust", "Private sector", "Charity"],
            ),
            question("short_text", "company_number", "Company number", show_when=PRIVATE),
            question("yes_no", "has_partner", "Did you work with a partner?"),
        ),
        (
            "section",
            {
                "heading": "Your partnership",
                "guidance": "",
                "show_when": PARTNER,
                "questions": [question("long_text", "partnership", "Describe the partnership")],
            },
        ),
        section("Context", question("long_text", "context", "Describe the context")),
    ]


NHS_NO_PARTNER = {"organisation_type": "NHS trust", "has_partner": "no", "context": "Done."}


@pytest.fixture
def conditional_form(db):
    return build_entry_form(conditional_sections(), title="Conditional form")


@pytest.fixture
def conditional_category(home_page, conditional_form):
    return build_category(build_programme(home_page), entry_form=conditional_form)


def missing(definition: FormDefinition, answers: dict) -> set[str]:
    return {p.question.key for p in find_problems(definition, answers, set())}


def states(definition: FormDefinition, answers: dict) -> dict[str, str]:
    problems = find_problems(definition, answers, set())
    return {
        p.section.heading: p.state for p in section_progress(definition, answers, set(), problems)
    }


def test_a_condition_names_an_earlier_question_by_its_wording_or_its_key(conditional_form):
    definition = conditional_form.definition
    company = definition.questions["company_number"].show_when
    assert (company.key, company.values) == ("organisation_type", ("Private sector",))
    partnership = definition.sections[1].show_when
    assert (partnership.key, partnership.values) == ("has_partner", ("yes",))


def test_hidden_questions_are_never_required_nor_missing(conditional_form):
    definition = conditional_form.definition
    assert missing(definition, NHS_NO_PARTNER) == set()
    assert states(definition, NHS_NO_PARTNER) == {
        "About you": "completed",
        "Your partnership": "not_needed",
        "Context": "completed",
    }


def test_shown_questions_are_required_like_any_other(conditional_form):
    definition = conditional_form.definition
    answers = {**NHS_NO_PARTNER, "organisation_type": "Private sector", "has_partner": "yes"}
    assert missing(definition, answers) == {"company_number", "partnership"}
    assert states(definition, answers)["Your partnership"] == "not_started"


def test_a_question_that_depends_on_a_hidden_question_is_hidden_too(db):
    form = build_entry_form(
        [
            section(
                "One",
                question("yes_no", "first", "First"),
                question(
                    "yes_no", "second", "Second", show_when={"question": "First", "answers": "Yes"}
                ),
                question(
                    "short_text",
                    "third",
                    "Third",
                    show_when={"question": "Second", "answers": "yes"},
                ),
            )
        ]
    )
    answers = {"first": "no", "second": "yes"}  # "second" was answered, then "first" changed
    assert form.definition.hidden_keys(answers) == {"second", "third"}
    assert missing(form.definition, answers) == set()


def test_a_multiple_choice_condition_shows_when_any_chosen_answer_is_listed(db):
    form = build_entry_form(
        [
            section(
                "One",
                question("multiple_choice", "who", "Who benefited?", choices=["Patients", "Staff"]),
                question(
                    "long_text",
                    "staff",
                    "How did staff benefit?",
                    show_when={"question": "Who benefited?", "answers": "staff"},
                ),
            )
        ]
    )
    assert missing(form.definition, {"who": ["Patients", "Staff"]}) == {"staff"}
    assert missing(form.definition, {"who": ["Patients"]}) == set()


def test_a_change_of_mind_keeps_the_hidden_answer_and_submits_without_it(
    conditional_category, django_capture_on_commit_callbacks
):
    ada = build_user()
    entry = services.start_entry(user=ada, page=conditional_category)
    written = {
        **NHS_NO_PARTNER,
        "has_partner": "yes",
        "partnership": "We worked with Northshire Council for two years.",
    }
    entry = services.save_draft(entry=entry, user=ada, answers=written, base_version=1).entry
    # The entrant changes their mind: no partner after all.
    entry = services.save_draft(
        entry=entry, user=ada, answers={"has_partner": "no"}, base_version=entry.version
    ).entry
    assert entry.answers["partnership"] == "We worked with Northshire Council for two years."

    submitted = services.submit_entry(entry=entry, user=ada, base_version=entry.version)

    snapshot = {q["key"]: q["applied"] for s in submitted.question_snapshot for q in s["questions"]}
    assert snapshot == {
        "organisation_type": True,
        "company_number": False,
        "has_partner": True,
        "partnership": False,
        "context": True,
    }
    assert Entry.objects.get(pk=submitted.pk).answers["partnership"].startswith("We worked")
    shown = submitted.applicable_definition()
    assert [s.heading for s in shown.sections] == ["About you", "Context"]
    assert set(shown.questions) == {"organisation_type", "has_partner", "context"}


def test_a_shown_question_left_empty_stops_the_submission(conditional_category):
    ada = build_user()
    entry = services.start_entry(user=ada, page=conditional_category)
    answers = {**NHS_NO_PARTNER, "has_partner": "yes"}
    entry = services.save_draft(entry=entry, user=ada, answers=answers, base_version=1).entry
    with pytest.raises(IncompleteEntry) as refused:
        services.submit_entry(entry=entry, user=ada, base_version=entry.version)
    assert [p.question.key for p in refused.value.problems] == ["partnership"]


def test_the_snapshot_keeps_its_conditions(conditional_form):
    definition = conditional_form.definition
    again = FormDefinition.from_snapshot(definition.to_snapshot(NHS_NO_PARTNER))
    assert again == definition
    assert again.applicable(NHS_NO_PARTNER) == definition.applicable(NHS_NO_PARTNER)


def test_the_form_page_draws_every_question_with_when_to_answer_it(client, conditional_category):
    ada = build_user()
    services.start_entry(user=ada, page=conditional_category)
    client.force_login(ada)
    soup = BeautifulSoup(client.get(conditional_category.url).content, "html.parser")

    group = soup.find(id="q-company_number-group")
    assert group["data-show-when"] == "organisation_type"
    assert group["data-show-values"] == '["Private sector"]'
    assert group.find(class_="condition-note").get_text(" ", strip=True) == (
        "Answer this only if your answer to “Type of organisation” is Private sector."
    )
    assert soup.find(id="q-company_number")["aria-describedby"] == "q-company_number-condition"
    partnership = soup.find(id="section-2")
    assert partnership["data-show-when"] == "has_partner"
    assert "Answer this section only if your answer to “Did you work with a partner?” is Yes." in (
        partnership.get_text(" ", strip=True)
    )
    assert soup.find(id="q-partnership") is not None  # drawn, for a page without scripts
    assert soup.find("script", src=lambda s: s and s.endswith("js/conditions.js")) is not None
    # Nobody has said they had a partner yet: the partnership section is not counted.
    assert soup.find(attrs={"data-progress-summary": True}).get_text(strip=True) == (
        "0 of 2 sections completed."
    )


def test_check_your_answers_leaves_out_what_does_not_apply(client, conditional_category):
    ada = build_user()
    entry = services.start_entry(user=ada, page=conditional_category)
    answers = {**NHS_NO_PARTNER, "partnership": "Kept, but not asked any more."}
    services.save_draft(entry=entry, user=ada, answers=answers, base_version=1)
    client.force_login(ada)
    page = client.get(reverse("entry_review", args=[entry.public_id])).content.decode()
    assert "Describe the context" in page
    assert "Your partnership" not in page
    assert "Kept, but not asked any more." not in page
    assert "Company number" not in page


def test_the_entries_admin_and_exports_leave_out_answers_that_did_not_apply(
    client, entries_manager, conditional_category, django_capture_on_commit_callbacks
):
    ada = build_user("ada@example.org")
    entry = services.start_entry(user=ada, page=conditional_category)
    answers = {**NHS_NO_PARTNER, "partnership": "Written, then not needed."}
    entry = services.save_draft(entry=entry, user=ada, answers=answers, base_version=1).entry
    services.submit_entry(entry=entry, user=ada, base_version=entry.version)
    bob = build_user("bob@example.org")
    other = services.start_entry(user=bob, page=conditional_category)
    shown = {**NHS_NO_PARTNER, "has_partner": "yes", "partnership": "With the council."}
    services.save_draft(entry=other, user=bob, answers=shown, base_version=1)
    client.force_login(entries_manager)

    inspect = client.get(reverse("forms_entry_modeladmin_inspect", args=[entry.pk]))
    assert "Describe the context" in inspect.content.decode()
    assert "Written, then not needed." not in inspect.content.decode()

    response = client.get(reverse("forms_entry_modeladmin_index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    by_email = {row[3]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_email["ada@example.org"]["Describe the partnership"] == ""
    assert by_email["bob@example.org"]["Describe the partnership"] == "With the council."


def test_entry_view_rows_are_what_applies_and_form_rows_are_everything(conditional_category):
    ada = build_user()
    entry = services.start_entry(user=ada, page=conditional_category)
    entry.answers = dict(NHS_NO_PARTNER)
    view = entry_view(entry)
    read = [q.key for _, rows in view.rows() for q, *_ in rows]
    drawn = [q.key for _, rows in view.form_rows() for q, *_ in rows]
    assert read == ["organisation_type", "has_partner", "context"]
    assert drawn == [
        "organisation_type",
        "company_number",
        "has_partner",
        "partnership",
        "context",
    ]
    assert view.applicable_sections == 2
