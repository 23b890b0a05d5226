"""What the form builder says when a question cannot be saved: what is wrong and what to do.

Django's defaults ("This field is required.", "The minimum number of items
is 1") name no question and suggest nothing; each message here sits on the
field it is about and says how to put it right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)


def required_message(block, message: str):
    """Use ``message`` when the editor leaves ``block`` (a field block) empty."""
    block.field.error_messages["required"] = message
    return block


def _over(low, high) -> bool:
    return low not in (None, "") and high not in (None, "") and low > high


def question_problems(question_type: str, value: Mapping[str, Any]) -> dict[str, str]:
    """Each field of a question that cannot stand, with what to do about it."""
    problems: dict[str, str] = {}
    if _over(value.get("min_words"), value.get("max_words")):
        problems["max_words"] = (
            f"The word limit ({value['max_words']}) is below the minimum "
            f"({value['min_words']}). Raise the limit or lower the minimum."
        )
    if _over(value.get("min_value"), value.get("max_value")):
        problems["max_value"] = (
            f"The highest number allowed ({value['max_value']}) is below the lowest "
            f"({value['min_value']}). Swap them, or clear one."
        )
    if "choices" in value:
        choices = [c.strip() for c in value.get("choices") or [] if c and c.strip()]
        if not choices:
            problems["choices"] = "Add at least one choice for entrants to pick from."
        else:
            repeated = sorted({c for c in choices if choices.count(c) > 1})
            if repeated:
                problems["choices"] = (
                    f"“{repeated[0]}” is listed more than once. Delete the copy, "
                    "so each answer means one thing."
                )
    if question_type == "file" and not value.get("file_types"):
        problems["file_types"] = "Tick at least one file type entrants may upload."
    return problems


def check_question(question_type: str, value: Mapping[str, Any]) -> None:
    """Raise the problems ``question_problems`` finds, each on its own field."""
    problems = question_problems(question_type, value)
    if not problems:
        return
    errors: dict[str, ValidationError] = {}
    for name, message in problems.items():
        error = ValidationError(message, code="invalid")
        errors[name] = (
            ListBlockValidationError(non_block_errors=[error]) if name == "choices" else error
        )
    raise StructBlockValidationError(block_errors=errors)


def check_section(value: Mapping[str, Any]) -> None:
    """A section needs a question: say so on its questions, not "This field is required"."""
    if not value.get("questions"):
        error = ValidationError(
            "Add at least one question to this section, or delete the section.", code="required"
        )
        raise StructBlockValidationError(
            block_errors={"questions": StreamBlockValidationError(non_block_errors=[error])}
        )
