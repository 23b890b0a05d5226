"""Question types editors put in an entry form, one block per type.

Every question has a key that is made from its label once, when the form is
first saved, and never derived from the label again: answers are stored
under it, so an editor can reword a question without orphaning a single
answer. Editors see it but cannot type in it (forms/question_keys.py has
the rules, checked when the form is saved).
"""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.field_block import FieldBlockAdapter

FILE_TYPES = [
    ("pdf", "PDF"),
    ("docx", "Word (.docx)"),
    ("xlsx", "Excel (.xlsx)"),
    ("pptx", "PowerPoint (.pptx)"),
    ("png", "PNG image"),
    ("jpg", "JPEG image"),
]


class QuestionKeyBlock(blocks.FieldBlock):
    """A question's key as the editor sees it: read-only, posted back unchanged.

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
                    "placeholder": "Made from the label when you save",
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


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=255)
    help_text = blocks.TextBlock(required=False, rows=2)
    required = blocks.BooleanBlock(required=False, default=True)
    key = QuestionKeyBlock(
        help_text="Made from the label when the question is first saved, and never changed: "
        "entrants' answers are stored under it."
    )

    question_type = ""

    class Meta:
        icon = "form"


class WordLimitedBlock(QuestionBlock):
    min_words = blocks.IntegerBlock(required=False, min_value=0)
    max_words = blocks.IntegerBlock(required=False, min_value=1)


class ShortTextBlock(WordLimitedBlock):
    question_type = "short_text"

    class Meta:
        icon = "pilcrow"
        label = "Short text"
        preview_value = {"label": "Organisation name", "required": True}
        description = "One line of text, such as a name or title"


class LongTextBlock(WordLimitedBlock):
    question_type = "long_text"

    class Meta:
        icon = "doc-full"
        label = "Long text"
        preview_value = {"label": "Describe the context", "max_words": 500}
        description = "A long answer with an optional word limit"


class NumberBlock(QuestionBlock):
    question_type = "number"
    min_value = blocks.DecimalBlock(required=False)
    max_value = blocks.DecimalBlock(required=False)

    class Meta:
        icon = "plus-inverse"
        label = "Number"
        preview_value = {"label": "Number of staff"}
        description = "A number"


class EmailBlock(QuestionBlock):
    question_type = "email"

    class Meta:
        icon = "mail"
        label = "Email address"
        preview_value = {"label": "Contact email"}
        description = "An email address"


class UrlBlock(QuestionBlock):
    question_type = "url"

    class Meta:
        icon = "link"
        label = "Web address"
        preview_value = {"label": "Project website"}
        description = "A web address (URL)"


class DateBlock(QuestionBlock):
    question_type = "date"

    class Meta:
        icon = "date"
        label = "Date"
        preview_value = {"label": "When did the project start?"}
        description = "A date (day, month, year)"


class SingleChoiceBlock(QuestionBlock):
    question_type = "single_choice"
    choices = blocks.ListBlock(blocks.CharBlock(max_length=255), min_num=1)
    widget = blocks.ChoiceBlock(
        choices=[("radio", "Radio buttons"), ("select", "Drop-down list")], default="radio"
    )

    class Meta:
        icon = "radio-full"
        label = "Single choice"
        preview_value = {"label": "Organisation type", "choices": ["NHS trust", "Charity"]}
        description = "Pick one option"


class MultipleChoiceBlock(QuestionBlock):
    question_type = "multiple_choice"
    choices = blocks.ListBlock(blocks.CharBlock(max_length=255), min_num=1)

    class Meta:
        icon = "tick-inverse"
        label = "Multiple choice"
        preview_value = {"label": "Who benefited?", "choices": ["Patients", "Staff"]}
        description = "Tick any that apply"


class YesNoBlock(QuestionBlock):
    question_type = "yes_no"

    class Meta:
        icon = "help"
        label = "Yes or no"
        preview_value = {"label": "Have you entered before?"}
        description = "A yes or no answer"


class FileBlock(QuestionBlock):
    question_type = "file"
    file_types = blocks.MultipleChoiceBlock(choices=FILE_TYPES, default=["pdf", "docx"])
    max_size_mb = blocks.IntegerBlock(default=10, min_value=1, max_value=50)

    class Meta:
        icon = "doc-empty"
        label = "File upload"
        preview_value = {"label": "Supporting document", "file_types": ["pdf"]}
        description = "A document uploaded with the entry"


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


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=160)
    guidance = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Shown above the questions, e.g. the criteria this section answers.",
    )
    questions = QuestionStreamBlock()

    class Meta:
        icon = "folder-open-inverse"
        label = "Section"
        description = "A group of questions with its own heading and progress"
        preview_value = {"heading": "Context and vision"}


class FormStreamBlock(blocks.StreamBlock):
    section = SectionBlock()
