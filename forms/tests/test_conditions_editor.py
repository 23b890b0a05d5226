"""The form builder refuses a condition that could never work, saying why on its field."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError

from forms.models import EntryForm
from forms.tests.test_question_keys import new_section, posted

pytestmark = pytest.mark.django_db

TYPE = {
    "type": "single_choice",
    "value": {
        "label": "Type of organisation",
        "key": "",
        "required": True,
        "choices": ["NHS trust", "Private sector"],
    },
}


def asked(label: str, show_when: dict | None = None, block_type: str = "short_text") -> dict:
    value = {"label": label, "key": "", "required": True, "show_when": show_when or {}}
    return {"type": block_type, "value": value}


def refusals(*sections: dict) -> dict[tuple, dict[str, list[str]]]:
    """{(section, question or None): {field of the condition: messages}} for a form's sections."""
    block = EntryForm._meta.get_field("sections").stream_block
    value = block.to_python(list(sections))
    with pytest.raises(StreamBlockValidationError) as refused:
        block.clean(value)
    found = {}
    for s, section_error in refused.value.block_errors.items():
        errors = section_error.block_errors
        if "show_when" in errors:
            found[(s, None)] = _messages(errors["show_when"])
        for q, question_error in getattr(errors.get("questions"), "block_errors", {}).items():
            found[(s, q)] = _messages(question_error.block_errors["show_when"])
    return found


def _messages(error) -> dict[str, list[str]]:
    return {name: e.messages for name, e in error.block_errors.items()}


def test_a_condition_on_a_later_question_is_refused():
    found = refusals(
        new_section(
            "About you",
            asked(
                "Company number", {"question": "Type of organisation", "answers": "Private sector"}
            ),
            TYPE,
        )
    )
    assert found == {
        (0, 0): {
            "question": [
                "“Type of organisation” is asked after this one, so entrants would not have "
                "answered it yet. Name a question asked earlier in the form."
            ]
        }
    }


def test_a_condition_on_itself_is_refused():
    own = {
        **TYPE,
        "value": {
            **TYPE["value"],
            "show_when": {"question": "Type of organisation", "answers": "NHS trust"},
        },
    }
    found = refusals(new_section("About you", own))
    assert found[(0, 0)]["question"] == [
        "A question cannot depend on its own answer. Name a question asked before this one."
    ]


def test_a_condition_on_a_removed_or_reworded_question_is_refused():
    found = refusals(
        new_section(
            "About you", TYPE, asked("Company number", {"question": "Sector", "answers": "Private"})
        )
    )
    assert found[(0, 1)]["question"][0].startswith("No question in this form is called “Sector”.")


def test_a_condition_on_a_free_text_question_is_refused():
    found = refusals(
        new_section(
            "About you",
            asked("Organisation name"),
            asked("Company number", {"question": "Organisation name", "answers": "Acme"}),
        )
    )
    assert found[(0, 1)]["question"] == [
        "“Organisation name” is a short answer. A condition needs a single choice, multiple "
        "choice or yes/no question, whose answers are known in advance."
    ]


def test_answers_the_question_does_not_offer_are_refused():
    found = refusals(
        new_section(
            "About you",
            TYPE,
            asked("Company number", {"question": "type of organisation", "answers": "Charity"}),
        )
    )
    assert found[(0, 1)]["answers"] == [
        "“Charity” is not an answer to “Type of organisation”. "
        "Use its answers as written: NHS trust, Private sector."
    ]


def test_a_section_may_not_depend_on_its_own_questions():
    section = new_section("Partnership", asked("Partner name"), asked("Anything else"))
    section["value"]["show_when"] = {"question": "Partner name", "answers": "Yes"}
    found = refusals(new_section("About you", TYPE), section)
    assert found[(1, None)]["question"][0].startswith(
        "“Partner name” is asked in or after this section"
    )


def test_good_conditions_pass():
    block = EntryForm._meta.get_field("sections").stream_block
    later = new_section(
        "Company",
        asked("Company number", {"question": "Type of organisation", "answers": "private SECTOR"}),
    )
    later["value"]["show_when"] = {"question": "Type of organisation", "answers": "Private sector"}
    block.clean(block.to_python([new_section("About you", TYPE), later]))


def test_the_snippet_editor_shows_the_refusal_and_saves_nothing(client, awards_editor):
    client.force_login(awards_editor)
    raw = [new_section("About you", asked("Company number"), asked("Organisation name"))]
    data = posted("Refused condition", raw, **{"action-publish": "action-publish"})
    data["sections-0-value-questions-0-value-show_when-question"] = "Organisation name"
    data["sections-0-value-questions-0-value-show_when-answers"] = "Acme"
    response = client.post(reverse("wagtailsnippets_forms_entryform:add"), data)
    assert response.status_code in (200, 400)
    errors = response.context["form"].errors["sections"].as_data()
    assert "“Organisation name” is asked after this one" in json.dumps(
        [error.as_json_data() for error in errors], ensure_ascii=False
    )
    assert not EntryForm.objects.filter(title="Refused condition").exists()
