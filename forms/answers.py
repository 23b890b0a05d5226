"""Reading answers out of a request: loosely, keeping exactly what was typed.

A draft accepts anything a person can type. The only things removed are
characters no database can store (NUL) and that nobody types on purpose
(other control characters except tab and newline).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.http import QueryDict

from publishing.templatetags.uk_dates import uk_date

from .definitions import FormDefinition, Question
from .exceptions import InvalidAnswers

MAX_ANSWER_CHARS = 50_000
MAX_CHOICES = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Answer = str | list[str] | dict[str, str]


def clean_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


class AnswerReader:
    """One ``read_<type>`` method per question type, found by name."""

    def read(self, question: Question, data: QueryDict) -> tuple[bool, Answer]:
        reader = getattr(self, f"read_{question.type}", self.read_text)
        return reader(question, data)

    def read_text(self, question: Question, data: QueryDict) -> tuple[bool, Answer]:
        if question.key not in data:
            return False, ""
        value = clean_text(data.get(question.key))
        if len(value) > MAX_ANSWER_CHARS:
            raise InvalidAnswers(
                f"Your answer to “{question.label}” is too long to save "
                f"({len(value):,} characters; the most we can keep is {MAX_ANSWER_CHARS:,})."
            )
        return True, value

    def read_multiple_choice(self, question: Question, data: QueryDict) -> tuple[bool, Answer]:
        if question.key not in data:
            return False, []
        values = [clean_text(v) for v in data.getlist(question.key)[:MAX_CHOICES]]
        return True, [v[:1000] for v in values if v]

    def read_date(self, question: Question, data: QueryDict) -> tuple[bool, Answer]:
        parts = {part: f"{question.key}-{part}" for part in ("day", "month", "year")}
        if not any(name in data for name in parts.values()):
            return False, {}
        return True, {part: clean_text(data.get(name, ""))[:10] for part, name in parts.items()}

    def read_file(self, question: Question, data: QueryDict) -> tuple[bool, Answer]:
        return False, ""  # files arrive through request.FILES and EntryFile, not answers


def read_answers(definition: FormDefinition, data: QueryDict) -> dict[str, Answer]:
    """The answers present in ``data``; questions not posted are left out (and kept as saved)."""
    reader = AnswerReader()
    answers: dict[str, Answer] = {}
    for question in definition.questions.values():
        present, value = reader.read(question, data)
        if present:
            answers[question.key] = value
    return answers


def word_count(text: Any) -> int:
    return len(text.split()) if isinstance(text, str) else 0


def is_answered(value: Any) -> bool:
    if isinstance(value, dict):
        return any(str(v).strip() for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return bool(str(value or "").strip())


def parse_date_answer(value: Any) -> datetime.date | None:
    if not isinstance(value, dict):
        return None
    try:
        return datetime.date(int(value["year"]), int(value["month"]), int(value["day"]))
    except (KeyError, TypeError, ValueError):
        return None


def answer_text(value: Any) -> str:
    """An answer as a person reads it: choices joined, a date as "1 April 2025"."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        day = parse_date_answer(value)
        if day is not None:
            return uk_date(day)
        parts = [value.get("day", ""), value.get("month", ""), value.get("year", "")]
        return "/".join(str(p) for p in parts if p)  # as typed, until it is a real date
    if value == "yes":
        return "Yes"
    if value == "no":
        return "No"
    return value or ""
