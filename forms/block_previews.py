"""What the block picker shows for each question type: the question as entrants see it.

Wagtail draws a block's ``preview_value`` with its preview template; a
question has no front-end template of its own (entrants' pages build
questions in Python, forms/question_html.py), so these mixins hand that
markup to ``forms/blocks/question_preview.html``.
"""

from __future__ import annotations

from typing import Any

PREVIEW_TEMPLATE = "forms/blocks/question_preview.html"


def _question(question_type: str, value, key: str):
    from .definitions import Question

    return Question.from_block(question_type, {**dict(value or {}), "key": key})


def _questions_html(questions) -> str:
    from .question_html import questions_html

    return questions_html([(q, None, None, None) for q in questions], show_all=False, entry=None)


class QuestionPreviewMixin:
    question_type = ""

    def get_preview_template(self, value, context=None):
        return PREVIEW_TEMPLATE

    def get_preview_context(self, value, parent_context=None) -> dict[str, Any]:
        context = dict(parent_context or {})
        question = _question(self.question_type, value, "preview")
        context["questions_html"] = _questions_html([question])
        return context


class SectionPreviewMixin:
    def get_preview_template(self, value, context=None):
        return PREVIEW_TEMPLATE

    def get_preview_context(self, value, parent_context=None) -> dict[str, Any]:
        context = dict(parent_context or {})
        questions = [
            _question(child.block_type, child.value, f"preview_{n}")
            for n, child in enumerate(value.get("questions") or [])
        ]
        context["heading"] = value.get("heading")
        context["guidance"] = value.get("guidance")
        context["questions_html"] = _questions_html(questions)
        return context
