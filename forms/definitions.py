"""A form's sections and questions as plain data, read from the stream or a snapshot.

Views, validation, exports and snapshots all work on these dataclasses, built
from the StreamField's raw JSON without rendering a single block.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .conditions import Condition, hidden_keys, resolve

TEXT_TYPES = {"short_text", "long_text"}
CHOICE_TYPES = {"single_choice", "multiple_choice"}


def _list_items(raw) -> list[str]:
    """A ListBlock's strings, in its current ({"type": "item", "value": ...}) or older form."""
    items = []
    for item in raw or []:
        value = item.get("value") if isinstance(item, dict) else item
        if isinstance(value, str) and value.strip():
            items.append(value)
    return items


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    label: str
    help_text: str = ""
    required: bool = False
    min_words: int | None = None
    max_words: int | None = None
    min_value: str | None = None
    max_value: str | None = None
    choices: tuple[str, ...] = ()
    widget: str = "radio"
    file_types: tuple[str, ...] = ()
    max_size_mb: int = 10
    # Asked only when an earlier answer is one of some values (forms/conditions.py).
    show_when: Condition | None = None

    @property
    def is_file(self) -> bool:
        return self.type == "file"

    @property
    def is_multiple(self) -> bool:
        return self.type == "multiple_choice"

    @property
    def field_id(self) -> str:
        return f"q-{self.key}"

    @classmethod
    def from_block(
        cls, block_type: str, value: dict[str, Any], earlier: tuple[Question, ...] = ()
    ) -> Question:
        def number(name):
            raw = value.get(name)
            return int(raw) if raw not in (None, "") else None

        decimal = {
            name: (str(value[name]) if value.get(name) not in (None, "") else None)
            for name in ("min_value", "max_value")
        }
        return cls(
            key=value.get("key") or "",
            type=block_type,
            label=value.get("label") or "",
            help_text=value.get("help_text") or "",
            required=bool(value.get("required")),
            min_words=number("min_words"),
            max_words=number("max_words"),
            choices=tuple(_list_items(value.get("choices"))),
            widget=value.get("widget") or "radio",
            file_types=tuple(value.get("file_types") or ()),
            max_size_mb=number("max_size_mb") or 10,
            show_when=resolve(value.get("show_when"), earlier),
            **decimal,
        )

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Question:
        data = {k: v for k, v in data.items() if k != "applied"}
        return cls(
            **{
                **data,
                "choices": tuple(data.get("choices") or ()),
                "file_types": tuple(data.get("file_types") or ()),
                "show_when": Condition.from_snapshot(data.get("show_when")),
            }
        )


@dataclass(frozen=True)
class Section:
    """A group of questions. ``criterion`` names the host page's criteria it answers
    (forms/guidance.py shows them); ``guidance`` is the section's own text, shown
    when the page has no such criteria."""

    heading: str
    guidance: str
    questions: tuple[Question, ...]
    number: int = 0
    criterion: str = ""
    show_when: Condition | None = None

    @property
    def anchor(self) -> str:
        return f"section-{self.number}"


@dataclass(frozen=True)
class FormDefinition:
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def questions(self) -> dict[str, Question]:
        return {q.key: q for section in self.sections for q in section.questions}

    @property
    def has_files(self) -> bool:
        return any(q.is_file for q in self.questions.values())

    @classmethod
    def from_stream(cls, raw_sections: list[dict[str, Any]]) -> FormDefinition:
        sections = []
        earlier: tuple[Question, ...] = ()  # a condition names a question asked before it
        for number, raw in enumerate(raw_sections or [], start=1):
            value = raw.get("value") or {}
            section_condition = resolve(value.get("show_when"), earlier)
            questions: list[Question] = []
            for child in value.get("questions") or []:
                child_value = child.get("value") or {}
                if child_value.get("key"):
                    questions.append(Question.from_block(child["type"], child_value, earlier))
                    earlier = (*earlier, questions[-1])
            sections.append(
                Section(
                    heading=value.get("heading") or "",
                    guidance=value.get("guidance") or "",
                    questions=tuple(questions),
                    number=number,
                    criterion=(value.get("criterion") or "").strip(),
                    show_when=section_condition,
                )
            )
        return cls(sections=tuple(sections))

    @property
    def has_conditions(self) -> bool:
        return any(section.show_when for section in self.sections) or any(
            q.show_when for q in self.questions.values()
        )

    def hidden_keys(self, answers: Mapping[str, Any]) -> frozenset[str]:
        """The questions that do not apply to ``answers`` (forms/conditions.py)."""
        return hidden_keys(self, answers) if self.has_conditions else frozenset()

    def applicable(self, answers: Mapping[str, Any]) -> FormDefinition:
        """Only the sections and questions that apply to ``answers``: what a reader of an
        entry (its summary, the entries admin, a judge, an export) shows. Answers to the
        others stay in the entry, unshown."""
        hidden = self.hidden_keys(answers)
        if not hidden:
            return self
        sections = []
        for section in self.sections:
            questions = tuple(q for q in section.questions if q.key not in hidden)
            if questions:
                sections.append(replace(section, questions=questions))
        return FormDefinition(sections=tuple(sections))

    def to_snapshot(self, answers: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Every section and question as plain data; with ``answers``, each question also
        records whether it applied to them (``"applied"``)."""
        data = [asdict(section) for section in self.sections]
        if answers is not None:
            hidden = self.hidden_keys(answers)
            for section in data:
                for question in section["questions"]:
                    question["applied"] = question["key"] not in hidden
        return data

    @classmethod
    def from_snapshot(cls, data: list[dict[str, Any]]) -> FormDefinition:
        sections = []
        for raw in data or []:
            questions = tuple(Question.from_snapshot(q) for q in raw.get("questions") or [])
            sections.append(
                Section(
                    heading=raw.get("heading", ""),
                    guidance=raw.get("guidance", ""),
                    questions=questions,
                    number=raw.get("number", 0),
                    criterion=raw.get("criterion", ""),
                    show_when=Condition.from_snapshot(raw.get("show_when")),
                )
            )
        return cls(sections=tuple(sections))
