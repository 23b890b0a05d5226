"""One question being drawn as HTML (forms/question_html.py): its ids, its answer, its problem.

Also the small builders every control shares. Each attribute value and each
piece of text goes through ``format_html`` (or ``conditional_escape``): a
question's key, made from its label, is snake case, but one stored before that
rule must still not break out of an ``id`` or a ``name``.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import conditional_escape, format_html, format_html_join

from .definitions import Question
from .validation import Problem


def escaped(value: Any) -> str:
    return conditional_escape("" if value is None else value)


def attrs(*pairs: tuple[str, Any]) -> str:
    """` name="value"` for each pair with a value, the value escaped."""
    return format_html_join("", ' {}="{}"', ((name, value) for name, value in pairs if value))


def flag(name: str, on: bool) -> str:
    """A boolean attribute such as ` checked`, or nothing."""
    return f" {name}" if on else ""


def described_by(*ids: str | None) -> str:
    return attrs(("aria-describedby", " ".join(i for i in ids if i)))


class Field:
    """One question being drawn: its ids, its answer and whether its problem is shown."""

    def __init__(self, q: Question, value: Any, file, problem: Problem | None, show: bool, entry):
        self.q, self.value, self.file, self.entry = q, value, file, entry
        self.fid = q.field_id
        self.name = q.key
        self.error = bool(problem) and show
        self.problem = problem
        self.hint_id = f"{self.fid}-hint" if q.help_text else None
        # "Answer this only if …", on a conditional question (forms/condition_html.py).
        self.condition_id = f"{self.fid}-condition" if q.show_when else None
        self.error_id = f"{self.fid}-error" if self.error else None

    @property
    def text_value(self) -> str:
        return escaped(self.value or "")

    def input(self, kind: str, *extra: tuple[str, Any], css: str = "input") -> str:
        css += " input--error" if self.error else ""
        return format_html(
            '<input class="{}" id="{}" name="{}" type="{}"{} value="{}"{}>',
            css,
            self.fid,
            self.name,
            kind,
            attrs(*extra),
            self.text_value,
            described_by(self.condition_id, self.hint_id, self.error_id),
        )
