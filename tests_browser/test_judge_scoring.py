"""A judge scores an entry in a real Chromium: from Entries to judge to a submitted sheet,
with the sheet saving itself as they type, and the same again without JavaScript using
the Save button. Both pages pass axe-core's serious and critical checks.

With JUDGING_SCREENSHOTS=<folder>, the pages are also saved there, for a person to look at."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests_system.http import signed_in_browser, signed_in_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("JUDGING_SCREENSHOTS")
SCORES = {"Vision": "7", "Delivery": "5", "Outcomes": "8"}


@pytest.fixture
def judging(db):
    """Grace judges the one submitted entry of a closed category weighted Vision ×2,
    Delivery, Outcomes."""
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form
    from judging.assignment import assign
    from judging.tests.builders import (
        build_judge,
        build_panel,
        build_submitted_entry,
        weighted_criteria,
    )

    programme = build_programme(build_home())
    category = build_category(
        programme,
        entry_form=build_entry_form(),
        criteria=weighted_criteria(),
        entries_close_at=timezone.now() - timedelta(days=1),
    )
    judge = build_judge(first_name="Grace", last_name="Hopper")
    entry = build_submitted_entry(
        category,
        answers={
            "organisation_name": "Eastmoor Community Health",
            "context": "A virtual ward for frailty.",
        },
    )
    assign(build_panel([category], [judge]))
    return judge, entry


def scores_saved(entry) -> dict:
    from judging.models import Score

    return dict(
        Score.objects.filter(sheet__assignment__entry=entry).values_list("criterion", "score")
    )


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def type_scores(page):
    for heading, score in SCORES.items():
        page.get_by_label(f"Score for {heading}").fill(score)
    page.get_by_label("Comment on Vision").fill("A clear plan, well argued.")


def test_a_judge_scores_with_autosave_and_submits(live_server, browser, judging, axe):
    judge, entry = judging
    context = signed_in_browser(browser, judge, live_server.url)
    page = context.new_page()

    page.goto(live_server.url + "/judging/")
    expect(page.get_by_role("heading", name="Entries to judge")).to_be_visible()
    expect(page.get_by_text("0 of 1 scored")).to_be_visible()
    assert axe(page) == []
    shoot(page, "judging-home")

    page.get_by_role("link", name=f"Entry {entry.reference}").click()
    expect(page.get_by_role("heading", name=f"Entry {entry.reference}")).to_be_visible()
    expect(page.get_by_text("A virtual ward for frailty.")).to_be_visible()
    assert axe(page) == []

    type_scores(page)
    expect(page.get_by_text("3 of 3 criteria scored")).to_be_visible()
    expect(page.locator("[data-weighted]")).to_have_text("27")
    expect(page.locator("[data-save-status]")).to_have_text(re.compile(r"^Saved at \d"))
    assert scores_saved(entry) == {"vision": 7, "delivery": 5, "outcomes": 8}
    shoot(page, "judging-entry")

    page.reload()
    for heading, score in SCORES.items():
        expect(page.get_by_label(f"Score for {heading}")).to_have_value(score)
    expect(page.get_by_label("Comment on Vision")).to_have_value("A clear plan, well argued.")

    page.get_by_role("button", name="Submit scores").click()
    expect(page.get_by_text(re.compile(r"^Submitted at "))).to_be_visible()
    expect(page.get_by_label("Score for Vision")).to_have_count(0)  # read-only now
    assert axe(page) == []
    page.get_by_role("link", name="Entries to judge").click()
    expect(page.get_by_text("1 of 1 scored")).to_be_visible()
    expect(page.locator(".task-status")).to_have_text("Submitted")
    context.close()


def test_without_javascript_the_save_button_does_the_same(live_server, browser, judging):
    judge, entry = judging
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    context.set_default_timeout(15_000)
    cookie = signed_in_session(judge).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + "/judging/")
    page.get_by_role("link", name=f"Entry {entry.reference}").click()

    page.get_by_label("Score for Vision").fill("11")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("link", name=re.compile("Score for Vision must be"))).to_be_visible()
    expect(page.get_by_label("Score for Vision")).to_have_value("11")
    assert scores_saved(entry) == {}

    type_scores(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text(re.compile(r"^Saved at \d"))).to_be_visible()
    expect(page.get_by_label("Score for Delivery")).to_have_value("5")
    assert scores_saved(entry) == {"vision": 7, "delivery": 5, "outcomes": 8}
    shoot(page, "judging-entry-no-js")

    page.get_by_role("button", name="Submit scores").click()
    expect(page.get_by_text(re.compile(r"^Submitted at "))).to_be_visible()
    context.close()
