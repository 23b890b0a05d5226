"""What the organiser's page for a panel shows: its judges and invitations, progress per
judge and per entry, conflicts, and submitted sheets. Read-only selectors."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from ..assignment import AssignmentReport, panel_entries
from ..models import Assignment, Conflict, ConflictSource, Panel, ScoreSheet, SheetStatus


def person(user) -> str:
    if user is None:
        return "Someone who has deleted their account"
    return user.get_full_name() or user.email


@dataclass
class JudgeRow:
    membership_id: int
    name: str
    email: str
    active: bool
    left_at: object
    assigned: int = 0
    in_progress: int = 0
    submitted: int = 0


def judge_rows(panel: Panel) -> list[JudgeRow]:
    """Every judge who sits or sat on the panel, with their progress on it."""
    progress = {
        row["judge"]: row
        for row in Assignment.objects.filter(panel=panel, removed_at=None)
        .values("judge")
        .annotate(
            assigned=Count("pk"),
            in_progress=Count("pk", filter=Q(sheet__status=SheetStatus.DRAFT)),
            submitted=Count("pk", filter=Q(sheet__status=SheetStatus.SUBMITTED)),
        )
    }
    rows = []
    for membership in panel.memberships.select_related("judge").order_by(
        "left_at", "judge__last_name", "judge__email"
    ):
        figures = progress.get(membership.judge_id, {})
        rows.append(
            JudgeRow(
                membership_id=membership.pk,
                name=person(membership.judge),
                email=membership.judge.email,
                active=membership.left_at is None,
                left_at=membership.left_at,
                assigned=figures.get("assigned", 0),
                in_progress=figures.get("in_progress", 0),
                submitted=figures.get("submitted", 0),
            )
        )
    return rows


def invitations(panel: Panel) -> list:
    """Invitations not yet accepted nor withdrawn (expired ones too, to send again)."""
    now = timezone.now()
    found = list(
        panel.invitations.filter(accepted_at=None, withdrawn_at=None).order_by("-created_at")
    )
    for invitation in found:
        invitation.expired = invitation.expires_at <= now
    return found


def entry_rows(panel: Panel):
    """The panel's submitted entries with their sheets in and expected."""
    return panel_entries(panel).annotate(
        expected=Count(
            "judging_assignments",
            filter=Q(judging_assignments__panel=panel, judging_assignments__removed_at=None),
            distinct=True,
        ),
        sheets_in=Count(
            "judging_assignments",
            filter=Q(
                judging_assignments__panel=panel,
                judging_assignments__removed_at=None,
                judging_assignments__sheet__status=SheetStatus.SUBMITTED,
            ),
            distinct=True,
        ),
    )


def panel_conflicts(panel: Panel) -> list[Conflict]:
    """Conflicts between the panel's judges and its entries, standing ones first; a found
    one not yet seen by an organiser is marked ``new``."""
    judges = panel.memberships.values("judge_id")
    found = list(
        Conflict.objects.filter(entry__page__in=panel.categories.all(), judge_id__in=judges)
        .select_related("judge", "entry", "cleared_by")
        .order_by("cleared_at", "-found_at")
    )
    seen = panel.conflicts_seen_at
    for conflict in found:
        conflict.new = (
            conflict.source == ConflictSource.DETECTED
            and conflict.cleared_at is None
            and (seen is None or conflict.found_at > seen)
        )
    return found


def mark_conflicts_seen(panel: Panel) -> None:
    Panel.objects.filter(pk=panel.pk).update(conflicts_seen_at=timezone.now())


def submitted_sheets(panel: Panel):
    return (
        ScoreSheet.objects.filter(assignment__panel=panel, status=SheetStatus.SUBMITTED)
        .select_related("assignment__judge", "assignment__entry")
        .order_by("assignment__entry__reference", "assignment__judge__last_name")
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def describe(report: AssignmentReport) -> str:
    """ "12 assignments made, 1 removed, 1 conflict found: Judge Number 3 and
    PRA-2026-0004 — Same organisation as the entrant: Northshire NHS Trust"."""
    text = f"{_plural(report.added, 'assignment', 'assignments')} made, {report.removed} removed"
    if not report.conflicts:
        return f"{text}, no new conflicts found."
    details = "; ".join(
        f"{person(c.judge)} and {c.entry.reference or 'an entry'} — {c.reason}"
        for c in report.conflicts
    )
    return f"{text}, {_plural(len(report.conflicts), 'conflict', 'conflicts')} found: {details}"
