"""The judging app's answers to accounts' signals (accounts/signals.py): a judge's panels,
score sheets and conflicts in their data download, and what the delete-account page says
happens to them. Deleting the account deletes them with it (the foreign keys cascade):
a judge's scores and comments are theirs, and a leaderboard counts only the sheets that
remain. Connected once, in JudgingConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from accounts import signals

from .models import Conflict, PanelJudge, ScoreSheet


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def judging_in_personal_data(sender, *, user, **kwargs) -> dict[str, Any]:
    panels = [
        {"panel": m.panel.name, "joined": _when(m.added_at), "left": _when(m.left_at)}
        for m in PanelJudge.objects.filter(judge=user).select_related("panel")
    ]
    if not panels:
        return {}
    sheets = (
        ScoreSheet.objects.filter(assignment__judge=user)
        .select_related("assignment__entry")
        .prefetch_related("scores")
        .order_by("pk")
    )
    return {
        "judging": {
            "panels": panels,
            "score_sheets": [
                {
                    "entry": sheet.assignment.entry.reference,
                    "status": sheet.get_status_display(),
                    "qualifies": sheet.get_qualifying_display() or None,
                    "scores": {
                        score.criterion: {"score": score.score, "comment": score.comment}
                        for score in sheet.scores.all()
                    },
                    "overall_comment": sheet.overall_comment,
                    "submitted_at": _when(sheet.submitted_at),
                }
                for sheet in sheets
            ],
            "conflicts": [
                {
                    "entry": conflict.entry.reference,
                    "how": conflict.get_source_display(),
                    "reason": conflict.reason,
                    "found_at": _when(conflict.found_at),
                }
                for conflict in Conflict.objects.filter(judge=user).select_related("entry")
            ],
        }
    }


def judging_on_delete_account_page(sender, *, user, **kwargs) -> SafeString:
    if not PanelJudge.objects.filter(judge=user).exists():
        return mark_safe("")
    sheets = ScoreSheet.objects.filter(assignment__judge=user).count()
    return format_html(
        "<li>You leave every judging panel. The {} score sheet{} you wrote, with {} scores "
        "and comments, {} deleted, and the awards team's leaderboards no longer count {}.</li>",
        sheets,
        "" if sheets == 1 else "s",
        "its" if sheets == 1 else "their",
        "is" if sheets == 1 else "are",
        "it" if sheets == 1 else "them",
    )


def connect() -> None:
    """Connect the receivers; the dispatch_uids make calling it again harmless."""
    signals.collect_personal_data.connect(
        judging_in_personal_data, dispatch_uid="judging.judging_in_personal_data"
    )
    signals.describe_account_deletion.connect(
        judging_on_delete_account_page, dispatch_uid="judging.judging_on_delete_account_page"
    )
