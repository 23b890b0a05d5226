"""Questions and sections asked only when an earlier answer calls for them.

An editor writes "Show only when the answer to <earlier question> is <answers>"
on a question or a whole section. The earlier question is a single choice,
multiple choice or yes/no question, named by its wording (or its key); the
answers are some of its choices. Here that condition is read into a frozen
``Condition`` and, for a set of answers, the questions that do not apply are
worked out, in form order: a question whose condition names a question that
itself does not apply does not apply either.

A question that does not apply is never required and never missing; its
answer stays in the draft (an entrant who changes their mind loses nothing)
but is left out of what is submitted, exported and read by judges
(``FormDefinition.applicable``).

The editor's refusals (a condition naming a later question, itself, an
unknown question or one that is not a choice) are in forms/condition_checks.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .definitions import FormDefinition, Question

CONDITION_TYPES = {"single_choice", "multiple_choice", "yes_no"}
YES_NO = ("yes", "no")


def normalise(text: str) -> str:
    """How wording is compared: "Type of organisation " and "type of Organisation" match."""
    return " ".join(str(text or "").split()).casefold()


def answer_lines(raw: Any) -> list[str]:
    """The answers an editor typed, one per line, without empty lines."""
    if isinstance(raw, list | tuple):
        lines = [str(item) for item in raw]
    else:
        lines = str(raw or "").splitlines()
    return [line.strip() for line in lines if line.strip()]


def options_of(question_type: str, choices: Iterable[str]) -> tuple[str, ...]:
    """The answers a condition may name: a choice question's choices, or yes and no."""
    return YES_NO if question_type == "yes_no" else tuple(choices)


def match_option(text: str, options: Iterable[str]) -> str | None:
    """``text`` as one of ``options`` (compared without case or extra spaces), or None."""
    wanted = normalise(text)
    return next((option for option in options if normalise(option) == wanted), None)


@dataclass(frozen=True)
class Condition:
    """Show a question or section only when the question ``key`` was answered with one of
    ``values``. ``label`` and ``type`` are that question's, for the line entrants read."""

    key: str
    values: tuple[str, ...]
    label: str = ""
    type: str = "single_choice"

    def holds(self, answer: Any) -> bool:
        if isinstance(answer, list | tuple):
            return any(value in self.values for value in answer)
        return answer in self.values

    @property
    def values_json(self) -> str:
        """The values for the page's script (static/js/conditions.js), as a JSON list."""
        return json.dumps(list(self.values))

    @property
    def shown_values(self) -> list[str]:
        return [v.capitalize() if self.type == "yes_no" else v for v in self.values]

    @property
    def sentence(self) -> str:
        """What the page says without JavaScript, e.g. “Type” is Private sector or Charity."""
        values = self.shown_values
        listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
        verb = "includes" if self.type == "multiple_choice" else "is"
        return f"your answer to “{self.label}” {verb} {listed}"

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any] | None) -> Condition | None:
        if not data:
            return None
        return cls(
            key=data.get("key", ""),
            values=tuple(data.get("values") or ()),
            label=data.get("label", ""),
            type=data.get("type", "single_choice"),
        )


def resolve(raw: Mapping[str, Any] | None, earlier: Iterable[Question]) -> Condition | None:
    """The condition an editor wrote, pointed at one of the ``earlier`` questions.

    None when there is no condition, or when it cannot be followed (the editor's
    checks refuse such a form, so only data written around them gets here): a
    question is then asked as if it had no condition, rather than hidden.
    """
    raw = raw or {}
    name = str(raw.get("question") or "").strip()
    if not name:
        return None
    target = find_question(name, earlier)
    if target is None or target.type not in CONDITION_TYPES:
        return None
    options = options_of(target.type, target.choices)
    values = tuple(
        dict.fromkeys(
            value
            for value in (match_option(line, options) for line in answer_lines(raw.get("answers")))
            if value is not None
        )
    )
    if not values:
        return None
    return Condition(key=target.key, values=values, label=target.label, type=target.type)


def find_question(name: str, questions: Iterable[Question]) -> Question | None:
    """The question whose key is ``name``, else the one worded ``name``."""
    questions = list(questions)
    by_key = next((q for q in questions if q.key and q.key == name.strip()), None)
    if by_key is not None:
        return by_key
    return next((q for q in questions if normalise(q.label) == normalise(name)), None)


def hidden_keys(definition: FormDefinition, answers: Mapping[str, Any]) -> frozenset[str]:
    """The keys of the questions that do not apply to these answers, in form order."""
    hidden: set[str] = set()

    def holds(condition: Condition | None) -> bool:
        if condition is None:
            return True
        return condition.key not in hidden and condition.holds(answers.get(condition.key))

    for section in definition.sections:
        section_applies = holds(section.show_when)
        for question in section.questions:
            if not (section_applies and holds(question.show_when)):
                hidden.add(question.key)
    return frozenset(hidden)
