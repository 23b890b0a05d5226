"""A form's sections and questions as plain data, read from the stream or a snapshot.

Views, validation, exports and snapshots all work on these dataclasses, built
from the StreamField's raw JSON without rendering a single block.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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
    def from_block(cls, block_type: str, value: dict[str, Any]) -> Question:
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
            **decimal,
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
        for number, raw in enumerate(raw_sections or [], start=1):
            value = raw.get("value") or {}
            questions = tuple(
                Question.from_block(child["type"], child.get("value") or {})
                for child in value.get("questions") or []
                if (child.get("value") or {}).get("key")
            )
            sections.append(
                Section(
                    heading=value.get("heading") or "",
                    guidance=value.get("guidance") or "",
                    questions=questions,
                    number=number,
                    criterion=(value.get("criterion") or "").strip(),
                )
            )
        return cls(sections=tuple(sections))

    def to_snapshot(self) -> list[dict[str, Any]]:
        return [asdict(section) for section in self.sections]

    @classmethod
    def from_snapshot(cls, data: list[dict[str, Any]]) -> FormDefinition:
        sections = []
        for raw in data or []:
            questions = tuple(
                Question(
                    **{
                        **q,
                        "choices": tuple(q.get("choices") or ()),
                        "file_types": tuple(q.get("file_types") or ()),
                    }
                )
                for q in raw.get("questions") or []
            )
            sections.append(
                Section(
                    heading=raw.get("heading", ""),
                    guidance=raw.get("guidance", ""),
                    questions=questions,
                    number=raw.get("number", 0),
                    criterion=raw.get("criterion", ""),
                )
            )
        return cls(sections=tuple(sections))
