"""Panels, judges and submitted entries, built straight into the database."""

from __future__ import annotations

from itertools import count

from django.utils import timezone

from forms.models import Entry, EntryStatus
from forms.tests.builders import build_user
from judging.models import AssignmentMode, Panel, PanelJudge

_numbers = count(1)

CRITERIA = [
    ("Vision", 2),
    ("Delivery", 1),
    ("Outcomes", 1),
]


def weighted_criteria(criteria=CRITERIA) -> list:
    """Criteria sections for a category page, with the weights judges' scores count by."""
    return [
        ("section", {"heading": heading, "text": "", "points": [f"{heading} point"], "weight": w})
        for heading, w in criteria
    ]


def build_judge(email: str | None = None, **fields):
    n = next(_numbers)
    fields.setdefault("first_name", "Judge")
    fields.setdefault("last_name", f"Number {n}")
    fields.setdefault("organisation", f"Judging Body {n}")
    return build_user(email or f"judge{n}@judges{n}.example.org", **fields)


def build_submitted_entry(page, user=None, *, answers=None, **fields) -> Entry:
    n = next(_numbers)
    user = user or build_user(
        f"entrant{n}@trust{n}.example.org",
        first_name="Entrant",
        last_name=f"Number {n}",
        organisation=f"Trust {n}",
    )
    return Entry.objects.create(
        entrant=user,
        page=page,
        form=page.specific.entry_form,
        status=EntryStatus.SUBMITTED,
        answers=answers or {"organisation_name": user.organisation},
        reference=f"PRA-2026-{n:04d}",
        submitted_at=timezone.now(),
        **fields,
    )


def build_panel(categories, judges=(), *, name="Performance Recovery panel", **fields) -> Panel:
    fields.setdefault("assignment", AssignmentMode.ALL)
    panel = Panel.objects.create(name=name, **fields)
    panel.categories.set(categories)
    for judge in judges:
        PanelJudge.objects.create(panel=panel, judge=judge)
    return panel
