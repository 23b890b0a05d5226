"""The deadline is decided on the server, in UK time, to the instant, across clock changes."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.models import Entry
from forms.tests.builders import complete_answers

ONE_MS = timedelta(milliseconds=1)


def uk(*args) -> datetime:
    """A wall-clock time in London, as an editor types it into the admin."""
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def make_category(home_page, entry_form):
    def make(closes: datetime):
        programme = build_programme(
            home_page, entries_open_at=closes - timedelta(days=60), entries_close_at=closes
        )
        return build_category(programme, entry_form=entry_form)

    return make


def save(client, entry, text):
    client.force_login(entry.entrant)  # a fresh session at the frozen time
    entry.refresh_from_db()
    return client.post(
        reverse("entry_save", args=[entry.public_id]), {"version": entry.version, "context": text}
    )


def submit(client, entry):
    client.force_login(entry.entrant)
    entry.refresh_from_db()
    return client.post(reverse("entry_submit", args=[entry.public_id]), {"version": entry.version})


@pytest.mark.parametrize(
    "closes, closes_utc",
    [
        (uk(2027, 3, 28, 12, 0), datetime(2027, 3, 28, 11, 0, tzinfo=UTC)),  # first day of BST
        (uk(2026, 10, 25, 12, 0), datetime(2026, 10, 25, 12, 0, tzinfo=UTC)),  # first day of GMT
        (uk(2027, 1, 15, 0, 0), datetime(2027, 1, 15, 0, 0, tzinfo=UTC)),  # midnight in winter
        (uk(2027, 7, 1, 0, 0), datetime(2027, 6, 30, 23, 0, tzinfo=UTC)),  # midnight in summer
    ],
)
def test_saves_at_the_boundary_are_decided_in_uk_time(
    client, entrant, make_category, closes, closes_utc
):
    assert closes == closes_utc
    category = make_category(closes)
    client.force_login(entrant)
    with freeze_time(closes_utc - timedelta(days=1)):
        entry = services.start_entry(user=entrant, page=category)

    with freeze_time(closes_utc - ONE_MS):
        assert save(client, entry, "just before").status_code == 302
    with freeze_time(closes_utc):
        assert save(client, entry, "at the instant").status_code == 403
    with freeze_time(closes_utc + ONE_MS):
        response = save(client, entry, "just after")
        assert response.status_code == 403
        assert "Entries are now closed" in response.text
    entry.refresh_from_db()
    assert entry.answers["context"] == "just before"


def test_submit_at_the_boundary(client, entrant, make_category):
    closes = uk(2027, 3, 28, 12, 0)
    category = make_category(closes)
    client.force_login(entrant)
    with freeze_time(closes - timedelta(hours=2)):
        late = services.start_entry(user=entrant, page=category)
        services.save_draft(entry=late, user=entrant, answers=complete_answers(), base_version=1)
    with freeze_time(closes):
        assert submit(client, late).status_code == 403
    late.refresh_from_db()
    assert late.status == "draft"
    with freeze_time(closes - ONE_MS):
        response = submit(client, late)
    assert response.status_code == 302
    assert Entry.objects.get(pk=late.pk).status == "submitted"


def test_the_page_shows_the_deadline_in_uk_time(client, make_category):
    category = make_category(uk(2027, 3, 28, 12, 0))
    with freeze_time(datetime(2027, 3, 20, 9, 0, tzinfo=UTC)):
        response = client.get(category.url)
    assert "midday on Sunday 28 March 2027" in response.text


def test_after_closing_the_owner_can_still_read_the_draft(client, entrant, make_category):
    closes = uk(2027, 1, 15, 12, 0)
    category = make_category(closes)
    with freeze_time(closes - timedelta(days=1)):
        entry = services.start_entry(user=entrant, page=category)
        services.save_draft(
            entry=entry, user=entrant, answers={"context": "My draft"}, base_version=1
        )
    with freeze_time(closes + timedelta(days=3)):
        client.force_login(entrant)
        page = client.get(category.url)
        detail = client.get(reverse("entry_detail", args=[entry.public_id]))
    assert "Entries are now closed" in page.text and "My draft" in page.text
    assert detail.status_code == 200 and "My draft" in detail.text
