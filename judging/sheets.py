"""Score sheets: saved like entries (version-checked, nothing lost), submitted once
complete, then locked until an organiser reopens them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .hosting import Criterion, as_judged
from .models import Assignment, Qualifying, Score, ScoreSheet, SheetStatus

MAX_COMMENT = 5000


class SheetError(Exception):
    """A save or submit that cannot be done; ``message`` says why, in plain words."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleSheet(SheetError):
    status = 409

    def __init__(self, current: ScoreSheet):
        super().__init__(
            "These scores were changed in another tab or device since this page was opened. "
            "The newer scores are shown; check them, then save again."
        )
        self.current = current


class SheetLocked(SheetError):
    status = 409

    def __init__(self):
        super().__init__(
            "This score sheet has been submitted, so it can no longer be changed. "
            "Ask the awards team to reopen it if something needs correcting."
        )


class SheetIncomplete(SheetError):
    status = 400

    def __init__(self, problems: dict[str, str]):
        super().__init__("The score sheet is not complete yet.")
        self.problems = problems


@dataclass(frozen=True)
class SheetInput:
    """What a judge sent: per criterion key a score (text as typed) and a comment."""

    scores: dict[str, str]
    comments: dict[str, str]
    overall_comment: str = ""
    qualifying: str = ""


def criteria_for(assignment: Assignment) -> list[Criterion]:
    host = as_judged(assignment.entry.page)
    return host.judging_criteria() if host is not None else []


def parse_score(raw) -> int | None:
    """A score as typed: empty is no score yet; anything else must be a whole 0–10."""
    if raw is None or str(raw).strip() == "":
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise SheetError("A score must be a whole number from 0 to 10.") from None
    if not 0 <= value <= 10:
        raise SheetError(f"A score must be from 0 to 10; {value} is outside that.")
    return value


def sheet_for(assignment: Assignment) -> ScoreSheet:
    sheet, _ = ScoreSheet.objects.get_or_create(assignment=assignment)
    return sheet


def save_sheet(
    assignment: Assignment, data: SheetInput, *, base_version: int, now=None
) -> ScoreSheet:
    """Write the judge's scores if the sheet is still as they read it."""
    criteria = {criterion.key: criterion for criterion in criteria_for(assignment)}
    parsed = {key: parse_score(data.scores.get(key)) for key in criteria}
    for text in [data.overall_comment, *data.comments.values()]:
        if len(text or "") > MAX_COMMENT:
            raise SheetError(f"A comment can be at most {MAX_COMMENT:,} characters.")
    if data.qualifying and data.qualifying not in Qualifying.values:
        raise SheetError("Choose yes, no or maybe for the qualifying round.")
    now = now or timezone.now()
    with transaction.atomic():
        sheet = sheet_for(assignment)
        sheet = ScoreSheet.objects.select_for_update().get(pk=sheet.pk)
        if sheet.is_submitted:
            raise SheetLocked()
        if sheet.version != base_version:
            raise StaleSheet(sheet)
        existing = {score.criterion: score for score in sheet.scores.all()}
        for key in criteria:
            score = existing.get(key) or Score(sheet=sheet, criterion=key)
            score.score = parsed[key]
            score.comment = (data.comments.get(key) or "").strip()
            score.save()
        sheet.overall_comment = (data.overall_comment or "").strip()
        sheet.qualifying = data.qualifying or ""
        sheet.version += 1
        sheet.updated_at = now
        sheet.save()
    return sheet


def problems(
    sheet: ScoreSheet, criteria: list[Criterion], qualifying_round: bool
) -> dict[str, str]:
    """What stops the sheet being submitted, by criterion key ("qualifying" for the round)."""
    found = {}
    if qualifying_round and not sheet.qualifying:
        found["qualifying"] = "Say whether this entry qualifies: yes, no or maybe."
    if sheet.qualifying == Qualifying.NO:
        return found  # an entry that does not qualify needs no scores
    scores = {score.criterion: score.score for score in sheet.scores.all()}
    for criterion in criteria:
        if scores.get(criterion.key) is None:
            found[criterion.key] = f"Give a score from 0 to 10 for {criterion.heading}."
    return found


def submit_sheet(assignment: Assignment, *, version: int, now=None) -> ScoreSheet:
    now = now or timezone.now()
    criteria = criteria_for(assignment)
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().get(pk=sheet_for(assignment).pk)
        if sheet.is_submitted:
            raise SheetLocked()
        if sheet.version != version:
            raise StaleSheet(sheet)
        found = problems(sheet, criteria, assignment.panel.qualifying_round)
        if found:
            raise SheetIncomplete(found)
        sheet.status = SheetStatus.SUBMITTED
        sheet.submitted_at = now
        sheet.version += 1
        sheet.save()
    return sheet


def reopen_sheet(sheet: ScoreSheet, by, now=None) -> ScoreSheet:
    """An organiser unlocks a submitted sheet so its judge can correct it."""
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().get(pk=sheet.pk)
        if not sheet.is_submitted:
            return sheet
        sheet.status = SheetStatus.DRAFT
        sheet.reopened_at = now or timezone.now()
        sheet.reopened_by = by
        sheet.version += 1
        sheet.save()
    return sheet
