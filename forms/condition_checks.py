"""What the form builder says about a condition that cannot work, on the field it is about.

A condition may name only a single choice, multiple choice or yes/no question
asked before the question (or, for a section, before the section) it
belongs to, and only answers that question offers. Anything else is refused
when the form is saved: a condition naming a later question, the question
itself, a question that is not in the form (removed or reworded) or one
with free-text answers could never be met, or met only by accident.

The checks run on the whole form's stream (``FormStreamBlock.clean``),
where every question is in sight; each problem is raised on its own
question's, or section's, condition.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from .conditions import CONDITION_TYPES, answer_lines, match_option, normalise, options_of

TYPE_NAMES = {
    "short_text": "a short answer",
    "long_text": "a long answer",
    "number": "a number",
    "email": "an email address",
    "url": "a web address",
    "date": "a date",
    "file": "a file upload",
}


@dataclass(frozen=True)
class Asked:
    """A question as the checks see it: where it stands in the form, and what it offers."""

    position: int
    section: int
    key: str
    label: str
    type: str
    choices: tuple[str, ...]


def _asked(sections: Sequence[Any]) -> list[Asked]:
    found, position = [], 0
    for section_index, section in enumerate(sections):
        for child in section.value.get("questions") or []:
            value = child.value
            choices = tuple(c for c in value.get("choices") or () if c and str(c).strip())
            found.append(
                Asked(
                    position,
                    section_index,
                    value.get("key") or "",
                    value.get("label") or "",
                    child.block_type,
                    choices,
                )
            )
            position += 1
    return found


def _named(name: str, asked: list[Asked]) -> list[Asked]:
    by_key = [a for a in asked if a.key and a.key == name.strip()]
    return by_key or [a for a in asked if normalise(a.label) == normalise(name)]


def condition_problem(
    condition: Mapping[str, Any] | None, asked: list[Asked], *, before: int, itself: int | None
) -> dict[str, str]:
    """What is wrong with one condition, by field ("question" or "answers"), if anything.

    ``before``: the position of the first question the condition may not name (the
    question's own, or its section's first); ``itself``: the question's own position.
    """
    condition = condition or {}
    name = str(condition.get("question") or "").strip()
    answers = answer_lines(condition.get("answers"))
    if not name:
        if answers:
            return {
                "question": "Type the earlier question whose answer shows this, or clear "
                "the answers below to always ask it."
            }
        return {}
    named = _named(name, asked)
    if not named:
        return {
            "question": f"No question in this form is called “{name}”. Type the wording of a "
            "single choice, multiple choice or yes/no question asked before this one, as it "
            "is now, or clear this box to always ask it."
        }
    target = named[0]
    if itself is not None and target.position == itself:
        return {
            "question": "A question cannot depend on its own answer. Name a question asked "
            "before this one."
        }
    if target.position >= before:
        where = "in or after this section" if itself is None else "after this one"
        return {
            "question": f"“{target.label}” is asked {where}, so entrants would not have "
            "answered it yet. Name a question asked earlier in the form."
        }
    if target.type not in CONDITION_TYPES:
        return {
            "question": f"“{target.label}” is {TYPE_NAMES.get(target.type, 'a free answer')}. "
            "A condition needs a single choice, multiple choice or yes/no question, "
            "whose answers are known in advance."
        }
    options = options_of(target.type, target.choices)
    listed = ", ".join(o.capitalize() if target.type == "yes_no" else o for o in options)
    if not answers:
        return {
            "answers": f"Type the answers to “{target.label}” that show this, one per line "
            f"(from: {listed})."
        }
    unknown = [line for line in answers if match_option(line, options) is None]
    if unknown:
        return {
            "answers": f"“{unknown[0]}” is not an answer to “{target.label}”. "
            f"Use its answers as written: {listed}."
        }
    return {}


def _condition_error(problems: dict[str, str]) -> StructBlockValidationError:
    return StructBlockValidationError(
        block_errors={
            name: ValidationError(message, code="invalid") for name, message in problems.items()
        }
    )


def check_conditions(sections: Sequence[Any]) -> None:
    """Raise every refused condition of a form's sections (a StreamValue), each on its field."""
    asked = _asked(sections)
    section_errors: dict[int, StructBlockValidationError] = {}
    for section_index, section in enumerate(sections):
        own = [a for a in asked if a.section == section_index]
        first = own[0].position if own else len([a for a in asked if a.section < section_index])
        errors: dict[str, Any] = {}
        problems = condition_problem(
            section.value.get("show_when"), asked, before=first, itself=None
        )
        if problems:
            errors["show_when"] = _condition_error(problems)
        question_errors = {}
        for index, (child, me) in enumerate(
            zip(section.value.get("questions") or [], own, strict=False)
        ):
            problems = condition_problem(
                child.value.get("show_when"), asked, before=me.position, itself=me.position
            )
            if problems:
                question_errors[index] = StructBlockValidationError(
                    block_errors={"show_when": _condition_error(problems)}
                )
        if question_errors:
            errors["questions"] = StreamBlockValidationError(block_errors=question_errors)
        if errors:
            section_errors[section_index] = StructBlockValidationError(block_errors=errors)
    if section_errors:
        raise StreamBlockValidationError(block_errors=section_errors)
