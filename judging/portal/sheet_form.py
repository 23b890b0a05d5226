"""The score sheet as a judge sees and sends it: a row per criterion, read from the
request exactly as typed, checked field by field, and drawn back with what was typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..hosting import Criterion
from ..models import Qualifying, ScoreSheet
from ..sheets import MAX_COMMENT, SheetError, SheetInput, parse_score

UNREADABLE_VERSION = (
    "We could not tell which version of the score sheet this page was showing. "
    "Reload the page and try again: your saved scores are safe."
)
QUALIFYING_FIELD = "qualifying-yes"  # the first radio: where the error summary links
QUALIFYING_CHOICES = [("yes", "Yes"), ("no", "No"), ("maybe", "Maybe")]
MAX_TYPED = 200  # a score box holds a number; anything longer is not one


def score_field(key: str) -> str:
    return f"score-{key}"


def comment_field(key: str) -> str:
    return f"comment-{key}"


def weight_label(weight: Decimal) -> str:
    """How much a criterion counts, said plainly: nothing for 1, "counts double" for 2."""
    if weight == 1:
        return ""
    if weight == 2:
        return "counts double"
    text = format(weight.normalize(), "f")
    return f"counts ×{text}"


@dataclass
class CriterionRow:
    """One criterion on the sheet: its score and comment as shown, and any message."""

    criterion: Criterion
    score: str = ""
    comment: str = ""
    error: str = ""
    # On a refused save: the other version's values, shown beside the judge's own.
    other_score: str | None = None
    other_comment: str | None = None

    @property
    def key(self) -> str:
        return self.criterion.key

    @property
    def field_id(self) -> str:
        return score_field(self.key)

    @property
    def comment_id(self) -> str:
        return comment_field(self.key)

    @property
    def weight_label(self) -> str:
        return weight_label(self.criterion.weight)

    @property
    def weight(self) -> str:
        return format(self.criterion.weight.normalize(), "f")

    @property
    def differs(self) -> bool:
        return self.other_score is not None and (
            self.other_score != self.score or (self.other_comment or "") != self.comment
        )


@dataclass
class SheetDisplay:
    """Everything the sheet's template needs besides the assignment."""

    rows: list[CriterionRow]
    qualifying: str = ""
    overall_comment: str = ""
    version: int = 1
    errors: dict[str, str] | None = None  # by field id, for the error summary
    other_qualifying: str | None = None
    other_overall: str | None = None

    @property
    def scored(self) -> int:
        return sum(1 for row in self.rows if row.score.strip().isdigit())

    @property
    def weighted(self) -> tuple[str, str]:
        """The running weighted score and the most it can be, e.g. ("27", "40")."""
        total = most = Decimal(0)
        for row in self.rows:
            most += 10 * row.criterion.weight
            if row.score.strip().isdigit() and int(row.score) <= 10:
                total += int(row.score) * row.criterion.weight
        return format(total.normalize(), "f"), format(most.normalize(), "f")

    @property
    def error_list(self) -> list[tuple[str, str]]:
        return list((self.errors or {}).items())

    @property
    def qualifying_error(self) -> str:
        return (self.errors or {}).get(QUALIFYING_FIELD, "")

    @property
    def overall_error(self) -> str:
        return (self.errors or {}).get("overall_comment", "")


def read_version(post) -> int:
    raw = post.get("version", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise SheetError(UNREADABLE_VERSION)
    return int(raw)


def read_sheet(post, criteria: list[Criterion]) -> SheetInput:
    """What the judge sent, as typed (trimmed of what no database keeps)."""

    def text(name: str, limit: int | None = None) -> str:
        value = post.get(name, "").replace("\x00", "").replace("\r\n", "\n")
        return value[:limit] if limit else value

    return SheetInput(
        scores={c.key: text(score_field(c.key), MAX_TYPED) for c in criteria},
        comments={c.key: text(comment_field(c.key)) for c in criteria},
        overall_comment=text("overall_comment"),
        qualifying=text("qualifying", 20),
    )


def field_errors(criteria: list[Criterion], data: SheetInput) -> dict[str, str]:
    """What is wrong with what was typed, by field id; empty when it can be saved."""
    errors = {}
    if data.qualifying and data.qualifying not in Qualifying.values:
        errors[QUALIFYING_FIELD] = "Choose yes, no or maybe."
    for criterion in criteria:
        try:
            parse_score(data.scores.get(criterion.key))
        except SheetError:
            errors[score_field(criterion.key)] = (
                f"Score for {criterion.heading} must be a whole number from 0 to 10"
            )
        if len(data.comments.get(criterion.key, "")) > MAX_COMMENT:
            errors[comment_field(criterion.key)] = (
                f"Comment on {criterion.heading} must be {MAX_COMMENT:,} characters or fewer"
            )
    if len(data.overall_comment) > MAX_COMMENT:
        errors["overall_comment"] = f"Overall comment must be {MAX_COMMENT:,} characters or fewer"
    return errors


def display_saved(criteria: list[Criterion], sheet: ScoreSheet | None) -> SheetDisplay:
    """The sheet as saved (an empty one before the first save)."""
    saved = {s.criterion: s for s in sheet.scores.all()} if sheet is not None else {}
    rows = []
    for criterion in criteria:
        score = saved.get(criterion.key)
        rows.append(
            CriterionRow(
                criterion,
                score="" if score is None or score.score is None else str(score.score),
                comment=score.comment if score is not None else "",
            )
        )
    if sheet is None:
        return SheetDisplay(rows)
    return SheetDisplay(rows, sheet.qualifying, sheet.overall_comment, sheet.version, errors=None)


def display_typed(
    criteria: list[Criterion], data: SheetInput, version: int, errors: dict[str, str]
) -> SheetDisplay:
    """The sheet as the judge typed it, each field's message beside it."""
    rows = [
        CriterionRow(
            criterion,
            score=data.scores.get(criterion.key, ""),
            comment=data.comments.get(criterion.key, ""),
            error=errors.get(score_field(criterion.key))
            or errors.get(comment_field(criterion.key), ""),
        )
        for criterion in criteria
    ]
    return SheetDisplay(rows, data.qualifying, data.overall_comment, version, errors)


def display_beside(mine: SheetDisplay, other: SheetDisplay, version: int) -> SheetDisplay:
    """The judge's own values in the fields, the other version's beside each that differs."""
    for row, theirs in zip(mine.rows, other.rows, strict=True):
        row.other_score, row.other_comment = theirs.score, theirs.comment
    mine.other_qualifying = other.qualifying
    mine.other_overall = other.overall_comment
    mine.version = version
    return mine


def as_json(display: SheetDisplay) -> dict:
    return {
        "qualifying": display.qualifying,
        "overall_comment": display.overall_comment,
        "scores": {row.field_id: row.score for row in display.rows},
        "comments": {row.comment_id: row.comment for row in display.rows},
    }
