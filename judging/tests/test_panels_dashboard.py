"""The organiser's page for a panel: progress, assigning, removing a judge, clearing a
found conflict and reopening a submitted sheet."""

import pytest
from django.urls import reverse
from django.utils import timezone

from judging.assignment import assign
from judging.models import (
    Assignment,
    AssignmentMode,
    Conflict,
    ConflictSource,
    PanelJudge,
    ScoreSheet,
    SheetStatus,
)

from .builders import build_judge, build_panel, build_submitted_entry
from .panel_helpers import entries_manager


@pytest.fixture
def manager_client(client, db):
    client.force_login(entries_manager())
    return client


def dashboard(client, panel) -> str:
    response = client.get(reverse("judging_panels:dashboard", args=[panel.pk]))
    assert response.status_code == 200
    return response.content.decode()


def active(panel):
    return set(
        Assignment.objects.filter(panel=panel, removed_at=None).values_list("judge_id", "entry_id")
    )


def submit(assignment):
    return ScoreSheet.objects.create(
        assignment=assignment, status=SheetStatus.SUBMITTED, submitted_at=timezone.now()
    )


def test_assign_entries_reports_what_it_did_with_the_conflict_found(
    manager_client, judged_category, django_capture_on_commit_callbacks
):
    judges = [build_judge() for _ in range(3)]
    conflicted = judges[2]
    entries = [build_submitted_entry(judged_category) for _ in range(4)]
    entrant = entries[3].entrant
    entrant.organisation = "Northshire NHS Trust"
    entrant.save()
    conflicted.organisation = "Northshire"
    conflicted.save()
    panel = build_panel([judged_category], judges)

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse("judging_panels:assign", args=[panel.pk]), follow=True
        )
    html = response.content.decode()
    assert (
        f"11 assignments made, 0 removed, 1 conflict found: {conflicted.get_full_name()} and "
        f"{entries[3].reference} — Same organisation as the entrant: Northshire NHS Trust"
    ) in html
    # Progress per judge and per entry.
    assert "3 of 3" not in html and "0 of 2" in html and "0 of 3" in html
    assert '<span class="w-status w-status--primary">New</span>' in html
    # Seen once: no longer new.
    assert 'w-status--primary">New' not in dashboard(manager_client, panel)


def test_removing_a_judge_gives_back_unfinished_entries_and_keeps_submitted_sheets(
    manager_client, judged_category
):
    judges = [build_judge() for _ in range(3)]
    entries = [build_submitted_entry(judged_category) for _ in range(4)]
    panel = build_panel(
        [judged_category], judges, assignment=AssignmentMode.SHARED, judges_per_entry=2
    )
    assign(panel)
    leaving = judges[0]
    theirs = list(Assignment.objects.filter(judge=leaving, removed_at=None).order_by("pk"))
    finished = theirs[0]
    submit(finished)
    membership = PanelJudge.objects.get(panel=panel, judge=leaving)

    confirm = manager_client.get(
        reverse("judging_panels:remove_judge", args=[panel.pk, membership.pk])
    )
    assert f"Remove {leaving.get_full_name()} from" in confirm.content.decode()
    response = manager_client.post(
        reverse("judging_panels:remove_judge", args=[panel.pk, membership.pk]), follow=True
    )
    assert f"{leaving.get_full_name()} has left the panel." in response.content.decode()
    membership.refresh_from_db()
    assert membership.left_at is not None
    pairs = active(panel)
    assert {entry for judge, entry in pairs if judge == leaving.pk} == {finished.entry_id}
    for entry in entries:  # every entry still has two judges
        assert sum(1 for _judge, e in pairs if e == entry.pk) == 2
    assert ScoreSheet.objects.get().status == SheetStatus.SUBMITTED


def test_clearing_a_found_conflict_gives_the_entry_back(
    manager_client, judged_category, django_capture_on_commit_callbacks
):
    judge = build_judge(organisation="Northshire NHS Foundation Trust")
    entry = build_submitted_entry(judged_category, answers={"organisation_name": "Northshire"})
    panel = build_panel([judged_category], [judge])
    with django_capture_on_commit_callbacks(execute=True):
        assign(panel)
    assert active(panel) == set()
    conflict = Conflict.objects.get()
    html = dashboard(manager_client, panel)
    assert "Same organisation as the entry: Northshire" in html
    clear_url = reverse("judging_panels:clear_conflict", args=[panel.pk, conflict.pk])
    assert clear_url in html

    assert "Clear the conflict" in manager_client.get(clear_url).content.decode()
    manager_client.post(clear_url)
    conflict.refresh_from_db()
    assert conflict.cleared_at is not None
    # Assign entries fills the gap; the cleared match is not raised again.
    manager_client.post(reverse("judging_panels:assign", args=[panel.pk]))
    assert active(panel) == {(judge.pk, entry.pk)}
    assert Conflict.objects.count() == 1
    assert "Cleared" in dashboard(manager_client, panel)


def test_a_declared_conflict_stands(manager_client, judged_category):
    from judging import conflicts

    judge = build_judge()
    entry = build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge, build_judge()])
    assign(panel)
    conflict = conflicts.declare(judge, entry, "I mentor the team")
    html = dashboard(manager_client, panel)
    assert "I mentor the team" in html and "Stands" in html
    response = manager_client.post(
        reverse("judging_panels:clear_conflict", args=[panel.pk, conflict.pk])
    )
    assert response.status_code == 409
    assert "A conflict the judge declared stands" in response.content.decode()
    conflict.refresh_from_db()
    assert conflict.cleared_at is None


def test_reopening_a_submitted_sheet(manager_client, judged_category):
    judge = build_judge()
    build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge])
    assign(panel)
    sheet = submit(Assignment.objects.get())
    url = reverse("judging_panels:reopen", args=[panel.pk, sheet.pk])
    html = dashboard(manager_client, panel)
    assert url in html and "1 of 1" in html

    # A GET only asks; the POST reopens.
    assert "Reopen the sheet" in manager_client.get(url).content.decode()
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SUBMITTED
    response = manager_client.post(url, follow=True)
    assert "is open again" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.DRAFT and sheet.reopened_by is not None
    assert "0 of 1" in dashboard(manager_client, panel)


def test_a_conflict_on_another_panel_is_not_shown_or_cleared_here(manager_client, judged_category):
    from .panel_helpers import sibling_category

    other_category = sibling_category(judged_category, "Digital Award")
    judge = build_judge()
    other_entry = build_submitted_entry(other_category)
    panel = build_panel([judged_category], [judge])
    build_panel([other_category], [judge], name="Digital panel")
    conflict = Conflict.objects.create(
        judge=judge, entry=other_entry, source=ConflictSource.DETECTED, reason="Same domain"
    )
    assert "Same domain" not in dashboard(manager_client, panel)
    response = manager_client.post(
        reverse("judging_panels:clear_conflict", args=[panel.pk, conflict.pk])
    )
    assert response.status_code == 404
