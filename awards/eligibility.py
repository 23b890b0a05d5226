"""A category's eligibility check: asked before "Start your entry" (forms/eligibility.py).

Editors write a few yes/no or choice questions, each with the answers that
qualify, a message for those who do not, and optionally another category to
suggest. A category without questions starts entries at once.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.blocks import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from forms.conditions import answer_lines, match_option
from forms.eligibility import EligibilityQuestion, Refusal

from .blocks import RICH_FEATURES

YES_NO = ("Yes", "No")


class EligibilityQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=255,
        help_text="e.g. “Is your organisation in the private sector?”",
    )
    help_text = blocks.TextBlock(required=False, rows=2, label="Hint")


class YesNoEligibilityBlock(EligibilityQuestionBlock):
    qualifying = blocks.ChoiceBlock(
        choices=[(answer, answer) for answer in YES_NO],
        default="Yes",
        label="The answer that can enter",
    )

    class Meta:
        icon = "help"
        label = "Yes or no"
        description = "A yes or no question, and which answer can enter"
        preview_value = {"question": "Do you work in partnership with an NHS organisation?"}


class ChoiceEligibilityBlock(EligibilityQuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(max_length=255, label="Choice"), label="Choices")
    qualifying = blocks.TextBlock(
        rows=2,
        label="Answers that can enter",
        help_text="One per line, as written in the choices.",
    )

    class Meta:
        icon = "radio-full"
        label = "Choice"
        description = "Entrants pick one of the choices; you say which can enter"
        preview_value = {
            "question": "What type of organisation are you?",
            "choices": ["NHS organisation", "Private sector", "Charity"],
            "qualifying": "Private sector",
        }

    def clean(self, value):
        value = super().clean(value)
        choices = [c for c in value.get("choices") or [] if c and c.strip()]
        qualifying = answer_lines(value.get("qualifying"))
        unknown = [line for line in qualifying if match_option(line, choices) is None]
        if not qualifying or unknown:
            listed = ", ".join(choices) or "add choices first"
            message = (
                f"“{unknown[0]}” is not one of the choices. " if unknown else ""
            ) + f"Type the answers that can enter, one per line, from: {listed}."
            raise StructBlockValidationError(
                block_errors={"qualifying": ValidationError(message, code="invalid")}
            )
        return value


class EligibilityStreamBlock(blocks.StreamBlock):
    yes_no = YesNoEligibilityBlock()
    choice = ChoiceEligibilityBlock()

    class Meta:
        max_num = 5


class EligibilityCheck(models.Model):
    """The category's side of forms.eligibility: its questions and its refusal."""

    eligibility_check = StreamField(
        EligibilityStreamBlock(),
        blank=True,
        verbose_name="eligibility questions",
        help_text="Asked before an entry starts. Leave empty to let anyone start an entry.",
    )
    not_eligible_message = RichTextField(
        blank=True,
        features=RICH_FEATURES,
        verbose_name="message for those who cannot enter",
        help_text="e.g. “This award is for private sector organisations working with the NHS.”",
    )
    suggested_category = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="category to suggest instead",
        help_text="Shown to those who cannot enter, as “You may be eligible for …”.",
    )

    eligibility_panel = MultiFieldPanel(
        [
            FieldPanel("eligibility_check"),
            FieldPanel("not_eligible_message"),
            PageChooserPanel("suggested_category", page_type="awards.CategoryPage"),
        ],
        heading="Eligibility check",
        classname="collapsed",
    )

    class Meta:
        abstract = True

    def eligibility_questions(self) -> list[EligibilityQuestion]:
        questions = []
        for number, block in enumerate(self.eligibility_check.raw_data or [], start=1):
            value = block.get("value") or {}
            if block.get("type") == "yes_no":
                options = YES_NO
                qualifying = (value.get("qualifying") or "Yes",)
            else:
                options = tuple(
                    item.get("value") if isinstance(item, dict) else item
                    for item in value.get("choices") or []
                )
                options = tuple(o for o in options if o and o.strip())
                qualifying = tuple(
                    match
                    for match in (
                        match_option(line, options)
                        for line in answer_lines(value.get("qualifying"))
                    )
                    if match
                )
            questions.append(
                EligibilityQuestion(
                    label=value.get("question") or "",
                    options=options,
                    qualifying=qualifying,
                    help_text=value.get("help_text") or "",
                    number=number,
                )
            )
        return questions

    def eligibility_refusal(self) -> Refusal:
        page = self.suggested_category
        live = page is not None and page.live and page.url
        return Refusal(
            message=str(RichText(self.not_eligible_message)) if self.not_eligible_message else "",
            link_url=page.url if live else "",
            link_text=page.title if live else "",
        )
