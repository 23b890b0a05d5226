"""The demo's judged programme shows the whole cycle: entries closed, judged by a panel,
a shortlist and winners announced, and the judges' feedback for entrants."""

import pytest
from django.urls import reverse

from awards.models import CategoryPage
from awards.tests.builders import load_demo_site
from forms.models import Entry, EntryStatus
from judging.models import Outcome, Panel, Result, ScoreSheet, SheetStatus

pytestmark = pytest.mark.django_db


def test_the_judged_category_is_closed_with_a_shortlist_and_winners_on_its_page(client):
    load_demo_site()
    category = CategoryPage.objects.get(slug="elective-recovery-award")
    assert category.entry_state == "closed"
    assert Entry.objects.filter(page=category, status=EntryStatus.SUBMITTED).count() == 12
    panel = Panel.objects.get(categories=category)
    assert panel.memberships.count() == 3 and not panel.blind
    sheets = ScoreSheet.objects.filter(assignment__panel=panel)
    assert sheets.count() == 36
    assert not sheets.exclude(status=SheetStatus.SUBMITTED).exists()
    outcomes = sorted(Result.objects.filter(entry__page=category).values_list("outcome", flat=True))
    assert outcomes == sorted(
        [Outcome.WINNER, Outcome.HIGHLY_COMMENDED] + [Outcome.SHORTLISTED] * 3
    )

    page = client.get(category.url).content.decode()
    assert '<h2 id="winners">Winners</h2>' in page and '<h2 id="shortlist">Shortlist</h2>' in page
    assert "Northshire NHS Foundation Trust" in page
    assert "Lowther Valley Community Services" not in page  # entered, not shortlisted


def test_an_entrant_reads_the_judges_feedback(client):
    load_demo_site()
    entry = Entry.objects.get(reference="ERA-2025-0001")
    client.force_login(entry.entrant)
    page = client.get(reverse("entry_detail", args=[entry.public_id])).content.decode()
    assert "Judges' feedback" in page and "Judge 1" in page
    assert "Marsh" not in page and "Adeyemi" not in page and "Lindqvist" not in page


def test_loading_again_changes_nothing():
    load_demo_site()
    counts = (Entry.objects.count(), ScoreSheet.objects.count(), Result.objects.count())
    load_demo_site()
    assert (Entry.objects.count(), ScoreSheet.objects.count(), Result.objects.count()) == counts
