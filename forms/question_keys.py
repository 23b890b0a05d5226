"""Question keys: made from the label when a question is first saved, then never changed.

A key names a question's answer in every entry, its fields on the entrant's
page and its files in downloads, so it is snake case (safe in an HTML id, a
form field name and a file name), unique within its form, and fixed: an
editor can reword the label without orphaning a single answer (as Wagtail's
``AbstractFormField.save`` sets ``clean_name`` once).

Editors never type a key: the snippet editor shows it read-only, and a
question copied with the Duplicate button arrives without one
(static/js/question-key-block.js). A key that arrives with a question is
the one it was saved with, one given by code (builders, the demo content) or
forged; ``settle_keys`` checks each against the saved form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

KEY_MAX_LENGTH = 48
KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,47}")
KEY_RULE = (
    "A key must be 1 to 48 lower-case letters (a to z), digits or underscores, "
    "starting with a letter."
)


def is_valid_key(key: str) -> bool:
    return bool(KEY_RE.fullmatch(key))


def key_from_label(label: str, fallback: str, taken: Iterable[str] = ()) -> str:
    """An ASCII snake-case key for ``label``, with _2, _3 … added if ``taken`` has it.

    ``fallback`` (a snake-case word such as the question type) is used when the
    label has no letters or digits that survive the conversion to ASCII.
    """
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"'", "", text.lower())
    base = re.sub(r"[^a-z0-9]+", "_", text).strip("_") or fallback
    if not base[0].isalpha():
        base = f"q_{base}"
    taken = set(taken)
    key, number = base[:KEY_MAX_LENGTH].rstrip("_"), 2
    while key in taken:
        suffix = f"_{number}"
        key = base[: KEY_MAX_LENGTH - len(suffix)].rstrip("_") + suffix
        number += 1
    return key


@dataclass(frozen=True)
class KeyProblem:
    """Why a question's key was refused, and where the question is (section, question)."""

    section: int
    question: int
    message: str


def _questions(raw_sections: list[dict[str, Any]]):
    for s, section in enumerate(raw_sections):
        for q, child in enumerate((section.get("value") or {}).get("questions") or []):
            yield s, q, child


def settle_keys(
    raw_sections: list[dict[str, Any]], stored: Mapping[str, set[str]]
) -> list[KeyProblem]:
    """Check every question's key, then make the missing ones; changes ``raw_sections`` in place.

    ``stored`` maps the block id of each question already saved to the key(s)
    it was saved with. Rules:

    - a saved question keeps its key: any other key, or none, is refused. A
      key saved before these rules (typed, e.g. with a hyphen) is kept too,
      because entrants' answers are stored under it;
    - any other key must match ``KEY_RE``;
    - no two questions in the form share a key;
    - a question without a key gets one made from its label.

    Nothing is made while a problem is returned.
    """
    questions = list(_questions(raw_sections))
    problems, seen = [], set()
    for s, q, child in questions:
        key = child["value"].get("key") or ""
        saved = stored.get(child.get("id"), set())
        if saved and key not in saved:
            was = "”, “".join(sorted(saved))
            problems.append(
                KeyProblem(s, q, f"This question’s key is “{was}” and cannot be changed.")
            )
        elif not key:
            continue
        elif key not in saved and not is_valid_key(key):
            problems.append(KeyProblem(s, q, KEY_RULE))
        elif key in seen:
            problems.append(
                KeyProblem(s, q, f"Another question in this form already has the key “{key}”.")
            )
        if key:
            seen.add(key)
    if problems:
        return problems

    for _, _, child in questions:
        value = child["value"]
        if not value.get("key"):
            value["key"] = key_from_label(value.get("label") or "", child["type"], seen)
            seen.add(value["key"])
    return []


class QuestionKeysError(StreamBlockValidationError):
    """The refused keys: each on its question's key field, where the snippet editor
    shows it, and all of them in the message, for code that saves a form."""

    def __init__(self, problems: list[KeyProblem]):
        by_section: dict[int, dict[int, ValidationError]] = defaultdict(dict)
        for problem in problems:
            by_section[problem.section][problem.question] = StructBlockValidationError(
                block_errors={"key": ValidationError(problem.message, code="question_key")}
            )
        super().__init__(
            block_errors={
                section: StructBlockValidationError(
                    block_errors={"questions": StreamBlockValidationError(block_errors=questions)}
                )
                for section, questions in by_section.items()
            }
        )
        self.message = " ".join(
            f"Section {p.section + 1}, question {p.question + 1}: {p.message}" for p in problems
        )
