"""A new entry form drafted from a host page's criteria: one section per criterion.

An editor who has written a category's criteria should not type them again
to build its form. Each section drafted here names its criterion (so the
entrant reads the category's own text above it, forms/guidance.py) and asks
one long answer of up to 500 words; the editor changes what they like in the
form builder, previews it with the category's criteria and publishes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from wagtail.log_actions import log

from .blocks import LONG_ANSWER_WORDS
from .models import EntryForm

INTRO = (
    "<p>Answer each section below. Your answers save as you go, so you can stop at any "
    "time and come back on any device before the deadline.</p>"
)


def criterion_section(
    heading: str, *, key: str = "", max_words: int = LONG_ANSWER_WORDS
) -> tuple[str, dict]:
    """A section answering the criterion ``heading``: one long answer, guidance from the page.

    Without ``key`` the question's key is made from its label when the form is saved.
    """
    question = {
        "label": f"{heading}: your answer",
        "help_text": "Answer every point of the criteria above. "
        "Use evidence and figures where you can.",
        "required": True,
        "max_words": max_words,
    }
    if key:
        question["key"] = key
    return (
        "section",
        {
            "heading": heading,
            "criterion": heading,
            "guidance": "",
            "questions": [("long_text", question)],
        },
    )


def criteria_sections(headings: Sequence[str]) -> list[tuple[str, dict]]:
    """A section for each criterion: its heading, the criterion it answers, one long answer."""
    return [criterion_section(heading) for heading in headings if heading.strip()]


def draft_form_for_criteria(*, title: str, headings: Sequence[str], user) -> EntryForm:
    """Save a new, unpublished entry form with a section for each of ``headings``.

    Its question keys are made from the labels as it is saved; it reaches
    entrants only when an editor publishes it.
    """
    form = EntryForm(
        title=title,
        intro=INTRO,
        sections=criteria_sections(headings),
        live=False,
        has_unpublished_changes=True,
    )
    form.save()
    log(instance=form, action="wagtail.create", user=user)
    form.save_revision(user=user, log_action=True)
    return form
