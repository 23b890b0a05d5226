"""An entry staff reopened says so, with the reason and its own deadline, wherever it is shown."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards.tests.builders import build_category, build_programme
from awards.tests.reading import text
from forms import services
from forms.staff_actions import extend_deadline, reopen_entry
from forms.tests.builders import build_user, complete_answers
from publishing.templatetags.uk_dates import uk_datetime

REASON = "The supporting document is for a different project"
SAID = f"Reopened by the awards team: {REASON}."


@pytest.fixture
def closes():
    """The category's deadline: noon, UK time, thirty days from now."""
    later = timezone.localtime() + timedelta(days=30)
    return later.replace(hour=12, minute=0, second=0, microsecond=0)


@pytest.fixture
def category(home_page, entry_form, closes):
    programme = build_programme(home_page)
    return build_category(programme, entry_form=entry_form, closes=closes, entries_per_account=4)


@pytest.fixture
def manager(db):
    return build_user("staff@example.org", is_staff=True)


def submitted_entry(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    entry.refresh_from_db()
    return services.submit_entry(entry=entry, user=entrant, base_version=entry.version)


@pytest.fixture
def reopened(entrant, category, manager):
    return reopen_entry(entry=submitted_entry(entrant, category), by=manager, reason=REASON)


def read(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def short(moment) -> str:
    """How the entrant's pages write a time: ``midday on Friday 15 January 2027``."""
    return uk_datetime(moment)


def test_my_entries_says_who_reopened_it_why_and_by_when(client, entrant, reopened, closes):
    client.force_login(entrant)
    page = read(client, reverse("my_entries"))
    card = page.select_one(".entry-card")
    assert f"{SAID} Submit again by {short(closes)}." in text(card)
    assert text(card.select_one(".badge")) == "Reopened"
    assert "Draft" not in text(card)
    assert f"Reference {reopened.reference}" in text(card)
    next_step = card.find("dt", string="Next step").find_next_sibling("dd")
    assert text(next_step) == "Continue your entry to Performance Recovery Award"


def test_my_entries_gives_the_deadline_staff_extended_to(
    client, entrant, reopened, manager, closes
):
    until = closes + timedelta(days=3, hours=5)
    extend_deadline(entry=reopened, by=manager, until=until, reason="Illness")
    client.force_login(entrant)
    card = read(client, reverse("my_entries")).select_one(".entry-card")
    assert f"{SAID} Submit again by {short(until)}." in text(card)


def test_my_entries_tells_each_entry_apart(client, entrant, category, reopened):
    services.start_entry(user=entrant, page=category)  # a plain draft
    submitted = submitted_entry(entrant, category)
    client.force_login(entrant)
    cards = read(client, reverse("my_entries")).select(".entry-card")
    badges = {text(card.select_one(".badge")): text(card) for card in cards}
    assert set(badges) == {"Draft", "Submitted", "Reopened"}
    assert "Reopened by the awards team" in badges["Reopened"]
    assert "Reopened by the awards team" not in badges["Draft"] + badges["Submitted"]
    assert f"Reference {submitted.reference}" in badges["Submitted"]


def test_my_entries_reads_every_reason_in_one_query(client, entrant, category, manager):
    client.force_login(entrant)
    reopen_entry(entry=submitted_entry(entrant, category), by=manager, reason="First")
    read(client, reverse("my_entries"))  # the session and the caches warmed
    with CaptureQueriesContext(connection) as one:
        read(client, reverse("my_entries"))
    for reason in ["Second", "Third"]:
        reopen_entry(entry=submitted_entry(entrant, category), by=manager, reason=reason)
    with CaptureQueriesContext(connection) as three:
        page = read(client, reverse("my_entries"))
    assert len(three) == len(one)
    said = [text(n) for n in page.select(".notice--reopened")]
    assert [s.split(" Submit")[0] for s in said] == [
        f"Reopened by the awards team: {reason}." for reason in ["Third", "Second", "First"]
    ]


def test_the_latest_reopening_gives_the_reason(client, entrant, reopened, manager):
    again = services.submit_entry(entry=reopened, user=entrant, base_version=reopened.version)
    reopen_entry(entry=again, by=manager, reason="One more change, please")
    client.force_login(entrant)
    card = read(client, reverse("my_entries")).select_one(".entry-card")
    assert "Reopened by the awards team: One more change, please." in text(card)
    assert REASON not in text(card)


def test_the_category_page_says_so_above_and_on_the_form(client, entrant, reopened, closes):
    client.force_login(entrant)
    page = read(client, reopened.page.url)
    call_to_action = text(page.select_one(".entry-cta"))
    assert f"{SAID} Submit again by {short(closes)}." in call_to_action
    assert "sections completed" not in call_to_action
    panel = page.select_one("#entry")
    top = text(panel.select_one(".notice--reopened"))
    assert top == f"{SAID} Submit again by {uk_datetime(closes)}."
    assert panel.find("button", string="Review and submit")


def test_the_entry_page_says_so(client, entrant, reopened, closes):
    client.force_login(entrant)
    page = read(client, reverse("entry_detail", args=[reopened.public_id]))
    main = page.select_one("main")
    assert text(main.h1) == f"Entry {reopened.reference}"
    assert f"{SAID} Submit again by {short(closes)}." in text(main)
    status = main.find("dt", string="Status").find_next_sibling("dd")
    assert text(status) == "Reopened"
    review = read(client, reverse("entry_review", args=[reopened.public_id]))
    assert f"{SAID} Submit again by {short(closes)}." in text(review.select_one("main"))


def test_after_the_deadline_it_no_longer_asks_to_submit_again(
    client, entrant, reopened, category, closes
):
    type(category).objects.filter(pk=category.pk).update(
        entries_close_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(entrant)
    card = read(client, reverse("my_entries")).select_one(".entry-card")
    assert SAID in text(card)
    assert "Submit again" not in text(card)
    assert "Entries closed" in text(card)


def test_a_plain_draft_still_shows_its_progress(client, entrant, category):
    services.start_entry(user=entrant, page=category)
    client.force_login(entrant)
    call_to_action = text(read(client, category.url).select_one(".entry-cta"))
    assert "You have an entry in progress: 1 of 3 sections completed." in call_to_action
    assert "Reopened" not in call_to_action


def test_the_admin_status_filter_lists_only_reopened_entries(
    client, entries_manager, entrant, category, reopened, manager
):
    draft = services.start_entry(user=entrant, page=category)
    submitted = submitted_entry(entrant, category)
    resubmitted = reopen_entry(entry=submitted_entry(entrant, category), by=manager, reason="Fix")
    services.submit_entry(entry=resubmitted, user=entrant, base_version=resubmitted.version)
    client.force_login(entries_manager)
    url = reverse("forms_entry_modeladmin_index")

    listing = client.get(url)
    choices = [text(a) for a in BeautifulSoup(listing.content, "html.parser").select("a")]
    assert "Reopened" in choices

    def listed(status):
        response = client.get(url, {"status__exact": status})
        return {entry.public_id for entry in response.context["view"].queryset}

    assert listed("reopened") == {reopened.public_id}
    assert listed("draft") == {draft.public_id}
    assert listed("submitted") == {submitted.public_id, resubmitted.public_id}
    row = BeautifulSoup(client.get(url, {"status__exact": "reopened"}).content, "html.parser")
    assert "Reopened" in text(row.select_one("tbody tr"))
