"""The reminder command: unsubmitted drafts that may still change, what is missing, once per deadline."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.models import Entry, EntryEvent
from forms.tests.at_once import run_at_once
from forms.tests.builders import build_user, complete_answers


@pytest.fixture
def closing_soon(home_page, entry_form):
    programme = build_programme(home_page, title="Soon Awards", reminder_days=7)
    return build_category(
        programme, entry_form=entry_form, closes=timezone.now() + timedelta(days=3)
    )


def run(django_capture_on_commit_callbacks) -> str:
    from io import StringIO

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_reminders_go_only_to_unsubmitted_drafts_in_open_categories(
    closing_soon, category, home_page, entry_form, django_capture_on_commit_callbacks
):
    half_done = build_user("half@example.org")
    entry = services.start_entry(user=half_done, page=closing_soon)
    services.save_draft(
        entry=entry, user=half_done, answers={"organisation_name": "Org"}, base_version=1
    )

    finished = build_user("done@example.org")
    done = services.start_entry(user=finished, page=closing_soon)
    services.save_draft(entry=done, user=finished, answers=complete_answers(), base_version=1)
    done.refresh_from_db()
    services.submit_entry(entry=done, user=finished, base_version=2)

    far_away = build_user("later@example.org")
    services.start_entry(user=far_away, page=category)  # closes in 30 days: not yet

    closed_programme = build_programme(home_page, title="Closed Awards")
    closed = build_category(
        closed_programme, entry_form=entry_form, closes=timezone.now() + timedelta(days=2)
    )
    shut = build_user("shut@example.org")
    services.start_entry(user=shut, page=closed)
    closed.entries_closed = True
    closed.save()
    mail.outbox.clear()

    assert run(django_capture_on_commit_callbacks).strip() == "Sent 1 reminder."
    assert [m.to for m in mail.outbox] == [["half@example.org"]]
    body = mail.outbox[0].body
    assert "Enter an answer for “Contact email”" in body
    assert "Enter an answer for “Describe the context”" in body
    assert "Organisation name" not in body


def test_a_draft_is_not_reminded_twice_in_one_window(
    closing_soon, django_capture_on_commit_callbacks
):
    user = build_user("half@example.org")
    services.start_entry(user=user, page=closing_soon)
    run(django_capture_on_commit_callbacks)
    assert run(django_capture_on_commit_callbacks).strip() == "Sent 0 reminders."
    assert len(mail.outbox) == 1


def test_a_complete_draft_is_reminded_to_submit(closing_soon, django_capture_on_commit_callbacks):
    user = build_user("ready@example.org")
    entry = services.start_entry(user=user, page=closing_soon)
    services.save_draft(entry=entry, user=user, answers=complete_answers(), base_version=1)
    run(django_capture_on_commit_callbacks)
    assert "check your answers and submit" in mail.outbox[0].body


def remind_at(moment, django_capture_on_commit_callbacks) -> int:
    from forms.reminders import send_reminders

    with django_capture_on_commit_callbacks(execute=True):
        return send_reminders(now=moment)


def test_an_extended_draft_is_reminded_before_its_own_deadline_not_the_pages(
    closing_soon, django_capture_on_commit_callbacks
):
    now = timezone.now()
    extended_until = now + timedelta(days=20)
    given_more_time = build_user("later@example.org")
    extended = services.start_entry(user=given_more_time, page=closing_soon, now=now)
    Entry.objects.filter(pk=extended.pk).update(extended_until=extended_until)
    services.start_entry(user=build_user("usual@example.org"), page=closing_soon, now=now)
    mail.outbox.clear()

    # 3 days before the category closes: only the draft whose deadline that is.
    assert remind_at(now, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [["usual@example.org"]]
    mail.outbox.clear()

    # The category has closed; the extended draft is 6 days from its own deadline.
    later = now + timedelta(days=14)
    assert remind_at(later, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [["later@example.org"]]
    local = timezone.localtime(extended_until)
    assert f"on {local:%A} {local.day} {local:%B %Y}" in mail.outbox[0].body
    assert remind_at(later + timedelta(hours=1), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_a_new_deadline_opens_a_new_window(closing_soon, django_capture_on_commit_callbacks):
    now = timezone.now()
    entry = services.start_entry(user=build_user("half@example.org"), page=closing_soon, now=now)
    assert remind_at(now, django_capture_on_commit_callbacks) == 1
    Entry.objects.filter(pk=entry.pk).update(extended_until=now + timedelta(days=5))
    assert remind_at(now + timedelta(days=1), django_capture_on_commit_callbacks) == 1
    assert remind_at(now + timedelta(days=2), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_overlapping_runs_send_each_reminder_once(closing_soon, attempt):
    from forms.reminders import send_reminders

    drafts = [
        services.start_entry(user=build_user(f"draft-{n}@example.org"), page=closing_soon)
        for n in range(12)
    ]
    mail.outbox.clear()
    now = timezone.now()
    results = run_at_once(lambda _: send_reminders(now=now), 3)

    errors = [repr(r) for r in results if isinstance(r, Exception)]
    sent = [r for r in results if not isinstance(r, Exception)]
    assert errors == []
    assert sum(sent) == len(drafts)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.entrant.email for d in drafts)
    assert EntryEvent.objects.filter(action=EntryEvent.Action.REMINDED).count() == len(drafts)
