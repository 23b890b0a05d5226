"""Organisers decide the results: each entry shortlisted, highly commended, a winner, or
nothing; and the shortlisted entrants are told, once, under embargo.

Winners and highly commended entries are on the shortlist by definition (one
``Result`` row, one outcome). Only a submitted entry of the category can have a
result. What the public sees, and when, is the category page's business
(``judging.hosting``: the announcement times).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from forms.models import Entry, EntryStatus

from .hosting import as_judged
from .models import Outcome, Result


class OutcomeRefused(Exception):
    """A decision that cannot be made; ``message`` says why, in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


CLEAR = "clear"


def entry_for(page, entry_id) -> Entry:
    """The submitted entry ``entry_id`` of ``page``, or OutcomeRefused."""
    try:
        return Entry.objects.get(pk=int(entry_id), page_id=page.pk, status=EntryStatus.SUBMITTED)
    except (Entry.DoesNotExist, TypeError, ValueError):
        raise OutcomeRefused(
            "That entry is not a submitted entry of this category: it may have been "
            "withdrawn or reopened. Reload the leaderboard and try again."
        ) from None


def set_outcome(*, entry: Entry, outcome: str, by, now=None) -> Result | None:
    """Mark ``entry`` with ``outcome`` (an Outcome value), or take its result away
    (``outcome="clear"``). A shortlist email already sent stays recorded as sent."""
    if entry.status != EntryStatus.SUBMITTED:
        raise OutcomeRefused("Only a submitted entry can be shortlisted or awarded.")
    if outcome == CLEAR:
        Result.objects.filter(entry=entry).delete()
        return None
    if outcome not in Outcome.values:
        raise OutcomeRefused("Choose shortlisted, highly commended, winner or clear.")
    result, _ = Result.objects.update_or_create(
        entry=entry,
        defaults={"outcome": outcome, "decided_by": by, "decided_at": now or timezone.now()},
    )
    return result


@dataclass(frozen=True)
class EmailRun:
    queued: int  # entries whose team is being emailed now
    already: int  # shortlisted entries emailed before


def email_shortlist(page) -> EmailRun:
    """Email each shortlisted entry's team of ``page`` that has not been emailed yet.

    Refused when the page has no shortlist announcement time: the email gives the
    embargo, and there is none to give. One task per entry; each task claims its
    entry before sending, so a second click or a retried task never sends twice.
    """
    from .result_emails import send_shortlist_email

    host = as_judged(page)
    announced_at = host.shortlist_announced_at if host is not None else None
    if announced_at is None:
        raise OutcomeRefused(
            "Set the shortlist announcement time on the category (or its programme) first: "
            "the email tells entrants to keep the news to themselves until then."
        )
    results = Result.objects.filter(entry__page_id=page.pk, entry__status=EntryStatus.SUBMITTED)
    waiting = list(results.filter(shortlist_email_sent_at=None).values_list("pk", flat=True))
    already = results.exclude(shortlist_email_sent_at=None).count()
    for result_id in waiting:
        transaction.on_commit(lambda result_id=result_id: send_shortlist_email.enqueue(result_id))
    return EmailRun(queued=len(waiting), already=already)
