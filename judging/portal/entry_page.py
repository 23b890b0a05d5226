"""An entry as a judge reads it: its answers as submitted, with word counts and files,
and on a blind panel nothing that says who entered."""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.answers import answer_text, word_count
from forms.definitions import TEXT_TYPES
from forms.models import Entry, EntryFile
from publishing.routing import page_by_id

from .. import blind
from ..models import Assignment, ScoreSheet

TITLE_KEY = "entry_title"  # the demo form's "Title of your entry"


@dataclass(frozen=True)
class FileLink:
    public_id: str
    name: str
    size: int


@dataclass(frozen=True)
class AnswerRow:
    label: str
    text: str = ""
    words: int | None = None
    max_words: int | None = None
    files: tuple[FileLink, ...] = ()
    is_file: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class SectionRows:
    heading: str
    rows: tuple[AnswerRow, ...]


@dataclass
class JudgedEntry:
    """The entry's side of the judge's page."""

    entry: Entry
    blind: bool
    sections: list[SectionRows]
    files: dict[str, FileLink] = field(default_factory=dict)
    title: str = ""  # the entry's own title, if its form asks for one

    @property
    def reference(self) -> str:
        return self.entry.reference or "Entry"


def sheet_of(assignment: Assignment) -> ScoreSheet | None:
    """The assignment's sheet, read with it (access.assignments_for); None before a save."""
    try:
        return assignment.sheet
    except ScoreSheet.DoesNotExist:
        return None


def judged_entry(assignment: Assignment) -> JudgedEntry:
    """The entry of ``assignment`` ready to show: a query for its files, two more when blind."""
    entry = assignment.entry
    entry.page = page_by_id(entry.page_id)
    # Only the questions that applied: an answer kept for a question the entrant's other
    # answers made irrelevant (forms/conditions.py) is not part of what they entered.
    definition = entry.applicable_definition()
    is_blind = assignment.panel.blind
    uploads = list(entry.files.all())
    labels = {q.key: q.label for q in definition.questions.values()}
    names = (
        blind.file_names(entry, uploads, labels)
        if is_blind
        else {f.public_id: f.original_name for f in uploads}
    )
    links: dict[str, list[FileLink]] = {}
    for upload in uploads:
        link = FileLink(upload.public_id, names[upload.public_id], upload.size)
        links.setdefault(upload.question_key, []).append(link)
    pattern = (
        blind.withholding_pattern(blind.identity_of(entry, getattr(assignment, "parties", None)))
        if is_blind
        else None
    )
    answers = entry.answers or {}
    sections = []
    for section in definition.sections:
        rows = []
        for question in section.questions:
            if question.is_file:
                rows.append(
                    AnswerRow(
                        question.label,
                        files=tuple(links.get(question.key, ())),
                        is_file=True,
                    )
                )
                continue
            if is_blind and blind.hides_question(question):
                rows.append(AnswerRow(question.label, blind.HIDDEN, hidden=True))
                continue
            value = answers.get(question.key)
            counted = question.type in TEXT_TYPES
            rows.append(
                AnswerRow(
                    question.label,
                    blind.withhold(answer_text(value), pattern),
                    words=word_count(value) if counted else None,
                    max_words=question.max_words if counted else None,
                )
            )
        sections.append(SectionRows(section.heading, tuple(rows)))
    return JudgedEntry(
        entry,
        is_blind,
        sections,
        files={link.public_id: link for found in links.values() for link in found},
        title=blind.withhold(entry_title(entry), pattern),
    )


def entry_title(entry: Entry) -> str:
    value = (entry.answers or {}).get(TITLE_KEY)
    return value.strip() if isinstance(value, str) else ""


def download_name(assignment: Assignment, upload: EntryFile) -> str | None:
    """The name a file is served under: its own, or on a blind panel a neutral one; None
    for a file answering a question that did not apply, which judges never see."""
    entry = assignment.entry
    questions = entry.applicable_definition().questions
    if upload.question_key not in questions:
        return None
    if not assignment.panel.blind:
        return upload.original_name
    labels = {q.key: q.label for q in questions.values()}
    return blind.file_names(entry, entry.files.all(), labels)[upload.public_id]
