"""A category's leaderboard, computed by the database from the score sheets on every view.

Nothing is stored, so there is nothing to recalculate: a sheet submitted a
second ago is in the next page load. For one category page C, whose criteria k
carry weights w_k (``judging.hosting.as_judged(C).judging_criteria()``):

- **Counted sheets**: score sheets that are submitted, on an active assignment
  (not removed, e.g. by a conflict) of a submitted entry on C, and whose
  qualifying answer is not "no".
- **A sheet's weighted score** T = Σ_k w_k·s_k / Σ_k w_k over the criteria of
  C: a figure out of 10. (Should editors add a criterion after a sheet was
  submitted, the sheet counts the criteria it has scores for.)
- Per entry:
  - **weighted score**: the mean T of its counted sheets;
  - **mean score**: the plain mean of every criterion score in its counted sheets;
  - **sheets in**: its counted sheets; **sheets expected**: its active assignments;
  - **qualifying**: how many judges said yes, maybe and no (submitted sheets on
    active assignments), when a panel judging them has a qualifying round;
  - **normalised score**: the mean, over its counted sheets, of
    z = (T − μ_j) / σ_j, where μ_j and σ_j are the mean and the population
    standard deviation of T over judge j's counted sheets in C (z = 0 when
    σ_j = 0). It evens out judges who mark high or low, or spread their marks.
- **Rank**: by weighted score (highest first), then normalised score, then
  reference. Entries with no sheet in come last, unranked.

The figures come from one SQL statement (common table expressions and window
functions, the same on SQLite and PostgreSQL; the weights go in as a small
table of parameters) and the entries' details from two more: three queries
for any number of entries, sheets and judges. Python never loops over sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import Count, F, Q
from django.db.models.fields.json import KeyTextTransform

from forms.models import Entry, EntryStatus

from .hosting import Criterion, as_judged
from .models import Assignment, Qualifying, Score, ScoreSheet, SheetStatus

# A judge's variance below this is taken as no spread at all (floating-point noise).
NO_SPREAD = 1e-12


@dataclass
class Row:
    """One entry on the leaderboard."""

    entry_id: int
    public_id: str
    reference: str
    organisation: str
    title: str
    sheets_expected: int = 0
    sheets_in: int = 0
    weighted: float | None = None
    mean: float | None = None
    normalised: float | None = None
    rank: int | None = None
    qualifying: dict[str, int] = field(default_factory=dict)
    outcome: str = ""
    outcome_label: str = ""


@dataclass
class Leaderboard:
    page: object
    criteria: list[Criterion]
    qualifying_round: bool
    rows: list[Row]

    @property
    def ranked(self) -> list[Row]:
        return [row for row in self.rows if row.rank is not None]

    @property
    def shortlisted(self) -> int:
        """Entries with an outcome: winners and highly commended are on the shortlist too."""
        return sum(1 for row in self.rows if row.outcome)


def counted_sheets(page):
    """The sheets the leaderboard counts for ``page`` (see the module's docstring)."""
    return ScoreSheet.objects.filter(
        status=SheetStatus.SUBMITTED,
        assignment__removed_at=None,
        assignment__entry__page_id=page.pk,
        assignment__entry__status=EntryStatus.SUBMITTED,
    ).exclude(qualifying=Qualifying.NO)


def _figures_sql(connection, criteria: list[Criterion]) -> tuple[str, list]:
    """The statement giving, per entry of the page with a counted sheet: weighted score,
    mean score, normalised score, sheets in and rank. Parameters: the weights, then the page."""
    q = connection.ops.quote_name
    sheet, assignment = q(ScoreSheet._meta.db_table), q(Assignment._meta.db_table)
    entry, score = q(Entry._meta.db_table), q(Score._meta.db_table)
    params: list = []
    if criteria:
        rows = []
        for criterion in criteria:
            rows.append("SELECT %s AS criterion, CAST(%s AS DOUBLE PRECISION) AS weight")
            params += [criterion.key, float(criterion.weight)]
        weights = " UNION ALL ".join(rows)
    else:
        weights = (
            "SELECT CAST(NULL AS VARCHAR(100)) AS criterion, "
            "CAST(NULL AS DOUBLE PRECISION) AS weight WHERE 1 = 0"
        )
    sql = f"""
        WITH weights AS ({weights}),
        sheets AS (
            SELECT a.judge_id AS judge_id, a.entry_id AS entry_id,
                   SUM(w.weight * s.score) / SUM(w.weight) AS total,
                   SUM(s.score) AS score_sum, COUNT(s.score) AS score_count
            FROM {sheet} sh
            JOIN {assignment} a ON a.id = sh.assignment_id
            JOIN {entry} e ON e.id = a.entry_id
            JOIN {score} s ON s.sheet_id = sh.id
            JOIN weights w ON w.criterion = s.criterion
            WHERE e.page_id = %s AND e.status = %s AND a.removed_at IS NULL
              AND sh.status = %s AND sh.qualifying <> %s AND s.score IS NOT NULL
            GROUP BY sh.id, a.judge_id, a.entry_id
            HAVING SUM(w.weight) > 0
        ),
        judged AS (
            SELECT entry_id, judge_id, total, score_sum, score_count,
                   total - AVG(total) OVER (PARTITION BY judge_id) AS deviation
            FROM sheets
        ),
        spread AS (
            SELECT entry_id, total, score_sum, score_count, deviation,
                   AVG(deviation * deviation) OVER (PARTITION BY judge_id) AS variance
            FROM judged
        ),
        per_entry AS (
            SELECT entry_id,
                   AVG(total) AS weighted,
                   CAST(SUM(score_sum) AS DOUBLE PRECISION) / SUM(score_count) AS mean,
                   AVG(CASE WHEN variance > {NO_SPREAD!r} THEN deviation / SQRT(variance)
                            ELSE 0 END) AS normalised,
                   COUNT(*) AS sheets_in
            FROM spread
            GROUP BY entry_id
        )
        SELECT p.entry_id, p.weighted, p.mean, p.normalised, p.sheets_in,
               ROW_NUMBER() OVER (
                   ORDER BY p.weighted DESC, p.normalised DESC, e.reference ASC, e.id ASC
               ) AS rank
        FROM per_entry p
        JOIN {entry} e ON e.id = p.entry_id
    """  # noqa: S608 (table names quoted from the models; every value is a parameter)
    return sql, params


def figures(page, criteria: list[Criterion]) -> dict[int, tuple]:
    """{entry id: (weighted, mean, normalised, sheets in, rank)} in one query."""
    connection = connections[router.db_for_read(ScoreSheet)]
    sql, params = _figures_sql(connection, criteria)
    params += [page.pk, EntryStatus.SUBMITTED, SheetStatus.SUBMITTED, Qualifying.NO]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _entries(page):
    """The page's submitted entries with what the table shows, and their outcome."""
    return (
        Entry.objects.filter(page_id=page.pk, status=EntryStatus.SUBMITTED)
        .annotate(
            answer_organisation=KeyTextTransform("organisation_name", "answers"),
            answer_title=KeyTextTransform("entry_title", "answers"),
            entrant_organisation=F("entrant__organisation"),
            outcome=F("result__outcome"),
        )
        .values_list(
            "pk",
            "public_id",
            "reference",
            "answer_organisation",
            "entrant_organisation",
            "answer_title",
            "outcome",
        )
        .order_by("reference", "pk")
    )


def _assignment_counts(page) -> dict[int, tuple[int, int, int, int, int]]:
    """{entry id: (active assignments, yes, maybe, no, on a panel with a qualifying round)};
    the answers are those of submitted sheets."""
    submitted = Q(sheet__status=SheetStatus.SUBMITTED)
    rows = (
        Assignment.objects.filter(
            entry__page_id=page.pk, entry__status=EntryStatus.SUBMITTED, removed_at=None
        )
        .values("entry_id")
        .annotate(
            expected=Count("pk"),
            yes=Count("pk", filter=submitted & Q(sheet__qualifying=Qualifying.YES)),
            maybe=Count("pk", filter=submitted & Q(sheet__qualifying=Qualifying.MAYBE)),
            no=Count("pk", filter=submitted & Q(sheet__qualifying=Qualifying.NO)),
            qualifying_round=Count("pk", filter=Q(panel__qualifying_round=True)),
        )
        .order_by()
        .values_list("entry_id", "expected", "yes", "maybe", "no", "qualifying_round")
    )
    return {entry_id: counts for entry_id, *counts in rows}


def leaderboard(page) -> Leaderboard:
    """The page's leaderboard: every submitted entry, ranked ones first in rank order."""
    from .models import Outcome

    host = as_judged(page)
    criteria = host.judging_criteria() if host is not None else []
    scored = figures(page, criteria)
    counts = _assignment_counts(page)
    labels = dict(Outcome.choices)
    rows, qualifying_round = [], False
    for pk, public_id, reference, organisation, entrant_org, title, outcome in _entries(page):
        expected, yes, maybe, no, on_qualifying_panel = counts.get(pk, (0, 0, 0, 0, 0))
        qualifying_round = qualifying_round or on_qualifying_panel > 0
        row = Row(
            entry_id=pk,
            public_id=public_id,
            reference=reference or "",
            organisation=organisation or entrant_org or "",
            title=title or "",
            sheets_expected=expected,
            qualifying={"yes": yes, "maybe": maybe, "no": no},
            outcome=outcome or "",
            outcome_label=labels.get(outcome, ""),
        )
        if pk in scored:
            row.weighted, row.mean, row.normalised, row.sheets_in, row.rank = scored[pk]
        rows.append(row)
    # Ranked entries in rank order, then the rest by reference (the query's order).
    rows.sort(key=lambda row: (row.rank is None, row.rank or 0))
    return Leaderboard(page=page, criteria=criteria, qualifying_round=qualifying_round, rows=rows)
