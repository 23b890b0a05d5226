"""The demo's judged category with its shortlist and winners, and an entrant's entry page
with the judges' feedback: readable at 320 px, and clean under axe."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from forms.models import Entry
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CATEGORY = "/healthcare-awards-2025/elective-recovery-award/"


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", verbosity=0)


def no_sideways_scroll(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_results_read_well_at_any_width(live_server, browser, axe, demo_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(live_server.url + CATEGORY)

    tab.get_by_role("link", name="See the winners and the shortlist").click()
    winners = tab.get_by_role("region", name="Winners")
    expect(winners).to_be_visible()
    expect(winners.get_by_role("listitem")).to_have_count(2)
    expect(winners).to_contain_text("Northshire NHS Foundation Trust")
    shortlist = tab.get_by_role("region", name="Shortlist")
    expect(shortlist.get_by_role("listitem")).to_have_count(5)
    assert no_sideways_scroll(tab)
    assert axe(tab) == []
    context.close()


def test_the_entrant_reads_the_judges_feedback(live_server, browser, axe, demo_site):
    entry = Entry.objects.get(reference="ERA-2025-0001")
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    tab = context.new_page()
    tab.set_viewport_size({"width": 320, "height": 900})
    tab.goto(f"{live_server.url}/entries/{entry.public_id}/")

    feedback = tab.get_by_role("region", name="Judges' feedback")
    expect(feedback).to_be_visible()
    expect(feedback.get_by_role("heading", level=3, name="Delivery")).to_be_visible()
    expect(feedback).to_contain_text("Judge 1")
    assert no_sideways_scroll(tab)
    assert axe(tab) == []
    context.close()
