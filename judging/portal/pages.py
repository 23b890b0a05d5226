"""The judge's entry page, drawn the same way whether it is first opened or comes back
from a save with something to say."""

from __future__ import annotations

from django.shortcuts import render

from ..models import Assignment
from ..sheets import criteria_for
from .entry_page import judged_entry, sheet_of
from .sheet_form import QUALIFYING_CHOICES, SheetDisplay, display_saved


def entry_page(
    request,
    assignment: Assignment,
    display: SheetDisplay | None = None,
    *,
    status: int = 200,
    notice: str = "",
    conflict: bool = False,
    locked: bool = False,
):
    """The entry read-only and its score sheet; ``display`` is what the sheet shows when
    it is not the sheet as saved (a refused save: what the judge typed)."""
    judged = judged_entry(assignment)
    sheet = sheet_of(assignment)
    criteria = criteria_for(assignment)
    if display is None:
        display = display_saved(criteria, sheet)
    submitted = sheet is not None and sheet.is_submitted
    return render(
        request,
        "judging/portal/entry.html",
        {
            "page": None,
            "assignment": assignment,
            "panel": assignment.panel,
            "judged": judged,
            "entry": judged.entry,
            "category": judged.entry.page,
            "sheet": sheet,
            "submitted": submitted,
            "display": display,
            "criteria": criteria,
            "notice": notice,
            "conflict": conflict,
            "locked": locked,
            "qualifying_choices": QUALIFYING_CHOICES,
        },
        status=status,
    )
