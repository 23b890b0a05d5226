"""What the public sees of a category's results at a moment: selectors for its page.

The shortlist appears at the page's ``shortlist_announced_at`` and the winners and
highly commended at ``winners_announced_at`` (judging.hosting), never a second
before: every function here takes the moment ``now``, and a page rendered before
an announcement is never kept past it (``next_announcement`` is registered as a
time horizon in judging/apps.py, which caps every cache's lifetime).

How an entry is named in public:

- **organisation**: the entry's own answer to the question keyed
  ``organisation_name``, else the entrant's organisation from their account;
- **title**: the entry's answer to the question keyed ``entry_title`` (the demo
  forms ask "Title of your entry ... as it would appear on a shortlist"), else the
  category's name, so a form without a title question still reads
  "Northshire NHS Foundation Trust — Performance Recovery Award".

The shortlist is in alphabetical order of organisation, never in the order of
the scores: a shortlist says who is in the running, not who is ahead.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from wagtail.models import get_page_models

from forms.models import EntryStatus
from publishing.content_version import versioned

from .hosting import as_judged
from .models import Outcome, Result

SHORTLIST = "shortlist"
WINNERS = "winners"

ORGANISATION_KEY = "organisation_name"
TITLE_KEY = "entry_title"


@dataclass(frozen=True)
class Placing:
    """One entry as the public sees it: who, what, and how it did."""

    organisation: str
    title: str
    outcome: str  # an Outcome value


@dataclass(frozen=True)
class PublicResults:
    """What a category page shows of its results at one moment."""

    stage: str  # SHORTLIST, or WINNERS once the winners are announced
    shortlist: tuple[Placing, ...]
    winners: tuple[Placing, ...] = ()
    highly_commended: tuple[Placing, ...] = ()

    @property
    def announced_winners(self) -> bool:
        return self.stage == WINNERS


def results_stage(page, now: datetime | None = None) -> str | None:
    """How much of the page's results is public at ``now``: WINNERS, SHORTLIST or None.

    The winners' announcement makes the shortlist public too, if its own time was
    never set (editors are asked to set both: awards.judged_category).
    """
    host = as_judged(page)
    if host is None:
        return None
    now = now or timezone.now()
    winners_at = host.winners_announced_at
    if winners_at is not None and now >= winners_at:
        return WINNERS
    shortlist_at = host.shortlist_announced_at
    if shortlist_at is not None and now >= shortlist_at:
        return SHORTLIST
    return None


def placing(
    answers: dict, account_organisation: str | None, outcome: str, category: str
) -> Placing:
    organisation = str((answers or {}).get(ORGANISATION_KEY) or "").strip()
    title = str((answers or {}).get(TITLE_KEY) or "").strip()
    return Placing(
        organisation=organisation or (account_organisation or "").strip(),
        title=title or category,
        outcome=outcome,
    )


def placings(page) -> list[Placing]:
    """Every submitted entry of the page with a result (as judging.outcomes allows),
    alphabetically: one query."""
    rows = Result.objects.filter(
        entry__page_id=page.pk, entry__status=EntryStatus.SUBMITTED
    ).values_list("outcome", "entry__answers", "entry__entrant__organisation")
    found = [placing(answers, org, outcome, page.title) for outcome, answers, org in rows]
    return sorted(found, key=lambda p: (p.organisation.casefold(), p.title.casefold()))


def public_results(page, now: datetime | None = None) -> PublicResults | None:
    """The page's results as the public may see them at ``now``; None before any
    announcement (or on a page that is not judged)."""
    stage = results_stage(page, now)
    if stage is None:
        return None
    found = placings(page)
    if stage == SHORTLIST:
        return PublicResults(stage=stage, shortlist=tuple(found))
    return PublicResults(
        stage=stage,
        shortlist=tuple(found),
        winners=tuple(p for p in found if p.outcome == Outcome.WINNER),
        highly_commended=tuple(p for p in found if p.outcome == Outcome.HIGHLY_COMMENDED),
    )


# The moments at which any page's results become public.


def announcement_moments() -> list[datetime]:
    """Every announcement time of every judged page, sorted.

    Judging never imports the pages: each judged page class may offer a classmethod
    ``announcement_moments()`` giving the times its pages (and whatever they inherit
    them from) announce results; awards.judged_category.JudgedCategory does.
    """
    moments: set[datetime] = set()
    for model in get_page_models():
        collect = getattr(model, "announcement_moments", None)
        if collect is not None and not model._meta.abstract:
            moments.update(moment for moment in collect() if moment is not None)
    return sorted(moments)


def next_announcement(now: datetime) -> datetime | None:
    """The first announcement after ``now``, or None: a cached page must not outlive it.

    Kept per content version: only an editor's publish can move the times."""
    moments = versioned("announcement-moments", announcement_moments)
    index = bisect_right(moments, now)
    return moments[index] if index < len(moments) else None
