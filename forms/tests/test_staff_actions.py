"""Reopen, withdraw and extend: status, audit log and email, through the admin."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.personal_data import delete_account
from forms import services
from forms.models import EntryEvent, EntryStatus
from forms.tests.builders import complete_answers


@pytest.fixture
def submitted(entrant, category, django_capture_on_commit_callbacks):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    entry.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.submit_entry(entry=entry, user=entrant, base_version=2)
    mail.outbox.clear()
    return entry


def last_event(entry):
    return entry.events.order_by("-pk").first()


def test_reopen_sends_a_submitted_entry_back_to_draft(
    client, entries_manager, submitted, django_capture_on_commit_callbacks
):
    client.force_login(entries_manager)
    url = reverse("entries_admin_reopen", args=[submitted.pk])
    assert "Reopen entry" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "The entrant attached the wrong file."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == EntryStatus.DRAFT
    assert submitted.reference  # kept
    event = last_event(submitted)
    assert (event.action, event.actor, event.reason) == (
        EntryEvent.Action.REOPENED,
        entries_manager,
        "The entrant attached the wrong file.",
    )
    assert len(mail.outbox) == 1
    assert "reopened" in mail.outbox[0].subject
    assert "The entrant attached the wrong file." in mail.outbox[0].body
    inspect = client.get(reverse("forms_entry_modeladmin_inspect", args=[submitted.pk]))
    assert "The entrant attached the wrong file." in inspect.text


def test_a_reopened_entry_resubmits_with_the_same_reference(submitted, entrant, entries_manager):
    from forms.staff_actions import reopen_entry

    reference = submitted.reference
    entry = reopen_entry(entry=submitted, by=entries_manager, reason="Fix typo")
    again = services.submit_entry(entry=entry, user=entrant, base_version=entry.version)
    assert again.reference == reference


def test_withdraw_takes_an_entry_out_with_a_reason(
    client, entries_manager, submitted, django_capture_on_commit_callbacks
):
    client.force_login(entries_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("entries_admin_withdraw", args=[submitted.pk]), {"reason": "Duplicate entry"}
        )
    submitted.refresh_from_db()
    assert submitted.status == EntryStatus.WITHDRAWN
    assert last_event(submitted).action == EntryEvent.Action.WITHDRAWN
    assert len(mail.outbox) == 1 and "withdrawn" in mail.outbox[0].subject


def test_extend_lets_one_entry_save_after_the_deadline(
    client, entries_manager, entrant, category, django_capture_on_commit_callbacks
):
    entry = services.start_entry(user=entrant, page=category)
    until = timezone.localtime(category.deadline + timedelta(days=3))
    client.force_login(entries_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("entries_admin_extend", args=[entry.pk]),
            {
                "reason": "Illness",
                "until_date": until.date().isoformat(),
                "until_time": until.strftime("%H:%M"),
            },
        )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.extended_until == until.replace(second=0, microsecond=0)
    assert last_event(entry).action == EntryEvent.Action.EXTENDED
    assert len(mail.outbox) == 1 and "More time" in mail.outbox[0].subject
    after_deadline = category.deadline + timedelta(days=1)
    services.save_draft(
        entry=entry, user=entrant, answers={"context": "Late"}, base_version=1, now=after_deadline
    )


def test_an_action_without_a_reason_is_refused_with_a_message(client, entries_manager, submitted):
    client.force_login(entries_manager)
    response = client.post(reverse("entries_admin_reopen", args=[submitted.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "Enter a reason" in response.text
    submitted.refresh_from_db()
    assert submitted.status == EntryStatus.SUBMITTED


def test_reopening_a_draft_is_refused(client, entries_manager, entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    client.force_login(entries_manager)
    response = client.post(reverse("entries_admin_reopen", args=[entry.pk]), {"reason": "Why not"})
    assert response.status_code == 409
    assert "Only a submitted entry can be reopened." in response.text


def test_reopening_an_entry_whose_entrant_deleted_their_account_is_refused(
    client, entries_manager, submitted
):
    delete_account(user=submitted.entrant)
    submitted.refresh_from_db()
    assert submitted.entrant is None and submitted.status == EntryStatus.SUBMITTED
    client.force_login(entries_manager)
    response = client.post(
        reverse("entries_admin_reopen", args=[submitted.pk]), {"reason": "Asked by phone"}
    )
    assert response.status_code == 409
    assert "deleted their account" in response.text
    submitted.refresh_from_db()
    assert submitted.status == EntryStatus.SUBMITTED
    assert not mail.outbox
