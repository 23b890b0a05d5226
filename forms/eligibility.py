"""An eligibility check before an entry starts: a few questions, the answers that qualify.

A host page may ask who it is for before anyone writes a word: it offers
``eligibility_questions()`` (yes/no or choice questions, each with the answers
that qualify) and ``eligibility_refusal()`` (what to tell someone who does not
qualify, and where else they might enter). Both are optional members of the
host interface (forms/hosting.py): a page without them starts entries at once.

Someone who qualifies on every question starts their entry, and the answers
are kept with it (``Entry.eligibility``) for organisers. Someone who does
not is told why, and no entry is made; nothing an entrant has already
written is touched by a check, whatever its answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from .answers import clean_text


@dataclass(frozen=True)
class EligibilityQuestion:
    """One question of the check: its options as entrants read them, and which qualify."""

    label: str
    options: tuple[str, ...]
    qualifying: tuple[str, ...]
    help_text: str = ""
    number: int = 1

    @property
    def name(self) -> str:
        return f"eligibility-{self.number}"

    @property
    def field_id(self) -> str:
        """The first option's id: where the error summary's link takes the entrant."""
        return f"{self.name}-1"

    @property
    def inline(self) -> bool:
        """Two short options (Yes, No) sit side by side."""
        return len(self.options) == 2 and all(len(o) <= 4 for o in self.options)

    def choices(self, chosen: str = ""):
        """(id, value, checked) for each option, for the template."""
        return [
            (f"{self.name}-{n}", option, option == chosen)
            for n, option in enumerate(self.options, 1)
        ]


@dataclass(frozen=True)
class Refusal:
    """What someone who does not qualify reads: ``message`` is the host's own HTML."""

    message: str
    link_url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Problem:
    field_id: str
    message: str


@dataclass
class Assessment:
    answers: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    eligible: bool = False
    record: list[dict[str, str]] = field(default_factory=list)


def eligibility_questions(host) -> list[EligibilityQuestion]:
    """The host's eligibility questions, or none: then entries start at once."""
    ask = getattr(host, "eligibility_questions", None)
    return [q for q in (ask() if callable(ask) else []) if q.options and q.qualifying]


def eligibility_refusal(host) -> Refusal:
    refuse = getattr(host, "eligibility_refusal", None)
    refusal = refuse() if callable(refuse) else None
    return refusal or Refusal(message="")


def assess(questions: Sequence[EligibilityQuestion], data: QueryDict | Mapping[str, Any]):
    """The check as answered in ``data``: what is missing, and whether every answer qualifies.

    ``record`` is what the entry keeps: each question and answer as the entrant read them.
    """
    assessment = Assessment()
    for question in questions:
        answer = clean_text(data.get(question.name, ""))
        if answer not in question.options:
            assessment.problems.append(
                Problem(question.field_id, f"Select an answer for “{question.label}”")
            )
            continue
        assessment.answers[question.name] = answer
        assessment.record.append({"question": question.label, "answer": answer})
    assessment.eligible = not assessment.problems and all(
        assessment.answers[q.name] in q.qualifying for q in questions
    )
    return assessment


def question_rows(questions: Sequence[EligibilityQuestion], assessment: Assessment | None = None):
    """(question, its options as (id, value, checked), its problem or None), for the page."""
    assessment = assessment or Assessment()
    problems = {p.field_id: p for p in assessment.problems}
    return [
        (q, q.choices(assessment.answers.get(q.name, "")), problems.get(q.field_id))
        for q in questions
    ]
