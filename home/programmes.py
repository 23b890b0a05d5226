"""What the home page shows of each programme, read in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import datetime

from awards.entry_window import EntryState
from awards.models import CategoryPage, ProgrammePage
from publishing.restrictions import public


@dataclass
class ProgrammeSummary:
    page: ProgrammePage
    open_categories: list[CategoryPage] = field(default_factory=list)
    other_categories: list[CategoryPage] = field(default_factory=list)

    @property
    def next_deadline(self) -> datetime | None:
        deadlines = [c.deadline for c in self.open_categories if c.deadline]
        return min(deadlines) if deadlines else self.page.entries_close_at

    @property
    def state(self) -> EntryState:
        if any(c.entry_state == EntryState.CLOSING_SOON for c in self.open_categories):
            return EntryState.CLOSING_SOON
        if self.open_categories:
            return EntryState.OPEN
        if any(c.entry_state == EntryState.NOT_YET_OPEN for c in self.other_categories):
            return EntryState.NOT_YET_OPEN
        return EntryState.CLOSED


def programme_summaries(home) -> list[ProgrammeSummary]:
    programmes = list(public(ProgrammePage.objects.child_of(home).live()).order_by("path"))
    by_path = {p.path: ProgrammeSummary(page=p) for p in programmes}
    if not programmes:
        return []
    categories = (
        public(CategoryPage.objects.descendant_of(home).live())
        .defer_streamfields()
        .order_by("path")
    )
    for category in categories:
        summary = by_path.get(category.path[: -category.steplen])
        if summary is None:
            continue
        category.programme = summary.page  # the parent, already loaded
        if category.entry_state.accepts_entries:
            summary.open_categories.append(category)
        else:
            summary.other_categories.append(category)
    return list(by_path.values())
