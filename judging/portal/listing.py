"""A judge's entries to judge, by category, each with where its score sheet stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page

from ..access import assignments_for
from ..models import Assignment, ScoreSheet
from .entry_page import entry_title

NOT_STARTED, IN_PROGRESS, SUBMITTED = "not_started", "in_progress", "completed"
LABELS = {NOT_STARTED: "Not started", IN_PROGRESS: "In progress", SUBMITTED: "Submitted"}


def sheet_state(sheet: ScoreSheet | None) -> str:
    if sheet is None or (not sheet.is_submitted and sheet.version == 1):
        return NOT_STARTED
    return SUBMITTED if sheet.is_submitted else IN_PROGRESS


@dataclass
class Row:
    assignment: Assignment
    state: str

    @property
    def entry(self):
        return self.assignment.entry

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def title(self) -> str:
        """The entry's title, never on a blind panel (it may name who entered)."""
        return "" if self.assignment.panel.blind else entry_title(self.entry)

    @property
    def organisation(self) -> str:
        if self.assignment.panel.blind:
            return ""
        value = (self.entry.answers or {}).get("organisation_name")
        return value if isinstance(value, str) else ""


@dataclass
class CategoryGroup:
    page_id: int
    title: str
    rows: list[Row] = field(default_factory=list)

    @property
    def submitted(self) -> int:
        return sum(1 for row in self.rows if row.state == SUBMITTED)

    @property
    def total(self) -> int:
        return len(self.rows)


def entries_to_judge(judge) -> list[CategoryGroup]:
    """The judge's assignments grouped by category, in the order access gives them (two
    queries: the assignments with their sheets, then the categories' titles)."""
    groups: dict[int, CategoryGroup] = {}
    for assignment in assignments_for(judge):
        try:
            sheet = assignment.sheet
        except ScoreSheet.DoesNotExist:
            sheet = None
        page_id = assignment.entry.page_id
        group = groups.setdefault(page_id, CategoryGroup(page_id, ""))
        group.rows.append(Row(assignment, sheet_state(sheet)))
    titles = dict(Page.objects.filter(pk__in=groups).values_list("pk", "title"))
    for group in groups.values():
        group.title = titles.get(group.page_id, "Category")
    return list(groups.values())
