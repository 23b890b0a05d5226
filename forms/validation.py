"""What stands between a draft and a submission: required answers, limits and formats.

Drafts are never validated on save; these checks run to show progress while
the entrant works and, strictly, at submit. A question that does not apply to
the answers given (forms/conditions.py) is never required, never missing and
never checked; a section none of whose questions applies is "Not needed".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from .answers import is_answered, parse_date_answer, word_count
from .definitions import FormDefinition, Question, Section


@dataclass(frozen=True)
class Problem:
    question: Question
    message: str
    section: int = 0

    @property
    def field_id(self) -> str:
        return self.question.field_id


class AnswerChecker:
    """One ``check_<type>`` method per question type; each returns a message or ''."""

    def check(self, question: Question, value: Any, has_file: bool) -> str:
        if question.is_file:
            return "" if has_file or not question.required else f"Upload “{question.label}”"
        if not is_answered(value):
            if not question.required:
                return ""
            verb = (
                "Select"
                if question.type in {"single_choice", "multiple_choice", "yes_no"}
                else "Enter"
            )
            return f"{verb} an answer for “{question.label}”"
        checker = getattr(self, f"check_{question.type}", None)
        return checker(question, value) if checker else ""

    def _words(self, question: Question, value: Any) -> str:
        count = word_count(value)
        if question.max_words and count > question.max_words:
            return (
                f"“{question.label}” must be {question.max_words} words or fewer (it has {count})"
            )
        if question.min_words and count < question.min_words:
            return (
                f"“{question.label}” must be at least {question.min_words} words (it has {count})"
            )
        return ""

    check_short_text = _words
    check_long_text = _words

    def check_number(self, question: Question, value: Any) -> str:
        try:
            number = Decimal(str(value).replace(",", "").strip())
        except InvalidOperation:
            return f"“{question.label}” must be a number"
        if not number.is_finite():
            return f"“{question.label}” must be a number"
        if question.min_value is not None and number < Decimal(question.min_value):
            return f"“{question.label}” must be {question.min_value} or more"
        if question.max_value is not None and number > Decimal(question.max_value):
            return f"“{question.label}” must be {question.max_value} or less"
        return ""

    def check_email(self, question: Question, value: Any) -> str:
        try:
            EmailValidator()(str(value).strip())
        except ValidationError:
            return f"Enter “{question.label}” as an email address, like name@example.org"
        return ""

    def check_url(self, question: Question, value: Any) -> str:
        try:
            URLValidator(schemes=["http", "https"])(str(value).strip())
        except ValidationError:
            return f"Enter “{question.label}” as a full web address, like https://www.example.org"
        return ""

    def check_date(self, question: Question, value: Any) -> str:
        if parse_date_answer(value) is None:
            return f"“{question.label}” must be a real date, like 27 3 2024"
        return ""

    def check_single_choice(self, question: Question, value: Any) -> str:
        return (
            "" if value in question.choices else f"Select one of the options for “{question.label}”"
        )

    def check_multiple_choice(self, question: Question, value: Any) -> str:
        unknown = [v for v in value if v not in question.choices]
        return f"Select only the options listed for “{question.label}”" if unknown else ""

    def check_yes_no(self, question: Question, value: Any) -> str:
        return "" if value in ("yes", "no") else f"Select yes or no for “{question.label}”"


def find_problems(
    definition: FormDefinition, answers: dict[str, Any], file_keys: set[str]
) -> list[Problem]:
    checker = AnswerChecker()
    problems = []
    hidden = definition.hidden_keys(answers)
    for section in definition.sections:
        for question in section.questions:
            if question.key in hidden:
                continue
            message = checker.check(question, answers.get(question.key), question.key in file_keys)
            if message:
                problems.append(Problem(question=question, message=message, section=section.number))
    return problems


@dataclass(frozen=True)
class SectionProgress:
    section: Section
    state: str  # "not_started" | "in_progress" | "completed" | "not_needed"
    problems: tuple[Problem, ...]

    @property
    def applies(self) -> bool:
        return self.state != "not_needed"

    @property
    def label(self) -> str:
        return {
            "not_started": "Not started",
            "in_progress": "In progress",
            "completed": "Completed",
            "not_needed": "Not needed",
        }[self.state]


def section_progress(
    definition: FormDefinition,
    answers: dict[str, Any],
    file_keys: set[str],
    problems: list[Problem],
) -> list[SectionProgress]:
    result = []
    hidden = definition.hidden_keys(answers)
    for section in definition.sections:
        if section.questions and all(q.key in hidden for q in section.questions):
            result.append(SectionProgress(section=section, state="not_needed", problems=()))
            continue
        own = tuple(p for p in problems if p.section == section.number)
        answered = any(
            (q.key in file_keys) if q.is_file else is_answered(answers.get(q.key))
            for q in section.questions
            if q.key not in hidden
        )
        # A section with nothing left to do is complete, even if all it asks is optional.
        state = "completed" if not own else ("in_progress" if answered else "not_started")
        result.append(SectionProgress(section=section, state=state, problems=own))
    return result
