"""The fields every question block is built from: the hidden key, word limits, choices.

A question's key is read-only and sits under the question's Settings button
(``layout``): editors never type it, and a copy made with the Duplicate
button starts without one (static/js/question-key-block.js).
"""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.field_block import FieldBlockAdapter

from .block_checks import required_message


class QuestionKeyBlock(blocks.FieldBlock):
    """A question's key: read-only, posted back unchanged, kept out of the editor's way.

    Empty on a new question until the form is saved; a copy made with the
    editor's Duplicate button starts empty too, to get a key of its own.
    """

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            widget=forms.TextInput(
                attrs={
                    "readonly": True,
                    "class": "question-key",
                    "placeholder": "Made from the question when you save",
                }
            ),
        )
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        return []


class QuestionKeyBlockAdapter(FieldBlockAdapter):
    js_constructor = "forms.blocks.QuestionKeyBlock"

    @cached_property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/telepath/blocks.js"),
                versioned_static("js/question-key-block.js"),
            ],
            css={"all": [versioned_static("css/question-key-block.css")]},
        )


register(QuestionKeyBlockAdapter(), QuestionKeyBlock)


def layout(*names: str) -> blocks.BlockGroup:
    """A question's fields in the editor: the common ones, its own, and the key under Settings."""
    return blocks.BlockGroup(
        children=["label", "help_text", "required", *names, "show_when"], settings=["key"]
    )


def text_block(label: str, message: str, **kwargs) -> blocks.CharBlock:
    block = blocks.CharBlock(label=label, **kwargs)
    required_message(block, message)
    return block


def word_limit(default: int | None = None) -> blocks.IntegerBlock:
    return blocks.IntegerBlock(
        required=False,
        min_value=1,
        default=default,
        label="Word limit",
        help_text="The most words entrants may write. Leave empty for no limit.",
    )


def minimum_words() -> blocks.IntegerBlock:
    return blocks.IntegerBlock(
        required=False,
        min_value=0,
        label="Minimum words",
        help_text="Leave empty if any length will do.",
    )


def choice_list() -> blocks.ListBlock:
    return blocks.ListBlock(
        text_block("Choice", "Type the choice, or delete this empty one.", max_length=255),
        label="Choices",
    )


class ConditionBlock(blocks.StructBlock):
    """ "Show only when the answer to <earlier question> is <answers>" (forms/conditions.py)."""

    question = blocks.CharBlock(
        required=False,
        max_length=255,
        label="The answer to",
        help_text="The wording of an earlier single choice, multiple choice or yes/no "
        "question, e.g. “Type of organisation”. Leave empty to always ask this.",
    )
    answers = blocks.TextBlock(
        required=False,
        rows=2,
        label="is one of",
        help_text="One answer per line, as that question lists it (for yes/no: Yes or No).",
    )

    class Meta:
        icon = "view"
        label = "Condition"
        # Folded, showing the question it names, until an editor opens it.
        collapsed = True


def condition(what: str) -> ConditionBlock:
    return ConditionBlock(label=f"Ask {what} only when…")
