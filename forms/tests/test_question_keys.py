"""Question keys are made from the label once, shown read-only, and never taken as typed.

A key names the answer in every entry, the field in every entrant's page and
the file in every download, so one that is not snake case, clashes with
another or changes after entrants have started is refused, whether it comes
from the Wagtail snippet editor (a forged POST) or from code.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from forms.models import EntryForm
from forms.tests.builders import build_entry_form, question, section

HOSTILE_KEYS = ["../x", 'a"b', "a b"]
BAD_KEYS = [*HOSTILE_KEYS, "Team_name", "1st_place", "_private", "a" * 49, "café"]
GUIDANCE_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def question_errors(error: ValidationError) -> dict[tuple[int, int], list[str]]:
    """The messages shown on each question, by (section, question) position, as the admin shows them."""
    found: dict[tuple[int, int], list[str]] = {}
    for stream_error in error.error_dict["sections"]:
        if not hasattr(stream_error, "as_json_data"):  # a message for the whole field
            found[(-1, -1)] = stream_error.messages
            continue
        sections = stream_error.as_json_data().get("blockErrors", {})
        for s, section_error in sections.items():
            questions = section_error.get("blockErrors", {}).get("questions", {})
            for q, question_error in questions.get("blockErrors", {}).items():
                key_error = question_error.get("blockErrors", {}).get("key", {})
                found[(int(s), int(q))] = key_error.get("messages", [])
    return found


def keys(form: EntryForm) -> list[str]:
    return list(form.definition.questions)


# Model validation: what code (builders, the demo content, a shell) is held to.


@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_key_that_is_not_snake_case_is_refused_on_that_question(db, key):
    form = EntryForm(
        title="Form",
        sections=[section("One", question("short_text", "fine"), question("email", key))],
    )
    with pytest.raises(ValidationError) as refused:
        form.full_clean()
    messages = question_errors(refused.value)
    assert list(messages) == [(0, 1)]
    assert "lower-case letters" in messages[(0, 1)][0]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_hostile_key_is_never_saved_even_without_full_clean(db, key):
    with pytest.raises(ValidationError):
        build_entry_form([section("One", question("short_text", key))])
    assert not EntryForm.objects.exists()


def test_keys_shared_by_two_questions_are_refused_on_the_second(db):
    form = EntryForm(
        title="Form",
        sections=[
            section("One", question("short_text", "same")),
            section("Two", question("email", "other"), question("email", "same")),
        ],
    )
    with pytest.raises(ValidationError) as refused:
        form.full_clean()
    assert question_errors(refused.value) == {
        (1, 1): ["Another question in this form already has the key “same”."]
    }


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Team name", "team_name"),
        ("Café & bar: 2024 plans", "cafe_bar_2024_plans"),
        ("  What’s the ROI?  ", "whats_the_roi"),
        ("24-hour services", "q_24_hour_services"),
        ("!!!", "short_text"),
        ("A very long label " * 6, "a_very_long_label_a_very_long_label_a_very_long"),
    ],
)
def test_a_key_is_made_from_the_label_on_first_save(db, label, key):
    form = build_entry_form([section("One", ("short_text", {"label": label}))])
    assert keys(form) == [key]
    assert re.fullmatch(r"[a-z][a-z0-9_]{0,47}", key)


def test_made_keys_are_unique_within_the_form(db):
    form = build_entry_form(
        [
            section("One", ("short_text", {"label": "Name"}), question("email", "name_2")),
            section("Two", ("short_text", {"label": "Name"}), ("long_text", {"label": "name"})),
        ]
    )
    assert keys(form) == ["name", "name_2", "name_3", "name_4"]


def test_a_long_label_makes_a_key_of_at_most_48_characters_even_on_a_clash(db):
    label = "Describe the measurable outcomes for patients and staff"
    form = build_entry_form(
        [section("One", ("long_text", {"label": label}), ("long_text", {"label": label}))]
    )
    first, second = keys(form)
    assert first == "describe_the_measurable_outcomes_for_patients_an"
    assert second == "describe_the_measurable_outcomes_for_patients_2"


def test_a_key_is_kept_when_the_label_changes_and_the_form_is_saved_again(db):
    form = build_entry_form([section("One", ("short_text", {"label": "Team name"}))])
    raw = list(form.sections.raw_data)
    raw[0]["value"]["questions"][0]["value"]["label"] = "Name of your team"
    form.sections = raw
    form.full_clean()
    form.save()
    form.refresh_from_db()
    assert keys(form) == ["team_name"]


def test_a_stored_key_cannot_be_changed_by_code(db):
    form = build_entry_form([section("One", question("short_text", "team_name"))])
    raw = list(form.sections.raw_data)
    raw[0]["value"]["questions"][0]["value"]["key"] = "renamed"
    form.sections = raw
    with pytest.raises(ValidationError) as refused:
        form.full_clean()
    assert question_errors(refused.value) == {
        (0, 0): ["This question’s key is “team_name” and cannot be changed."]
    }


def test_a_stored_key_made_before_the_rules_is_kept_when_the_form_is_edited(db):
    """Keys typed before keys were made (e.g. the demo's old ``co-design_engagement``)
    still name entrants' answers; an edit keeps them rather than locking the form."""
    form = build_entry_form([section("One", question("long_text", "context"))])
    raw = list(form.sections.raw_data)
    raw[0]["value"]["questions"][0]["value"]["key"] = "co-design_engagement"
    EntryForm.objects.filter(pk=form.pk).update(sections=raw)
    form.refresh_from_db()
    raw = list(form.sections.raw_data)
    raw[0]["value"]["questions"][0]["value"]["label"] = "Engagement"
    form.sections = raw
    form.full_clean()
    form.save()
    assert keys(form) == ["co-design_engagement"]


def test_the_demo_entry_form_has_valid_keys(db):
    from forms.demo import demo_entry_form
    from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY

    for seed in (PERFORMANCE_RECOVERY, COMMUNITY_PARTNERSHIP):
        form = demo_entry_form(f"{seed['criteria'][0][0]} form", seed["criteria"])
        form.full_clean()
        for key in keys(form):
            assert re.fullmatch(r"[a-z][a-z0-9_]{0,47}", key), key
        # Loading the demo again keeps every key.
        assert keys(demo_entry_form(form.title, seed["criteria"])) == keys(form)


# The Wagtail snippet editor, as an editor (or a forged POST) uses it.


def posted(form_title: str, raw_sections: list[dict], **extra) -> dict:
    """What the snippet editor posts for a form of text and file questions, with block ids."""
    data = {
        "title": form_title,
        "intro": rich_text("<p>Intro</p>", features=GUIDANCE_FEATURES),
        "sections-count": str(len(raw_sections)),
        **extra,
    }
    for s, raw in enumerate(raw_sections):
        prefix = f"sections-{s}"
        value = raw["value"]
        data |= {
            f"{prefix}-type": "section",
            f"{prefix}-id": raw.get("id") or "",
            f"{prefix}-deleted": "",
            f"{prefix}-order": str(s),
            f"{prefix}-value-heading": value["heading"],
            f"{prefix}-value-criterion": value.get("criterion") or "",
            f"{prefix}-value-guidance": rich_text("<p>Guidance</p>", features=GUIDANCE_FEATURES),
            f"{prefix}-value-questions-count": str(len(value["questions"])),
        }
        for q, child in enumerate(value["questions"]):
            qp = f"{prefix}-value-questions-{q}"
            answer = child["value"]
            data |= {
                f"{qp}-type": child["type"],
                f"{qp}-id": child.get("id") or "",
                f"{qp}-deleted": "",
                f"{qp}-order": str(q),
                f"{qp}-value-label": answer["label"],
                f"{qp}-value-help_text": answer.get("help_text") or "",
                f"{qp}-value-key": answer.get("key") or "",
                f"{qp}-value-min_words": answer.get("min_words") or "",
                f"{qp}-value-max_words": answer.get("max_words") or "",
            }
            if answer.get("required"):
                data[f"{qp}-value-required"] = "on"
            if child["type"] == "file":
                data[f"{qp}-value-file_types"] = answer["file_types"]
                data[f"{qp}-value-max_size_mb"] = str(answer["max_size_mb"])
    return data


def new_question(block_type: str, label: str, key: str = "") -> dict:
    return {"type": block_type, "value": {"label": label, "key": key, "required": True}}


def new_section(heading: str, *questions: dict) -> dict:
    return {"type": "section", "value": {"heading": heading, "questions": list(questions)}}


def edit_url(form: EntryForm) -> str:
    return reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk])


def refused_in_admin(response) -> dict[tuple[int, int], list[str]]:
    assert response.status_code in (200, 400), response.status_code
    form = response.context["form"]
    assert "sections" in form.errors, form.errors
    return question_errors(ValidationError({"sections": form.errors["sections"].as_data()}))


@pytest.fixture
def editor_client(client, awards_editor):
    client.force_login(awards_editor)
    return client


def test_the_snippet_editor_makes_keys_from_labels(editor_client):
    raw = [
        new_section(
            "About you", new_question("short_text", "Team name"), new_question("email", "Email")
        )
    ]
    response = editor_client.post(
        reverse("wagtailsnippets_forms_entryform:add"),
        posted("Made in the admin", raw, **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    form = EntryForm.objects.get(title="Made in the admin")
    assert keys(form) == ["team_name", "email"]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_forged_key_on_a_new_question_cannot_be_saved_in_the_snippet_editor(editor_client, key):
    raw = [new_section("About you", new_question("short_text", "Team name", key=key))]
    response = editor_client.post(
        reverse("wagtailsnippets_forms_entryform:add"),
        posted("Forged", raw, **{"action-publish": "action-publish"}),
    )
    messages = refused_in_admin(response)
    assert list(messages) == [(0, 0)]
    assert "lower-case letters" in messages[(0, 0)][0]
    assert not EntryForm.objects.filter(title="Forged").exists()


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_forged_key_on_a_saved_question_cannot_be_saved_in_the_snippet_editor(
    editor_client, entry_form, key
):
    raw = list(entry_form.sections.raw_data)
    raw[1]["value"]["questions"][0]["value"]["key"] = key
    response = editor_client.post(
        edit_url(entry_form), posted(entry_form.title, raw, **{"action-publish": "action-publish"})
    )
    assert list(refused_in_admin(response)) == [(1, 0)]
    entry_form.refresh_from_db()
    assert "context" in keys(entry_form)
    assert all(key not in k for k in keys(entry_form))


def test_a_saved_question_keeps_its_key_when_renamed_in_the_snippet_editor(
    editor_client, entry_form
):
    raw = list(entry_form.sections.raw_data)
    raw[1]["value"]["questions"][0]["value"]["label"] = "Tell us the background"
    response = editor_client.post(
        edit_url(entry_form), posted(entry_form.title, raw, **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    entry_form.refresh_from_db()
    assert entry_form.definition.questions["context"].label == "Tell us the background"


def test_a_forged_change_to_a_saved_key_is_refused_in_the_snippet_editor(editor_client, entry_form):
    raw = list(entry_form.sections.raw_data)
    raw[1]["value"]["questions"][0]["value"]["key"] = "background"
    response = editor_client.post(
        edit_url(entry_form), posted(entry_form.title, raw, **{"action-publish": "action-publish"})
    )
    assert refused_in_admin(response) == {
        (1, 0): ["This question’s key is “context” and cannot be changed."]
    }
    entry_form.refresh_from_db()
    assert "background" not in keys(entry_form)


def test_a_forged_duplicate_key_is_refused_in_the_snippet_editor(editor_client, entry_form):
    raw = list(entry_form.sections.raw_data)
    raw.append(new_section("More", new_question("short_text", "More context", key="context")))
    response = editor_client.post(
        edit_url(entry_form), posted(entry_form.title, raw, **{"action-publish": "action-publish"})
    )
    assert refused_in_admin(response) == {
        (3, 0): ["Another question in this form already has the key “context”."]
    }


def test_a_duplicated_question_gets_a_key_of_its_own(editor_client, entry_form):
    """The editor's Duplicate button gives the copy a new block id and no key
    (static/js/question-key-block.js): the copy gets a key of its own, the
    original keeps its."""
    raw = list(entry_form.sections.raw_data)
    original = raw[1]["value"]["questions"][0]
    copy = {"type": original["type"], "id": "", "value": {**original["value"], "key": ""}}
    copy["value"]["label"] = "Context, again"
    raw[1]["value"]["questions"].append(copy)
    response = editor_client.post(
        edit_url(entry_form), posted(entry_form.title, raw, **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    entry_form.refresh_from_db()
    assert keys(entry_form)[2:5] == ["context", "notes", "context_again"]


class Inputs(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.inputs: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


def question_block(block_type: str):
    return (
        EntryForm._meta.get_field("sections")
        .stream_block.child_blocks["section"]
        .child_blocks["questions"]
        .child_blocks[block_type]
    )


def test_editors_never_type_the_key_it_sits_read_only_under_settings(editor_client, entry_form):
    response = editor_client.get(edit_url(entry_form))
    assert response.status_code == 200
    for block_type in ("short_text", "long_text", "single_choice", "file"):
        block = question_block(block_type)
        # Out of the way: behind the question's Settings button, not among its fields.
        assert block.meta.form_layout.settings == ["key"]
        assert "key" not in block.meta.form_layout.children
        assert block.child_blocks["key"].label == "Answer key"
    key_block = question_block("short_text").child_blocks["key"]
    (widget,) = Inputs(key_block.field.widget.render("k", "team_name")).inputs
    assert "readonly" in widget and widget["value"] == "team_name"
    # The editor's block definitions (a JSON attribute of the page) carry that widget.
    assert "Made from the question when you save" in response.content.decode()
