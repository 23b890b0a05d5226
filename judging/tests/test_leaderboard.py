"""The leaderboard's figures on a small example worked out by hand, and its query budget.

The category weighs Vision 2, Delivery 1, Outcomes 1, so a sheet's weighted
score is T = (2·vision + delivery + outcomes) / 4. Three judges, four entries:

    judge  entry  scores      T     counted?
    J1     A      8, 6, 7     7.25  yes
    J1     B      5, 5, 5     5.00  yes
    J1     C      10,10,10          no: still a draft
    J1     D      9, 9, 9           no: qualifying "no"
    J2     A      9, 8, 8     8.50  yes
    J2     B      6, 4, 8     6.00  yes
    J2     C      4, 6, 2     4.00  yes
    J3     A      6, 6, 6     6.00  yes
    J3     B      7, 5, 5     6.00  yes
    J3     C      5, 7, 7     6.00  yes
    J4     A      0, 0, 0           no: the assignment was removed (a conflict)

Per judge, over their counted sheets (population standard deviation):
    J1: T 7.25, 5      μ 6.125   σ 1.125   z: A +1, B −1
    J2: T 8.5, 6, 4    μ 6.1667  σ 1.84089 z: A +1.26750, B −0.09054, C −1.17696
    J3: T 6, 6, 6      σ 0, so every z is 0

Per entry:
    A: weighted (7.25+8.5+6)/3 = 7.25; mean of its 9 scores 64/9 = 7.111;
       normalised (1 + 1.26750 + 0)/3 = 0.756; 3 sheets of 3; rank 1
    B: weighted 17/3 = 5.667; mean 50/9 = 5.556; normalised −0.364; 3 of 3; rank 2
    C: weighted (4+6)/2 = 5; mean 31/6 = 5.167; normalised −0.588; 2 of 3; rank 3
    D: no sheet in: unranked, last; 0 of 3; one judge said no.
"""

import pytest
from django.utils import timezone

from judging.leaderboard import leaderboard
from judging.models import Assignment, Qualifying, Score, ScoreSheet, SheetStatus

from .builders import build_judge, build_panel, build_submitted_entry

KEYS = ("vision", "delivery", "outcomes")


def sheet(panel, judge, entry, scores=None, *, status=SheetStatus.SUBMITTED, qualifying="yes"):
    assignment = Assignment.objects.create(panel=panel, judge=judge, entry=entry)
    made = ScoreSheet.objects.create(
        assignment=assignment,
        status=status,
        qualifying=qualifying,
        submitted_at=timezone.now() if status == SheetStatus.SUBMITTED else None,
    )
    for key, score in zip(KEYS, scores or (), strict=False):
        Score.objects.create(sheet=made, criterion=key, score=score, comment=f"{key} comment")
    return made


def entry_with(category, reference, **answers):
    made = build_submitted_entry(category, answers=answers or None)
    made.reference = reference
    made.save(update_fields=["reference"])
    return made


def build_example(category):
    """The example above; returns the entries A-D and judges J1-J3 by name."""
    judges = {
        name: build_judge(first_name="Judge", last_name=name) for name in ("J1", "J2", "J3", "J4")
    }
    entries = {}
    for letter in "ABCD":
        entries[letter] = entry_with(
            category,
            f"PRA-2026-00{ord(letter) - 64}{letter}",
            organisation_name=f"Trust {letter}",
            entry_title=f"Project {letter}",
        )
    panel = build_panel([category], judges.values(), qualifying_round=True)
    plan = {
        ("J1", "A"): (8, 6, 7),
        ("J1", "B"): (5, 5, 5),
        ("J2", "A"): (9, 8, 8),
        ("J2", "B"): (6, 4, 8),
        ("J2", "C"): (4, 6, 2),
        ("J3", "A"): (6, 6, 6),
        ("J3", "B"): (7, 5, 5),
        ("J3", "C"): (5, 7, 7),
    }
    for (judge, letter), scores in plan.items():
        sheet(panel, judges[judge], entries[letter], scores)
    sheet(panel, judges["J1"], entries["C"], (10, 10, 10), status=SheetStatus.DRAFT)
    sheet(panel, judges["J1"], entries["D"], (9, 9, 9), qualifying=Qualifying.NO)
    for judge in ("J2", "J3"):
        Assignment.objects.create(panel=panel, judge=judges[judge], entry=entries["D"])
    removed = sheet(panel, judges["J4"], entries["A"], (0, 0, 0))
    Assignment.objects.filter(pk=removed.assignment_id).update(
        removed_at=timezone.now(), removed_because="Conflict found"
    )
    return entries, judges


def figures(row):
    return (
        row.reference[-1],
        row.rank,
        None if row.weighted is None else round(row.weighted, 3),
        None if row.mean is None else round(row.mean, 3),
        None if row.normalised is None else round(row.normalised, 3),
        row.sheets_in,
        row.sheets_expected,
    )


def test_every_figure_matches_the_example_worked_out_by_hand(
    judged_category, django_assert_max_num_queries
):
    build_example(judged_category)
    with django_assert_max_num_queries(10):
        board = leaderboard(judged_category)
    assert [figures(row) for row in board.rows] == [
        ("A", 1, 7.25, 7.111, 0.756, 3, 3),
        ("B", 2, 5.667, 5.556, -0.364, 3, 3),
        ("C", 3, 5.0, 5.167, -0.588, 2, 3),
        ("D", None, None, None, None, 0, 3),
    ]
    a, _b, c, d = board.rows
    assert (a.organisation, a.title) == ("Trust A", "Project A")
    assert board.qualifying_round
    assert a.qualifying == {"yes": 3, "maybe": 0, "no": 0}
    assert c.qualifying == {"yes": 2, "maybe": 0, "no": 0}  # J1's draft is not an answer yet
    assert d.qualifying == {"yes": 0, "maybe": 0, "no": 1}
    assert [row.reference[-1] for row in board.ranked] == ["A", "B", "C"]


def test_a_sheet_submitted_a_moment_ago_is_in_the_next_reading(judged_category):
    entries, judges = build_example(judged_category)
    draft = ScoreSheet.objects.get(assignment__judge=judges["J1"], assignment__entry=entries["C"])
    draft.status = SheetStatus.SUBMITTED
    draft.save()
    row = next(row for row in leaderboard(judged_category).rows if row.reference.endswith("C"))
    # C now has J1's 10s too: T 10, 4, 6 -> 20/3.
    assert (row.sheets_in, round(row.weighted, 3)) == (3, 6.667)


def test_ties_on_the_weighted_score_go_to_the_normalised_score_then_the_reference(
    judged_category,
):
    strict, lenient, third_judge = build_judge(), build_judge(), build_judge()
    panel = build_panel([judged_category], [strict, lenient, third_judge])
    e = {
        n: entry_with(judged_category, ref)
        for n, ref in [
            (1, "PRA-2026-9001"),
            (2, "PRA-2026-9002"),
            (3, "PRA-2026-9003"),
            (4, "PRA-2026-9004"),
            (5, "PRA-2026-9006"),
            (6, "PRA-2026-9005"),
        ]
    }
    # strict: T 8, 4, 6 (μ 6, σ 1.633): z +1.225, -1.225, 0
    for n, score in [(1, 8), (2, 4), (3, 6)]:
        sheet(panel, strict, e[n], (score,) * 3)
    # lenient: T 4, 8, 6, 10 (μ 7, σ 2.236): z -1.342, +0.447, -0.447, +1.342
    for n, score in [(1, 4), (2, 8), (3, 6), (4, 10)]:
        sheet(panel, lenient, e[n], (score,) * 3)
    # the third judge gives 5 and 6 the same (σ 0, z 0): only the reference tells them apart
    for n in (5, 6):
        sheet(panel, third_judge, e[n], (3, 3, 3))
    board = leaderboard(judged_category)
    # 1, 2 and 3 all have a weighted score of 6; normalised -0.059, -0.389, -0.224.
    assert [(row.reference, row.rank, round(row.weighted, 3)) for row in board.rows] == [
        ("PRA-2026-9004", 1, 10.0),
        ("PRA-2026-9001", 2, 6.0),
        ("PRA-2026-9003", 3, 6.0),
        ("PRA-2026-9002", 4, 6.0),
        ("PRA-2026-9005", 5, 3.0),
        ("PRA-2026-9006", 6, 3.0),
    ]


def test_a_category_without_criteria_lists_its_entries_unranked(home_page):
    from awards.tests.builders import build_category, build_programme
    from forms.tests.builders import build_entry_form

    category = build_category(build_programme(home_page), entry_form=build_entry_form())
    build_submitted_entry(category)
    board = leaderboard(category)
    assert [(row.rank, row.sheets_in) for row in board.rows] == [(None, 0)]


@pytest.mark.parametrize("count", [0, 1])
def test_nothing_is_stored(judged_category, count):
    for _ in range(count):
        build_submitted_entry(judged_category)
    assert len(leaderboard(judged_category).rows) == count
