"""Organisers hear of a conflict the site finds, by email, once: from an assignment run
or from the check made as a judge opens an entry."""

from django.core import mail
from django.urls import reverse

from forms.models import Collaborator, Role
from forms.tests.builders import build_user
from judging import conflicts
from judging.assignment import assign

from .builders import build_judge, build_panel, build_submitted_entry
from .panel_helpers import awards_editor, entries_manager


def northshire_case(judged_category, **panel_fields):
    judge = build_judge(organisation="Northshire")
    entry = build_submitted_entry(judged_category, answers={"organisation_name": "Acme"})
    entry.entrant.organisation = "Northshire NHS Trust"
    entry.entrant.save()
    panel = build_panel([judged_category], [judge], **panel_fields)
    return judge, entry, panel


def test_the_panels_creator_is_told_of_a_conflict_found_by_assignment(
    judged_category, django_capture_on_commit_callbacks
):
    creator = entries_manager()
    judge, entry, panel = northshire_case(judged_category, created_by=creator)
    with django_capture_on_commit_callbacks(execute=True):
        assign(panel)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [creator.email]
    assert message.subject == "A conflict of interest found on Performance Recovery panel"
    assert (
        f"{judge.get_full_name()} and {entry.reference}: Same organisation as the entrant: "
        "Northshire NHS Trust"
    ) in message.body
    assert "http://" in message.body
    assert reverse("judging_panels:dashboard", args=[panel.pk]) in message.body

    # Run again: nothing new, no new email.
    with django_capture_on_commit_callbacks(execute=True):
        assign(panel)
    assert len(mail.outbox) == 1


def test_without_a_creator_everyone_who_runs_judging_is_told(
    judged_category, django_capture_on_commit_callbacks
):
    manager = entries_manager()
    awards_editor()
    _judge, _entry, panel = northshire_case(judged_category)
    with django_capture_on_commit_callbacks(execute=True):
        assign(panel)
    assert [message.to for message in mail.outbox] == [[manager.email]]


def test_a_conflict_found_when_the_judge_opens_an_entry_is_told_too(
    judged_category, django_capture_on_commit_callbacks
):
    creator = entries_manager()
    judge = build_judge(organisation="Riverside Health")
    entry = build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge], created_by=creator)
    with django_capture_on_commit_callbacks(execute=True):
        assign(panel)
    assert not mail.outbox
    # A colleague of the judge joins the entry's team after the assignment was made.
    colleague = build_user("colleague@example.org", organisation="Riverside Health Ltd")
    Collaborator.objects.create(entry=entry, user=colleague, role=Role.EDIT)
    with django_capture_on_commit_callbacks(execute=True):
        found = conflicts.check(judge, entry)
    assert found is not None
    assert len(mail.outbox) == 1
    assert "Same organisation as a collaborator: Riverside Health Ltd" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        conflicts.check(judge, entry)  # known already: no second email
    assert len(mail.outbox) == 1
