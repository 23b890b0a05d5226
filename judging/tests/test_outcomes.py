"""Shortlist and winners as organisers mark them, and the shortlist email with its embargo."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from forms.models import Collaborator, EntryStatus, Role
from forms.tests.builders import build_user
from judging import outcomes
from judging.models import Outcome, Result

from .builders import build_submitted_entry
from .test_leaderboard_admin import organiser_with

UK = ZoneInfo("Europe/London")


@pytest.fixture
def organiser(db):
    return organiser_with("manage_judging")


def test_a_winner_is_on_the_shortlist_and_a_change_keeps_one_result(judged_category, organiser):
    entry = build_submitted_entry(judged_category)
    outcomes.set_outcome(entry=entry, outcome=Outcome.SHORTLISTED, by=organiser)
    result = outcomes.set_outcome(entry=entry, outcome=Outcome.WINNER, by=organiser)
    assert Result.objects.get(entry=entry).outcome == Outcome.WINNER
    assert result.awarded


def test_only_a_submitted_entry_can_be_marked(judged_category, organiser):
    entry = build_submitted_entry(judged_category)
    entry.status = EntryStatus.DRAFT
    with pytest.raises(outcomes.OutcomeRefused):
        outcomes.set_outcome(entry=entry, outcome=Outcome.SHORTLISTED, by=organiser)
    assert not Result.objects.exists()


def shortlisted_entries(category, organiser):
    owner = build_user("owner@example.org", first_name="Oona")
    team_mate = build_user("colleague@example.org", first_name="Priya")
    first = build_submitted_entry(category, owner)
    Collaborator.objects.create(entry=first, user=team_mate, role=Role.VIEW)
    second = build_submitted_entry(category)
    left_out = build_submitted_entry(category)
    outcomes.set_outcome(entry=first, outcome=Outcome.SHORTLISTED, by=organiser)
    outcomes.set_outcome(entry=second, outcome=Outcome.WINNER, by=organiser)
    return first, second, left_out


def test_the_shortlisted_teams_get_one_email_each_with_the_embargo_time(
    client, organiser, judged_category, django_capture_on_commit_callbacks
):
    judged_category.shortlist_at = datetime(2027, 3, 4, 10, 0, tzinfo=UK)
    judged_category.save()
    first, second, left_out = shortlisted_entries(judged_category, organiser)
    client.force_login(organiser)
    url = reverse("judging_shortlist_email", args=[judged_category.pk])

    confirm = client.get(url)
    assert "Email the teams of 2 shortlisted entries" in confirm.content.decode()
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Emailing the teams of 2 shortlisted entries, each once." in response.content.decode()
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"owner@example.org", "colleague@example.org", second.entrant.email}
    message = sent["colleague@example.org"]
    assert message.subject == f"{first.reference} is shortlisted for {judged_category.title}"
    assert message.body.startswith("Dear Priya,")
    assert (
        "Please keep this to yourselves until 10am on Thursday 4 March 2027, "
        "when the shortlist is published." in message.body
    )
    assert left_out.entrant.email not in sent
    assert Result.objects.filter(shortlist_email_sent_at=None).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, follow=True)
    assert len(mail.outbox) == 3  # each team once
    assert "has been emailed already" in again.content.decode()


def test_no_email_without_a_shortlist_announcement_time(
    client, organiser, judged_category, django_capture_on_commit_callbacks
):
    shortlisted_entries(judged_category, organiser)
    client.force_login(organiser)
    url = reverse("judging_shortlist_email", args=[judged_category.pk])
    assert "no shortlist announcement time" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 409
    assert "Set the shortlist announcement time" in response.content.decode()
    assert not mail.outbox
    assert Result.objects.filter(shortlist_email_sent_at=None).count() == 2


def test_the_task_sends_nothing_for_a_result_already_emailed(judged_category, organiser):
    from judging.result_emails import send_shortlist_email_now

    judged_category.shortlist_at = datetime(2027, 3, 4, 10, 0, tzinfo=UK)
    judged_category.save()
    first, _second, _ = shortlisted_entries(judged_category, organiser)
    result = Result.objects.get(entry=first)
    assert send_shortlist_email_now(result.pk) == 2
    assert send_shortlist_email_now(result.pk) == 0
    assert len(mail.outbox) == 2
