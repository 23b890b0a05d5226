"""Question types editors put in an entry form, one block per type, in editors' words.

Every question has a key that is made from its label once, when the form is
first saved, and never derived from the label again: answers are stored
under it, so an editor can reword a question without orphaning a single
answer. Editors never type it: it sits, read-only, behind each question's
Settings button (forms/question_keys.py has the rules, checked when the
form is saved).

Each block says what it is for (``description``) and shows, in the block
picker, a question as entrants see it (``preview_value`` drawn by
``forms/block_previews.py``).
"""

from django import forms
from wagtail import blocks

from .block_checks import check_question, check_section, required_message
from .block_fields import (
    QuestionKeyBlock,
    choice_list,
    condition,
    layout,
    minimum_words,
    text_block,
    word_limit,
)
from .block_previews import QuestionPreviewMixin, SectionPreviewMixin
from .condition_checks import check_conditions

__all__ = [
    "FormStreamBlock",
    "QuestionKeyBlock",
]  # old migrations name forms.blocks.QuestionKeyBlock

FILE_TYPES = [
    ("pdf", "PDF"),
    ("docx", "Word (.docx)"),
    ("xlsx", "Excel (.xlsx)"),
    ("pptx", "PowerPoint (.pptx)"),
    ("png", "PNG image"),
    ("jpg", "JPEG image"),
]
LONG_ANSWER_WORDS = 500
LONG_ANSWER_PREVIEW = {
    "label": "Describe the context",
    "help_text": "Use evidence and figures where you can.",
    "required": True,
    "max_words": LONG_ANSWER_WORDS,
}


class QuestionBlock(QuestionPreviewMixin, blocks.StructBlock):
    label = text_block(
        "Question",
        "Type the question entrants will answer.",
        max_length=255,
        help_text="What entrants read, e.g. “Describe the context of your project”.",
    )
    help_text = blocks.TextBlock(
        required=False,
        rows=2,
        label="Hint",
        help_text="Shown under the question: what to include, or where to find it.",
    )
    required = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Entrants must answer this",
        help_text="Drafts save without it; an entry cannot be submitted until it is answered.",
    )
    key = QuestionKeyBlock(
        label="Answer key",
        help_text="Made from the question when it is first saved, and never changed: "
        "entrants' answers and exports use it.",
    )
    show_when = condition("this question")

    question_type = ""

    class Meta:
        icon = "form"
        form_layout = layout()

    def clean(self, value):
        value = super().clean(value)
        check_question(self.question_type, value)
        return value


class ShortTextBlock(QuestionBlock):
    question_type = "short_text"
    min_words = minimum_words()
    max_words = word_limit()

    class Meta:
        icon = "pilcrow"
        label = "Short answer"
        form_layout = layout("min_words", "max_words")
        preview_value = {"label": "Organisation name", "required": True, "max_words": 30}
        description = "One line of text, such as a name or a title"


class LongTextBlock(QuestionBlock):
    question_type = "long_text"
    min_words = minimum_words()
    max_words = word_limit(default=LONG_ANSWER_WORDS)

    class Meta:
        icon = "doc-full"
        label = "Long answer"
        form_layout = layout("min_words", "max_words")
        preview_value = LONG_ANSWER_PREVIEW
        description = "Paragraphs of text with a live word count (500 words unless you change it)"


class NumberBlock(QuestionBlock):
    question_type = "number"
    min_value = blocks.DecimalBlock(required=False, label="Lowest number allowed")
    max_value = blocks.DecimalBlock(required=False, label="Highest number allowed")

    class Meta:
        icon = "plus-inverse"
        label = "Number"
        form_layout = layout("min_value", "max_value")
        preview_value = {"label": "Number of staff", "required": True}
        description = "A number, such as a count or an amount, with optional limits"


class EmailBlock(QuestionBlock):
    question_type = "email"

    class Meta:
        icon = "mail"
        label = "Email address"
        preview_value = {"label": "Contact email", "required": True}
        description = "An email address, checked for the right shape"


class UrlBlock(QuestionBlock):
    question_type = "url"

    class Meta:
        icon = "link"
        label = "Web address"
        preview_value = {"label": "Project website", "required": False}
        description = "A web address (URL), such as a project's website"


class DateBlock(QuestionBlock):
    question_type = "date"

    class Meta:
        icon = "date"
        label = "Date"
        preview_value = {"label": "When did the project start?", "required": True}
        description = "A date, typed as day, month and year"


class SingleChoiceBlock(QuestionBlock):
    question_type = "single_choice"
    choices = choice_list()
    widget = blocks.ChoiceBlock(
        choices=[("radio", "Radio buttons"), ("select", "Drop-down list")],
        default="radio",
        label="Show the choices as",
        help_text="Radio buttons for a few choices; a drop-down list for many.",
    )

    class Meta:
        icon = "radio-full"
        label = "Single choice"
        form_layout = layout("choices", "widget")
        preview_value = {
            "label": "Type of organisation",
            "required": True,
            "choices": ["NHS trust", "Charity", "Private sector"],
        }
        description = "Entrants pick one of the choices you list"


class MultipleChoiceBlock(QuestionBlock):
    question_type = "multiple_choice"
    choices = choice_list()

    class Meta:
        icon = "tick-inverse"
        label = "Multiple choice"
        form_layout = layout("choices")
        preview_value = {
            "label": "Who benefited?",
            "required": True,
            "choices": ["Patients", "Staff", "Carers"],
        }
        description = "Entrants tick any of the choices you list"


class YesNoBlock(QuestionBlock):
    question_type = "yes_no"

    class Meta:
        icon = "help"
        label = "Yes or no"
        preview_value = {"label": "Have you entered these awards before?", "required": True}
        description = "A yes or no answer, such as a declaration"


class FileBlock(QuestionBlock):
    question_type = "file"
    file_types = required_message(
        blocks.MultipleChoiceBlock(
            choices=FILE_TYPES,
            default=["pdf", "docx"],
            widget=forms.CheckboxSelectMultiple,
            label="File types allowed",
        ),
        "Tick at least one file type entrants may upload.",
    )
    max_size_mb = blocks.IntegerBlock(
        default=10,
        min_value=1,
        max_value=50,
        label="Maximum file size (MB)",
        help_text="From 1 to 50.",
    )

    class Meta:
        icon = "doc-empty"
        label = "File upload"
        form_layout = layout("file_types", "max_size_mb")
        preview_value = {
            "label": "Supporting document",
            "required": False,
            "file_types": ["pdf", "docx"],
            "max_size_mb": 10,
        }
        description = "A document entrants upload, such as evidence or a letter of support"


class QuestionStreamBlock(blocks.StreamBlock):
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    number = NumberBlock()
    email = EmailBlock()
    url = UrlBlock()
    date = DateBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    file = FileBlock()


class SectionBlock(SectionPreviewMixin, blocks.StructBlock):
    heading = text_block("Heading", "Give the section a heading, e.g. “Delivery”.", max_length=160)
    criterion = blocks.CharBlock(
        required=False,
        max_length=120,
        label="Criteria it answers",
        help_text="The heading of a criteria section on the category page, e.g. “Delivery”. "
        "Entrants see that category's criteria here, written once on the category page; a form "
        "shared by several categories shows each one's own.",
    )
    guidance = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link", "ul", "ol"],
        label="Guidance",
        help_text="Shown above the questions when the category has no criteria of that name, "
        "or none is named.",
    )
    show_when = condition("this section")
    questions = QuestionStreamBlock(label="Questions")

    def clean(self, value):
        check_section(value)
        return super().clean(value)

    class Meta:
        icon = "folder-open-inverse"
        label = "Section"
        description = "A group of questions with its own heading, criteria and progress"
        preview_value = {
            "heading": "Delivery",
            "guidance": "<p>How is the vision being achieved? Evidence the improvements.</p>",
            "questions": [("long_text", LONG_ANSWER_PREVIEW)],
        }


class FormStreamBlock(blocks.StreamBlock):
    """A form's sections; its conditions are checked here, where every question is in sight."""

    section = SectionBlock()

    def clean(self, value):
        value = super().clean(value)
        check_conditions(value)
        return value
