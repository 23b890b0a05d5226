"""Editors change forms after entrants start: answers stay attached to their question keys."""

import pytest

from forms import services
from forms.models import EntryForm
from forms.tests.builders import complete_answers, question, section


def test_keys_are_made_once_from_the_label_and_never_again(db):
    form = EntryForm(
        title="Form",
        sections=[section("One", ("short_text", {"label": "Team name", "required": True}))],
    )
    form.save()
    assert list(form.definition.questions) == ["team_name"]

    raw = form.sections.raw_data
    raw[0]["value"]["questions"][0]["value"]["label"] = "Name of your team"
    form.sections = list(raw)
    form.save()
    form.refresh_from_db()
    assert list(form.definition.questions) == ["team_name"]
    assert form.definition.questions["team_name"].label == "Name of your team"


def test_two_questions_with_one_label_get_different_keys(db):
    form = EntryForm(
        title="Form",
        sections=[
            section("One", ("short_text", {"label": "Name"}), ("short_text", {"label": "Name"}))
        ],
    )
    form.save()
    assert list(form.definition.questions) == ["name", "name_2"]


def test_renaming_a_question_keeps_its_answers(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    form = category.entry_form
    raw = list(form.sections.raw_data)
    raw[1]["value"]["questions"][0]["value"]["label"] = "Tell us the background"
    form.sections = raw
    form.save()

    entry.refresh_from_db()
    definition = entry.definition()
    assert definition.questions["context"].label == "Tell us the background"
    assert entry.answers["context"] == complete_answers()["context"]


def test_answers_to_removed_questions_are_kept(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    form = category.entry_form
    form.sections = [
        section(
            "Your organisation", question("short_text", "organisation_name", "Organisation name")
        )
    ]
    form.save()

    entry.refresh_from_db()
    services.save_draft(
        entry=entry, user=entrant, answers={"organisation_name": "Renamed Trust"}, base_version=2
    )
    entry.refresh_from_db()
    assert entry.answers["context"] == complete_answers()["context"]
    assert entry.answers["organisation_name"] == "Renamed Trust"


def test_duplicate_keys_are_refused_with_a_message(db):
    from django.core.exceptions import ValidationError

    form = EntryForm(
        title="Form",
        sections=[section("One", question("short_text", "same"), question("email", "same"))],
    )
    with pytest.raises(
        ValidationError,
        match="Section 1, question 2: Another question in this form already has the key “same”",
    ):
        form.full_clean()


def test_choices_are_read_from_the_list_block_as_stored(db):
    form = EntryForm(
        title="Form",
        sections=[
            section("One", question("single_choice", "kind", choices=["NHS trust", "Charity"]))
        ],
    )
    form.save()
    form.refresh_from_db()
    assert form.definition.questions["kind"].choices == ("NHS trust", "Charity")
