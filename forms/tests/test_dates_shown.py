"""Entrants, emails and the Entries admin write every date and time one way, in UK time:
"5:30pm on Friday 4 June 2027" for a moment, "4 June 2027" for a date."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.emails import send_entry_email
from forms.tests.builders import complete_answers

# 5:30pm in London: British Summer Time, an hour ahead of UTC.
SUBMITTED = datetime(2027, 6, 4, 16, 30, tzinfo=UTC)
SUBMITTED_SHOWN = "5:30pm on Friday 4 June 2027"
# Midday in London: Greenwich Mean Time.
CLOSES = datetime(2027, 7, 2, 11, 0, tzinfo=UTC)
CLOSES_SHOWN = "midday on Friday 2 July 2027"


def words(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split()).replace(" .", ".")


@pytest.fixture
def submitted(home_page, entry_form, entrant, django_capture_on_commit_callbacks):
    with freeze_time(SUBMITTED):
        programme = build_programme(home_page, entries_close_at=CLOSES)
        category = build_category(programme, entry_form=entry_form)
        entry = services.start_entry(user=entrant, page=category)
        services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
        entry.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            return services.submit_entry(entry=entry, user=entrant, base_version=2)


def test_the_submission_email_says_when_it_was_submitted(submitted):
    [message] = mail.outbox

    assert f"Submitted at {SUBMITTED_SHOWN} (UK time)" in message.body
    assert f"Submitted at {SUBMITTED_SHOWN} (UK time)" in words(message.alternatives[0][0])


def test_the_entry_page_and_the_category_page_say_when(client, submitted, entrant):
    with freeze_time(SUBMITTED + timedelta(hours=1)):
        client.force_login(entrant)
        detail = client.get(reverse("entry_detail", args=[submitted.public_id])).text
        category = client.get(submitted.page.url).text

    assert f"Submitted {SUBMITTED_SHOWN}" in words(detail)
    assert f"Last saved {SUBMITTED_SHOWN}" in words(detail)
    assert f"Submitted on 4 June 2027. Reference {submitted.reference}" in words(category)


def test_my_entries_shows_the_last_save_and_the_deadline(client, submitted, entrant):
    with freeze_time(SUBMITTED + timedelta(hours=1)):
        client.force_login(entrant)
        page = BeautifulSoup(client.get(reverse("my_entries")).text, "html.parser")

    times = {" ".join(t.get_text().split()): t["datetime"] for t in page.find_all("time")}
    assert times[SUBMITTED_SHOWN] == "2027-06-04T17:30:00+01:00"
    assert CLOSES_SHOWN in times


def test_reminder_and_more_time_emails_give_the_deadline(submitted):
    mail.outbox.clear()
    later = CLOSES + timedelta(days=3, minutes=15)

    send_entry_email(submitted.pk, "reminder", {"deadline": CLOSES.isoformat(), "missing": []})
    send_entry_email(submitted.pk, "extended", {"until": later.isoformat()})

    reminder, extended = mail.outbox
    assert f"Entries close at {CLOSES_SHOWN} (UK time)" in reminder.body
    assert f"Entries close at {CLOSES_SHOWN} (UK time)" in words(reminder.alternatives[0][0])
    assert "until 12:15pm on Monday 5 July 2027 (UK time)" in extended.body
    assert "until 12:15pm on Monday 5 July 2027 (UK time)" in words(extended.alternatives[0][0])


def test_the_entries_admin_says_when_in_the_same_words(client, submitted, entries_manager):
    client.force_login(entries_manager)

    inspect = client.get(reverse("forms_entry_modeladmin_inspect", args=[submitted.pk])).text

    assert f"Started {SUBMITTED_SHOWN}" in words(inspect)
    assert f"Submitted {SUBMITTED_SHOWN}" in words(inspect)


def test_a_category_not_yet_open_says_from_when(client, home_page, entry_form):
    opens = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    programme = build_programme(
        home_page, entries_open_at=opens, entries_close_at=opens + timedelta(days=30)
    )
    category = build_category(programme, entry_form=entry_form)

    with freeze_time(opens - timedelta(days=1)):
        page = client.get(category.url).text

    assert "You can start your entry from 9am on Monday 4 January 2027 (UK time)." in words(page)


def test_a_date_answer_reads_as_a_date():
    from forms.templatetags.entry_tags import answer_text

    assert answer_text({"day": "1", "month": "4", "year": "2025"}) == "1 April 2025"
    # Not yet a real date: as the entrant typed it.
    assert answer_text({"day": "31", "month": "2", "year": "2025"}) == "31/2/2025"
    assert answer_text({"day": "1", "month": "", "year": ""}) == "1"
