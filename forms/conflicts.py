"""What differs between the text a page sent and the version another tab or device saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .answers import answer_text, is_answered
from .definitions import FormDefinition


@dataclass(frozen=True)
class Difference:
    key: str
    label: str
    yours: str
    saved: str


def _same(yours: Any, saved: Any) -> bool:
    if not is_answered(yours) and not is_answered(saved):
        return True
    return yours == saved


def differing_answers(
    definition: FormDefinition, posted: dict[str, Any], saved: dict[str, Any]
) -> list[Difference]:
    """The questions, in form order, whose posted answer is not the saved one."""
    return [
        Difference(
            key=question.key,
            label=question.label,
            yours=answer_text(posted[question.key]),
            saved=answer_text(saved.get(question.key)),
        )
        for question in definition.questions.values()
        if question.key in posted and not _same(posted[question.key], saved.get(question.key))
    ]
