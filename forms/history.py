"""Reading an entry's history: each answer's versions, who wrote them and when.

The rows are the ones forms.revisions writes with every save. The History
page shows, per question in form order (answers to questions an editor has
since removed at the end), the latest ``PER_ANSWER`` versions newest first,
in two queries whatever the size of the entry: one for the revisions (each
answer's latest versions picked by the database) and one for their authors.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString

from .answers import answer_text
from .conflicts import names_of
from .definitions import Question
from .merging import version_of
from .models import AnswerRevision, Entry

# How many versions of one answer the page shows; older ones are counted, not listed.
PER_ANSWER = 20
# Longer texts than this (in words) are shown whole, without a marked-up comparison.
MAX_DIFF_WORDS = 4000
_TOKENS = re.compile(r"\S+|\s+")


def file_value_text(value: Any) -> str:
    """A file question's history value: {"file": name} when uploaded, None when removed."""
    if isinstance(value, dict) and value.get("file"):
        return f"Uploaded {value['file']}"
    return "File removed"


@dataclass
class Version:
    """One answer as one save left it."""

    revision_id: int
    key: str
    version: int
    value: Any
    text: str
    author_id: int | None
    by: str  # "you", the author's full name, or "" when their account is gone
    at: datetime
    restored_from: int | None
    current: bool = False
    previous_text: str | None = None  # the version before it, when shown too

    @property
    def changes(self) -> SafeString:
        """The text with what changed since the version before marked (<del>, <ins>)."""
        return word_changes(self.previous_text or "", self.text)

    @property
    def has_changes(self) -> bool:
        return self.previous_text is not None


@dataclass
class AnswerHistory:
    key: str
    label: str
    question: Question | None  # None for a question no longer in the form
    versions: list[Version] = field(default_factory=list)
    total: int = 0  # every version kept, shown or not
    current_text: str = ""

    @property
    def hidden(self) -> int:
        return max(self.total - len(self.versions), 0)

    @property
    def restorable(self) -> bool:
        """Whether an old version can be brought back: not for files, nor removed questions."""
        return self.question is not None and not self.question.is_file


def word_changes(before: str, after: str) -> SafeString:
    """``after`` as HTML, with words removed since ``before`` in <del> and added in <ins>.

    Spaces and line breaks are kept as typed: the page shows it with
    ``white-space: pre-wrap``.
    """
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    if len(old) + len(new) > 4 * MAX_DIFF_WORDS:
        return escape(after)
    parts: list[tuple[str, str]] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if removed:
            parts.append(("del", "".join(removed)))
        if added:
            parts.append(("ins", "".join(added)))
        removed.clear()
        added.clear()

    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1
        if op == "equal" and not (between_changes and not "".join(new[b1:b2]).strip()):
            flush()
            parts.append(("span", "".join(new[b1:b2])))
            continue
        # A change, or only a space between two changes: one removed and one added run
        # reads better than words interleaved.
        removed.extend(old[a1:a2])
        added.extend(new[b1:b2])
    flush()
    return format_html_join("", "<{0}>{1}</{0}>", parts)


def value_text(question: Question | None, value: Any) -> str:
    """One version of an answer as a person reads it; a file question's as its file."""
    if (question is not None and question.is_file) or (
        question is None and isinstance(value, dict) and "file" in value
    ):
        return file_value_text(value)
    return answer_text(value)


def _versions(entry: Entry, per_answer: int) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Each answer's latest ``per_answer + 1`` revisions (one more, to compare the oldest
    shown with), newest first, and how many each answer has, in one query."""
    rows = (
        AnswerRevision.objects.filter(entry_id=entry.pk)
        .annotate(
            position=Window(RowNumber(), partition_by=[F("key")], order_by=F("version").desc()),
            kept=Window(Count("pk"), partition_by=[F("key")]),
        )
        .filter(position__lte=per_answer + 1)
        .order_by("key", "-version")
        .values("pk", "key", "version", "value", "author_id", "created_at", "restored_from", "kept")
    )
    rows = list(rows)
    return rows, {row["key"]: row["kept"] for row in rows}


def entry_history(entry: Entry, viewer, *, per_answer: int = PER_ANSWER) -> list[AnswerHistory]:
    """Per question, in form order, then answers to removed questions: the versions of
    its answer, newest first, at most ``per_answer`` of them."""
    definition = entry.definition()
    questions = definition.questions
    rows, totals = _versions(entry, per_answer)
    names = names_of({row["author_id"] for row in rows})
    by_key: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_key.setdefault(row["key"], []).append(row)

    removed = sorted((set(by_key) | set(entry.answers)) - set(questions))
    histories = [
        AnswerHistory(key=key, label=question.label, question=question)
        for key, question in questions.items()
    ] + [AnswerHistory(key=key, label=key, question=None) for key in removed]

    for history in histories:
        is_file = history.question is not None and history.question.is_file
        history.total = totals.get(history.key, 0)
        current_version = version_of(entry.answer_meta, history.key)
        current = entry.answers.get(history.key)
        history.current_text = "" if is_file else answer_text(current)
        found = by_key.get(history.key, [])
        versions = [
            Version(
                revision_id=row["pk"],
                key=row["key"],
                version=row["version"],
                value=row["value"],
                text=value_text(history.question, row["value"]),
                author_id=row["author_id"],
                by=_by(row["author_id"], viewer, names),
                at=row["created_at"],
                restored_from=row["restored_from"],
                current=row["version"] == current_version,
            )
            for row in found
        ]
        if not is_file:
            for newer, older in zip(versions, versions[1:], strict=False):
                newer.previous_text = older.text
        history.versions = versions[:per_answer]
    return histories


def _by(author_id: int | None, viewer, names: dict[int, str]) -> str:
    if author_id is None:
        return ""
    if author_id == getattr(viewer, "pk", None):
        return "you"
    return names.get(author_id, "")


def revisions_for_export(entry_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Every revision of these entries for a data download, oldest first per entry:
    question key, version, value, who wrote it (their name) and when. Two queries."""
    rows = list(
        AnswerRevision.objects.filter(entry_id__in=entry_ids)
        .order_by("entry_id", "version", "key")
        .values("entry_id", "key", "version", "value", "author_id", "created_at", "restored_from")
    )
    names = names_of({row["author_id"] for row in rows})
    found: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row["entry_id"], []).append(
            {
                "question_key": row["key"],
                "version": row["version"],
                "answer": row["value"],
                "written_by": names.get(row["author_id"], ""),
                "written_at": row["created_at"],
                "restored_from_version": row["restored_from"],
            }
        )
    return found
