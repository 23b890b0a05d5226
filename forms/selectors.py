"""Reading entries for the person asking, and what an entry page needs to show."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from publishing.routing import page_by_id

from .access import VIEW, entry_for, with_role
from .definitions import FormDefinition
from .merging import version_of
from .models import Collaborator, Entry, EntryFile, EntryStatus
from .published import with_published_forms
from .reopening import Reopened
from .validation import Problem, SectionProgress, find_problems, section_progress


def entry_for_person(user, public_id: str, need: str = VIEW) -> Entry:
    """The entry if ``user`` may ``need`` it (forms.access), ready to show.

    404 for anyone with no role on it: another person's entry looks exactly
    like a missing one. 403 for a role too small for ``need``.
    """
    entry = entry_for(user, public_id, need)
    # The host page from the cache of published content: no query on an autosave.
    entry.page = page_by_id(entry.page_id)
    return with_published_forms([entry])[0]


def entries_on_page(user, page_id: int) -> list[Entry]:
    """The entries on this page ``user`` owns or works on, oldest first, in one query;
    each has ``collaborator_role`` (None for their own), for ``access.with_role``, and
    ``has_team`` (whether anyone else works on it).

    Every signed-in view of a category page asks this. It is one UNION ALL of two
    index lookups (their own entries; those they were invited to): an OR across
    the two tables would read every entry of the page. Written as SQL because
    the ORM's union with annotations took twice as long to build as to run
    (docs/performance.md); both databases read it the same.
    """
    entry, collaborator = Entry._meta.db_table, Collaborator._meta.db_table
    sql = f"""
        SELECT e.*, NULL AS collaborator_role,
               EXISTS (SELECT 1 FROM {collaborator} t WHERE t.entry_id = e.id) AS has_team
          FROM {entry} e
         WHERE e.entrant_id = %s AND e.page_id = %s AND e.status <> %s
        UNION ALL
        SELECT e.*, c.role AS collaborator_role, 1 = 1 AS has_team
          FROM {entry} e JOIN {collaborator} c ON c.entry_id = e.id
         WHERE c.user_id = %s AND e.page_id = %s AND e.status <> %s
         ORDER BY created_at
    """  # noqa: S608 - table names from the models; every value is a parameter
    withdrawn = EntryStatus.WITHDRAWN.value
    params = [user.pk, page_id, withdrawn, user.pk, page_id, withdrawn]
    return list(Entry.objects.raw(sql, params))


def roles_set(user, entries: list[Entry]) -> list[Entry]:
    """``entries`` with ``role`` set for ``user`` (from the row entries_on_page read)."""
    return [with_role(entry, user) for entry in entries]


@dataclass
class EntryView:
    """Everything a page needs to show one entry with its progress."""

    entry: Entry
    definition: FormDefinition
    answers: dict[str, Any]
    files: dict[str, EntryFile]
    problems: list[Problem]
    progress: list[SectionProgress]
    # Per answer, the version of the text this page is drawn with (forms.merging); the
    # entry's own record unless a refused save's page says otherwise.
    bases: dict[str, int] = field(default_factory=dict)

    @cached_property
    def has_team(self) -> bool:
        """Whether anyone besides the owner works on this entry: as the page's query
        found it (entries_on_page), else read if asked."""
        known = getattr(self.entry, "has_team", None)
        if known is not None:
            return bool(known)
        return self.entry.pk is not None and self.entry.collaborators.exists()

    @property
    def bases_json(self) -> str:
        return json.dumps(self.bases, separators=(",", ":"), sort_keys=True)

    @property
    def completed_sections(self) -> int:
        return sum(1 for p in self.progress if p.state == "completed")

    @property
    def applicable_sections(self) -> int:
        """Sections with something to answer: one that does not apply is not counted."""
        return sum(1 for p in self.progress if p.applies)

    @cached_property
    def hidden(self) -> frozenset[str]:
        """The questions that do not apply to these answers (forms.conditions)."""
        return self.definition.hidden_keys(self.answers)

    @cached_property
    def reopened(self) -> Reopened | None:
        """Why staff reopened this draft, and by when to submit it again; read only if shown."""
        return Reopened.of(self.entry)

    @property
    def removed_answers(self) -> list[tuple[str, Any]]:
        """Answers kept for questions no longer in the form."""
        known = self.definition.questions
        return [(key, value) for key, value in self.answers.items() if key not in known]

    def rows(self):
        """The sections and questions that apply, with (question, answer, file, problem)
        rows: what a summary, a print view or a reader of the entry shows."""
        for progress, rows in self.form_rows():
            if progress.applies:
                shown = [row for row in rows if row[0].key not in self.hidden]
                if shown:
                    yield progress, shown

    def form_rows(self):
        """Every section and question, for the entrant's form: one that does not apply
        is drawn too, hidden by the page's script or, without it, marked as conditional."""
        by_key = {p.question.key: p for p in self.problems}
        for progress in self.progress:
            yield (
                progress,
                [
                    (q, self.answers.get(q.key), self.files.get(q.key), by_key.get(q.key))
                    for q in progress.section.questions
                ],
            )


def entry_view(
    entry: Entry,
    answers: dict[str, Any] | None = None,
    *,
    all_files: bool = False,
    bases: dict[str, int] | None = None,
) -> EntryView:
    definition = entry.definition()
    answers = entry.answers if answers is None else answers
    # A form without file questions has no files to show the entrant (one query
    # fewer per page); staff (all_files) also see files kept for removed questions.
    wanted = all_files or any(q.is_file for q in definition.questions.values())
    files = {f.question_key: f for f in entry.files.all()} if wanted else {}
    problems = find_problems(definition, answers, set(files))
    return EntryView(
        entry=entry,
        definition=definition,
        answers=answers,
        files=files,
        problems=problems,
        progress=section_progress(definition, answers, set(files), problems),
        bases={
            **dict.fromkeys(definition.questions, 0),
            **answer_versions(entry),
            **(bases or {}),
        },
    )


def answer_versions(entry: Entry) -> dict[str, int]:
    """Each answer's version as the entry holds it: what a page drawn now is based on."""
    return {key: version_of(entry.answer_meta, key) for key in entry.answer_meta}
