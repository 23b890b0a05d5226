"""Entries shared out among a panel's judges: evenly, the same way every run, and
without moving a sheet a judge has submitted."""

from collections import Counter

from judging.assignment import assign
from judging.models import Assignment, AssignmentMode, PanelJudge, ScoreSheet, SheetStatus

from .builders import build_judge, build_panel, build_submitted_entry


def active_pairs(panel):
    return set(
        Assignment.objects.filter(panel=panel, removed_at=None).values_list("judge_id", "entry_id")
    )


def test_every_judge_scores_every_entry_by_default(judged_category):
    judges = [build_judge() for _ in range(3)]
    entries = [build_submitted_entry(judged_category) for _ in range(4)]
    panel = build_panel([judged_category], judges)
    report = assign(panel)
    assert report.added == 12
    assert active_pairs(panel) == {(j.pk, e.pk) for j in judges for e in entries}


def test_n_judges_per_entry_are_shared_out_evenly_and_the_same_way_every_run(judged_category):
    judges = [build_judge() for _ in range(4)]
    entries = [build_submitted_entry(judged_category) for _ in range(10)]
    panel = build_panel(
        [judged_category], judges, assignment=AssignmentMode.SHARED, judges_per_entry=2
    )
    assign(panel)
    first = active_pairs(panel)
    per_entry = Counter(entry_id for _judge, entry_id in first)
    per_judge = Counter(judge_id for judge_id, _entry in first)
    assert set(per_entry.values()) == {2} and len(per_entry) == len(entries)
    assert sorted(per_judge.values()) == [5, 5, 5, 5]
    assert assign(panel).added == 0
    assert active_pairs(panel) == first


def test_a_judge_leaving_gives_back_unfinished_entries_and_keeps_submitted_ones(judged_category):
    judges = [build_judge() for _ in range(3)]
    entries = [build_submitted_entry(judged_category) for _ in range(6)]
    panel = build_panel(
        [judged_category], judges, assignment=AssignmentMode.SHARED, judges_per_entry=2
    )
    assign(panel)
    leaving = judges[0]
    theirs = list(Assignment.objects.filter(judge=leaving, removed_at=None).order_by("pk"))
    finished = theirs[0]
    ScoreSheet.objects.create(assignment=finished, status=SheetStatus.SUBMITTED)
    PanelJudge.objects.filter(judge=leaving).update(left_at=finished.created_at)

    assign(panel)
    pairs = active_pairs(panel)
    assert (leaving.pk, finished.entry_id) in pairs  # the submitted sheet did not move
    assert {e for j, e in pairs if j == leaving.pk} == {finished.entry_id}
    per_entry = Counter(entry_id for _judge, entry_id in pairs)
    assert all(per_entry[e.pk] == 2 for e in entries)


def test_a_judge_from_the_entrants_organisation_is_kept_from_that_entry(judged_category):
    judge = build_judge(organisation="The Northshire NHS Foundation Trust")
    other = build_judge()
    theirs = build_submitted_entry(
        judged_category,
        answers={"organisation_name": "Somewhere else"},
    )
    theirs.entrant.organisation = "Northshire NHS Trust"
    theirs.entrant.save()
    unrelated = build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge, other])
    report = assign(panel)
    assert [(c.judge, c.entry) for c in report.conflicts] == [(judge, theirs)]
    assert "Northshire NHS Trust" in report.conflicts[0].reason
    assert active_pairs(panel) == {
        (judge.pk, unrelated.pk),
        (other.pk, theirs.pk),
        (other.pk, unrelated.pk),
    }
