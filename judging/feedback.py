"""The judges' feedback an entrant reads on their entry page, after the winners.

Shown only when the category offers it (``feedback_to_entrants``) and only from
the moment the winners are announced: before then, or without the switch, an
entrant's pages carry nothing of judging at all. Judges are never named: each is
"Judge 1", "Judge 2"... in the order their assignments were made, the same
number in every criterion and in the overall comments. Scores are shown only as
each criterion's average, and only when editors chose ``feedback_shows_scores``.

What counts is what the leaderboard counts (judging.leaderboard.counted_sheets):
submitted sheets on an assignment that stands (one a conflict of interest removed
is neither counted nor shown), whose qualifying answer is not "no".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from forms.models import Entry

from .hosting import as_judged
from .leaderboard import counted_sheets
from .models import Score


@dataclass(frozen=True)
class Comment:
    judge: str  # "Judge 1"
    text: str


@dataclass(frozen=True)
class CriterionFeedback:
    heading: str
    comments: tuple[Comment, ...]
    average: Decimal | None  # None unless editors chose to show scores


@dataclass(frozen=True)
class Feedback:
    judges: int
    overall: tuple[Comment, ...]
    criteria: tuple[CriterionFeedback, ...]
    shows_scores: bool

    @property
    def has_comments(self) -> bool:
        return bool(self.overall) or any(c.comments for c in self.criteria)


def feedback_open(page, now: datetime | None = None) -> bool:
    """Whether entrants of this page may read the judges' feedback at ``now``."""
    host = as_judged(page)
    if host is None or not host.feedback_to_entrants:
        return False
    winners_at = host.winners_announced_at
    return winners_at is not None and (now or timezone.now()) >= winners_at


def average(scores: list[int]) -> Decimal | None:
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def feedback_for(entry: Entry, now: datetime | None = None) -> Feedback | None:
    """The judges' feedback on ``entry`` at ``now``, or None when none may be shown: two
    queries (the sheets, then their scores)."""
    page = entry.page
    if not feedback_open(page, now):
        return None
    host = as_judged(page)
    sheets = list(
        counted_sheets(page)
        .filter(assignment__entry=entry)
        .order_by("assignment_id")
        .values_list("pk", "overall_comment", named=True)
    )
    if not sheets:
        return None
    label = {sheet.pk: f"Judge {number}" for number, sheet in enumerate(sheets, start=1)}
    comments: dict[str, list[Comment]] = defaultdict(list)
    scores: dict[str, list[int]] = defaultdict(list)
    rows = Score.objects.filter(sheet_id__in=label).order_by("sheet__assignment_id")
    for sheet_id, criterion, score, comment in rows.values_list(
        "sheet_id", "criterion", "score", "comment"
    ):
        if comment.strip():
            comments[criterion].append(Comment(label[sheet_id], comment.strip()))
        if score is not None:
            scores[criterion].append(score)
    shows_scores = bool(getattr(host, "feedback_shows_scores", False))
    return Feedback(
        judges=len(sheets),
        overall=tuple(
            Comment(label[s.pk], s.overall_comment.strip())
            for s in sheets
            if s.overall_comment.strip()
        ),
        criteria=tuple(
            CriterionFeedback(
                heading=criterion.heading,
                comments=tuple(comments[criterion.key]),
                average=average(scores[criterion.key]) if shows_scores else None,
            )
            for criterion in host.judging_criteria()
        ),
        shows_scores=shows_scores,
    )


def feedback_panel(request, entry: Entry) -> str:
    """The "Judges' feedback" panel of the entry page (forms.entry_extras), or ""."""
    feedback = feedback_for(entry)
    if feedback is None:
        return ""
    return render_to_string(
        "judging/feedback/entry_feedback.html", {"feedback": feedback}, request=request
    )
