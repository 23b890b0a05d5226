"""StreamField blocks for category criteria and guidance pages."""

from wagtail import blocks

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class CriteriaSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        help_text="Entry form sections that answer these criteria name this heading.",
    )
    text = blocks.RichTextBlock(required=False, features=RICH_FEATURES)
    points = blocks.ListBlock(
        blocks.TextBlock(rows=2, label="Bullet point"), required=False, label="Bullet points"
    )
    weight = blocks.DecimalBlock(
        required=False,
        min_value=0,
        max_value=10,
        decimal_places=1,
        default=1,
        help_text="How much judges' scores for this section count: 2 counts twice as much as 1.",
    )

    class Meta:
        icon = "list-ul"
        template = "awards/blocks/criteria_section.html"
        description = "A criteria heading with text and/or bullet points"
        preview_value = {
            "heading": "Delivery",
            "text": "",
            "points": ["How is the vision being achieved?", "Evidence the improvements so far."],
        }


class StepBlock(blocks.CharBlock):
    class Meta:
        icon = "order"
        description = "One step of how to apply"
        preview_value = "Register an account."


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_FEATURES)
    important = blocks.BooleanBlock(required=False, help_text="Use the accent colour.")

    class Meta:
        icon = "warning"
        template = "awards/blocks/callout.html"
        description = "A highlighted box for something entrants must not miss"
        preview_value = {"heading": "Deadline", "text": "<p>Entries close at noon.</p>"}


class FaqBlock(blocks.StructBlock):
    questions = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(max_length=200)),
                ("answer", blocks.RichTextBlock(features=RICH_FEATURES)),
            ]
        )
    )

    class Meta:
        icon = "help"
        template = "awards/blocks/faq.html"
        description = "Questions and answers that open and close"
        preview_value = {
            "questions": [
                {"question": "Can I enter twice?", "answer": "<p>Yes, in two categories.</p>"}
            ]
        }


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "awards/blocks/heading.html"
        description = "A section heading"
        preview_value = "How judging works"


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_FEATURES + ["h3"],
        icon="pilcrow",
        description="Text with links and lists",
        preview_value="<p>Read the criteria before you start.</p>",
    )
    callout = CalloutBlock()
    faq = FaqBlock()


class CriteriaStreamBlock(blocks.StreamBlock):
    section = CriteriaSectionBlock()


class StepsStreamBlock(blocks.StreamBlock):
    step = StepBlock()
