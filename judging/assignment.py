"""Who scores which entry: every judge every entry, or N judges per entry shared out evenly.

Re-runnable at any time (a judge joins or leaves, an entry is submitted late):
the same panel, entries and judges always give the same assignments, nothing a
judge has submitted moves, and a conflict found on the way keeps that judge
from that entry.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from forms.models import Entry, EntryStatus

from .conflicts import Party, find_conflict, own_parties, team_parties, tell_organisers
from .models import Assignment, AssignmentMode, Conflict, ConflictSource, Panel, SheetStatus

LEFT_THE_PANEL = "Left the panel"


@dataclass
class AssignmentReport:
    added: int = 0
    removed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)


def panel_entries(panel: Panel):
    """The submitted entries of the panel's categories, oldest first."""
    return (
        Entry.objects.filter(page__in=panel.categories.all(), status=EntryStatus.SUBMITTED)
        .select_related("entrant")
        .order_by("pk")
    )


def panel_judges(panel: Panel) -> list:
    return list(
        get_user_model()
        .objects.filter(judge_memberships__panel=panel, judge_memberships__left_at=None)
        .order_by("pk")
    )


def _parties_by_entry(entries: list[Entry]) -> dict[int, list[Party]]:
    """Each entry's parties (conflicts.entry_parties), read in one query for them all."""
    parties: dict[int, list[Party]] = {entry.pk: own_parties(entry) for entry in entries}
    for entry_id, party in team_parties(list(parties)):
        parties[entry_id].append(party)
    return parties


def _spread(entry_id: int, judge_id: int) -> bytes:
    """A fixed, well-mixed order of judges per entry, so ties in load do not always go
    to the same judge."""
    return hashlib.sha256(f"{entry_id}:{judge_id}".encode()).digest()


@transaction.atomic
def assign(panel: Panel) -> AssignmentReport:
    report = AssignmentReport()
    now = timezone.now()
    entries = list(panel_entries(panel))
    judges = panel_judges(panel)
    judge_ids = {judge.pk for judge in judges}
    entry_ids = {entry.pk for entry in entries}

    existing = {
        (a.judge_id, a.entry_id): a
        for a in Assignment.objects.filter(panel=panel).select_related("sheet")
    }
    # Judges who left give back what they have not submitted; a submitted sheet stays.
    for (judge_id, _entry_id), assignment in existing.items():
        if judge_id in judge_ids or not assignment.active:
            continue
        sheet = getattr(assignment, "sheet", None)
        if sheet is None or sheet.status != SheetStatus.SUBMITTED:
            assignment.removed_at = now
            assignment.removed_because = LEFT_THE_PANEL
            assignment.save(update_fields=["removed_at", "removed_because"])
            report.removed += 1

    # Conflicts: those already known, then any found now between these judges and entries.
    blocked = set(
        Conflict.objects.filter(entry_id__in=entry_ids, cleared_at=None).values_list(
            "judge_id", "entry_id"
        )
    )
    cleared = set(
        Conflict.objects.filter(
            entry_id__in=entry_ids, source=ConflictSource.DETECTED, cleared_at__isnull=False
        ).values_list("judge_id", "entry_id")
    )
    parties = _parties_by_entry(entries)
    for entry in entries:
        for judge in judges:
            pair = (judge.pk, entry.pk)
            if pair in blocked or pair in cleared:
                continue
            reason = find_conflict(judge, parties[entry.pk])
            if reason is not None:
                conflict = Conflict.objects.create(
                    judge=judge, entry=entry, source=ConflictSource.DETECTED, reason=reason
                )
                report.conflicts.append(conflict)
                blocked.add(pair)
    for pair in blocked:
        assignment = existing.get(pair)
        if assignment is not None and assignment.active:
            assignment.removed_at = now
            assignment.removed_because = "Conflict of interest"
            assignment.save(update_fields=["removed_at", "removed_because"])
            report.removed += 1

    def counts(assignment: Assignment) -> bool:
        if not assignment.active:
            return False
        if assignment.judge_id in judge_ids:
            return True
        sheet = getattr(assignment, "sheet", None)
        return sheet is not None and sheet.status == SheetStatus.SUBMITTED

    load = Counter(a.judge_id for a in existing.values() if a.active and a.judge_id in judge_ids)
    wanted = len(judges) if panel.assignment == AssignmentMode.ALL else panel.judges_per_entry
    by_entry: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in existing.values():
        by_entry[assignment.entry_id].append(assignment)
    to_create = []
    for entry in entries:
        have = {a.judge_id for a in by_entry[entry.pk] if counts(a)}
        candidates = [
            judge
            for judge in judges
            if judge.pk not in have and (judge.pk, entry.pk) not in blocked
        ]
        candidates.sort(key=lambda judge: (load[judge.pk], _spread(entry.pk, judge.pk)))
        for judge in candidates[: max(0, wanted - len(have))]:
            load[judge.pk] += 1
            previous = existing.get((judge.pk, entry.pk))
            if previous is not None:  # came back to the panel: the old sheet returns too
                previous.removed_at = None
                previous.removed_because = ""
                previous.save(update_fields=["removed_at", "removed_because"])
            else:
                to_create.append(Assignment(panel=panel, judge=judge, entry=entry))
            report.added += 1
    Assignment.objects.bulk_create(to_create)
    tell_organisers(report.conflicts)
    return report
