"""Results and announcement times for the results and feedback tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from judging.models import Outcome, Result

from .builders import build_submitted_entry

ONE_SECOND = timedelta(seconds=1)


def announce(category, *, shortlist_at: datetime | None, winners_at: datetime | None = None):
    """Set the category's own announcement times and publish it, as an editor would."""
    category.shortlist_at = shortlist_at
    category.winners_at = winners_at
    category.save_revision().publish()
    return category


def build_result(page, organisation: str, title: str, outcome=Outcome.SHORTLISTED) -> Result:
    entry = build_submitted_entry(
        page, answers={"organisation_name": organisation, "entry_title": title}
    )
    return Result.objects.create(entry=entry, outcome=outcome)


def build_results(page) -> dict[str, Result]:
    """A shortlist of four: a winner, one highly commended, two shortlisted."""
    return {
        "winner": build_result(
            page, "Northshire NHS Foundation Trust", "Theatres back to full", Outcome.WINNER
        ),
        "commended": build_result(
            page, "Eastmoor Community Health", "Clinics after dark", Outcome.HIGHLY_COMMENDED
        ),
        "shortlisted": build_result(page, "Riverside Integrated Care Board", "One waiting list"),
        "also": build_result(page, "Ashdown Partnership Trust", "Beds without delay"),
    }


def later(**delta) -> datetime:
    """A whole second in the future, so a frozen clock lands exactly on it."""
    return (timezone.now() + timedelta(**delta)).replace(microsecond=0)
