"""A judge's panels, score sheets and conflicts are theirs: in their data download, named
on the delete-account page, and gone with the account."""

from accounts.personal_data import delete_account, deletion_notes, export_user_data
from forms.tests.builders import build_user
from judging import conflicts, sheets
from judging.assignment import assign
from judging.models import ScoreSheet

from .builders import build_judge, build_panel, build_submitted_entry


def judged(judged_category):
    judge = build_judge(first_name="Grace", last_name="Hopper")
    entry = build_submitted_entry(judged_category)
    other = build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge])
    assign(panel)
    assignment = judge.judging_assignments.get(entry=entry)
    sheets.save_sheet(
        assignment,
        sheets.SheetInput(
            scores={"vision": "7", "delivery": "5", "outcomes": "8"},
            comments={"vision": "A clear plan."},
            overall_comment="Strong.",
        ),
        base_version=1,
    )
    sheets.submit_sheet(assignment, version=2)
    conflicts.declare(judge, other, "I mentored their lead last year.")
    return judge, entry, other


def test_the_download_holds_the_judges_sheets_and_conflicts(judged_category):
    judge, entry, other = judged(judged_category)
    data = export_user_data(user=judge)["judging"]
    assert data["panels"][0]["panel"] == "Performance Recovery panel"
    [sheet] = data["score_sheets"]
    assert sheet["entry"] == entry.reference
    assert sheet["status"] == "Submitted"
    assert sheet["scores"]["vision"] == {"score": 7, "comment": "A clear plan."}
    assert sheet["overall_comment"] == "Strong."
    [conflict] = data["conflicts"]
    assert conflict == {
        "entry": other.reference,
        "how": "Declared by the judge",
        "reason": "I mentored their lead last year.",
        "found_at": conflict["found_at"],
    }


def test_someone_who_never_judged_has_no_judging_section(db):
    assert "judging" not in export_user_data(user=build_user("ada@example.org"))


def test_deleting_the_account_says_what_happens_to_the_sheets_and_does_it(judged_category):
    judge, _entry, _other = judged(judged_category)
    notes = " ".join(str(note) for note in deletion_notes(user=judge))
    assert "The 1 score sheet you wrote, with its scores and comments, is deleted" in notes
    delete_account(user=judge)
    assert ScoreSheet.objects.count() == 0
