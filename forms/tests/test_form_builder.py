"""The form builder speaks editors' words (issue #14).

Each question type says what it is for and shows, in the block picker, the
question as entrants see it; fields are named as an editor would name them,
with sensible defaults; a question that cannot be saved says what to change.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django import forms as django_forms
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError

from awards.models import CategoryPage
from awards.tests.reading import text
from forms.models import EntryForm
from forms.tests.test_question_keys import new_section, posted

pytestmark = pytest.mark.django_db

QUESTION_TYPES = [
    "short_text",
    "long_text",
    "number",
    "email",
    "url",
    "date",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "file",
]


def question_block(block_type: str):
    section = EntryForm._meta.get_field("sections").stream_block.child_blocks["section"]
    return section.child_blocks["questions"].child_blocks[block_type]


def refusal(block_type: str, **value) -> dict[str, list[str]]:
    """The messages an editor sees on each field of a question that cannot be saved."""
    block = question_block(block_type)
    raw = {"label": "A question", "required": True, **value}
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python(raw))
    return {
        name: error.as_json_data().get("messages", [])
        if hasattr(error, "as_json_data")
        else error.messages
        for name, error in refused.value.block_errors.items()
    }


@pytest.mark.parametrize("block_type", QUESTION_TYPES)
def test_every_question_type_is_described_and_previewed_as_entrants_see_it(
    admin_client, block_type
):
    block = question_block(block_type)
    assert block.get_description()
    assert block.is_previewable
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser")
    group = shown.select_one(".block-preview .form-group")
    label = group.select_one("label.label, legend")
    assert text(label).startswith(block.meta.preview_value["label"])


def test_the_long_answer_preview_counts_words_against_its_500_word_limit(admin_client):
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"),
        {"id": question_block("long_text").definition_prefix},
    )
    shown = BeautifulSoup(response.content, "html.parser")
    assert text(shown.select_one(".word-count__message")) == "0 of 500 words"


def test_fields_are_named_in_editors_words_with_sensible_defaults():
    long_text = question_block("long_text")
    assert long_text.get_default()["max_words"] == 500
    assert long_text.child_blocks["label"].label == "Question"
    assert long_text.child_blocks["max_words"].label == "Word limit"
    file = question_block("file")
    assert file.child_blocks["max_size_mb"].label == "Maximum file size (MB)"
    assert isinstance(
        file.child_blocks["file_types"].field.widget, django_forms.CheckboxSelectMultiple
    )
    assert file.get_default()["file_types"] == ["pdf", "docx"]
    criteria = CategoryPage._meta.get_field("criteria").stream_block.child_blocks["section"]
    assert criteria.child_blocks["points"].child_block.label == "Bullet point"


def test_a_word_limit_below_the_minimum_says_what_to_change():
    assert refusal("long_text", min_words=600, max_words=500) == {
        "max_words": [
            "The word limit (500) is below the minimum (600). Raise the limit or lower the minimum."
        ]
    }


def test_number_limits_the_wrong_way_round_say_what_to_change():
    assert refusal("number", min_value="10", max_value="2") == {
        "max_value": [
            "The highest number allowed (2) is below the lowest (10). Swap them, or clear one."
        ]
    }


def test_a_choice_question_needs_distinct_choices():
    assert refusal("single_choice", choices=[], widget="radio") == {
        "choices": ["Add at least one choice for entrants to pick from."]
    }
    assert refusal("multiple_choice", choices=["Staff", "Patients", "Staff"]) == {
        "choices": [
            "“Staff” is listed more than once. Delete the copy, so each answer means one thing."
        ]
    }


def test_an_empty_question_or_file_types_say_what_to_fill_in():
    assert refusal("email", label="") == {"label": ["Type the question entrants will answer."]}
    assert refusal("file", file_types=[], max_size_mb=10) == {
        "file_types": ["Tick at least one file type entrants may upload."]
    }


def test_the_snippet_editor_shows_the_message_on_the_question(client, awards_editor):
    client.force_login(awards_editor)
    raw = [
        new_section(
            "About the project",
            {
                "type": "long_text",
                "value": {
                    "label": "Describe it",
                    "required": True,
                    "min_words": 50,
                    "max_words": 20,
                },
            },
        )
    ]
    response = client.post(
        reverse("wagtailsnippets_forms_entryform:add"),
        posted("Refused", raw, **{"action-publish": "action-publish"}),
    )
    assert response.status_code in (200, 400)
    assert "The word limit (20) is below the minimum (50)." in response.content.decode()
    assert not EntryForm.objects.filter(title="Refused").exists()


def test_a_section_without_questions_says_what_to_do():
    section = EntryForm._meta.get_field("sections").stream_block.child_blocks["section"]
    value = section.to_python(
        {"heading": "Delivery", "criterion": "", "guidance": "", "questions": []}
    )
    with pytest.raises(StructBlockValidationError) as refused:
        section.clean(value)
    assert refused.value.block_errors["questions"].as_json_data()["messages"] == [
        "Add at least one question to this section, or delete the section."
    ]
