"""What a page that takes entries must offer to be judged and to show results.

The judging app never imports the pages (awards imports judging): any page with
these members can be judged. In this site, awards.CategoryPage provides them,
from the criteria sections editors wrote and the programme's announcement times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Criterion:
    """One row of a score sheet: a criteria section of the category page."""

    key: str  # forms.hosting.criterion_key(heading): stable while the heading is
    heading: str
    weight: Decimal  # set by editors per category; 1 by default


@runtime_checkable
class JudgedHost(Protocol):
    def judging_criteria(self) -> list[Criterion]:
        """The category's criteria sections, in page order, with their weights."""
        ...

    @property
    def shortlist_announced_at(self) -> datetime | None:
        """When the shortlist appears on the page; None: not set, so never."""
        ...

    @property
    def winners_announced_at(self) -> datetime | None:
        """When the winners appear on the page; None: not set, so never."""
        ...

    @property
    def feedback_to_entrants(self) -> bool:
        """Whether entrants read the judges' comments after the winners are announced."""
        ...

    @property
    def feedback_shows_scores(self) -> bool:
        """Whether that feedback includes each criterion's average score."""
        ...


def as_judged(page) -> JudgedHost | None:
    specific = getattr(page, "specific", page)
    return specific if hasattr(type(specific), "judging_criteria") else None
