"""A visitor finds a category from the home page, reads it, then the guidance; every page passes axe."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(db):
    # Transactional tests start from an empty database: build the whole tree.
    call_command("load_demo_content", verbosity=0)


def headings(page, level: int) -> list[str]:
    return [text.strip() for text in page.locator(f"main h{level}").all_inner_texts()]


def assert_accessible(page, axe) -> None:
    violations = axe(page)
    assert violations == [], f"{page.url}:\n" + "\n".join(violations)


def test_visitor_walks_from_home_to_a_category_and_its_guidance(live_server, page, axe, demo_site):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("HSJ Awards")
    assert headings(page, 2) == [
        "HSJ Awards 2024",
        "HSJ Partnership Awards 2024",
        "Healthcare Awards 2025",  # last year's, judged: home/demo_judging.py
        "Guidance for entrants",
        "Sponsors",
    ]
    assert_accessible(page, axe)

    page.get_by_role("link", name="HSJ Awards 2024", exact=True).click()
    expect(page).to_have_url(re.compile(r"/hsj-awards-2024/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("HSJ Awards 2024")
    assert headings(page, 2) == ["Categories", "Guidance", "Key dates", "Contacts", "Sponsors"]
    assert_accessible(page, axe)

    page.get_by_role("link", name=PERFORMANCE_RECOVERY["title"]).click()
    expect(page).to_have_url(re.compile(r"/hsj-awards-2024/performance-recovery-award/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PERFORMANCE_RECOVERY["title"])
    expect(page.locator(".hero__deadline")).to_contain_text(
        re.compile(r"Deadline: midday on \w+day")
    )
    for heading in ["How to apply", "About this award", "Who can enter", "Judging criteria"]:
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    criteria = headings(page, 3)
    assert criteria == [heading for heading, _ in PERFORMANCE_RECOVERY["criteria"]]
    # Once above the criteria and again after them.
    expect(page.get_by_role("link", name="Register to enter")).to_have_count(2)
    expect(page.get_by_role("link", name="Register to enter").last).to_be_visible()
    assert_accessible(page, axe)

    page.get_by_role("link", name="How to enter").click()
    expect(page).to_have_url(re.compile(r"/how-to-enter/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("How to enter")
    expect(page.get_by_role("heading", level=2, name="Before you start")).to_be_visible()
    page.get_by_text("Can I enter more than one category?").click()
    expect(page.get_by_text("Start a separate entry on each category page.")).to_be_visible()
    assert_accessible(page, axe)


def test_visitor_finds_a_closed_category_through_search(live_server, page, axe, demo_site):
    page.goto(live_server.url + "/")
    search = page.get_by_role("search", name="Site")
    search.get_by_role("searchbox", name="Search the site").fill("disseminated")
    search.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    # The closed seed category, and the open Private Sector Partnership Award that shares
    # its criteria (home/demo_eligibility.py).
    expect(page.get_by_role("status")).to_have_text("2 results for “disseminated”")
    assert_accessible(page, axe)

    page.get_by_role("link", name=COMMUNITY_PARTNERSHIP["title"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COMMUNITY_PARTNERSHIP["title"])
    expect(page.locator(".hero__deadline")).to_contain_text("Entries are now closed")
    expect(
        page.locator("main").get_by_role("link", name=re.compile("Register|Sign in"))
    ).to_have_count(0)
    assert_accessible(page, axe)


def test_the_press_and_sponsors_find_who_to_contact(live_server, page, axe, demo_site):
    page.goto(live_server.url + "/")
    sponsors = page.get_by_role("region", name="Sponsors")
    expect(sponsors.get_by_role("link", name="Kestrel Community Care")).to_be_visible()
    expect(sponsors.get_by_role("heading", name="Become a sponsor")).to_be_visible()
    expect(sponsors).to_contain_text("contact Awards Support Team")

    page.get_by_role("navigation", name="Site").get_by_role("link", name="Contacts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts")
    assert headings(page, 2) == [
        "Entries, attendance and sponsorship enquiries",
        "Media and marketing",
        "Judging and event management",
        "Entry enquiries",
    ]
    assert_accessible(page, axe)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page, axe)
    page.set_viewport_size({"width": 1280, "height": 900})

    search = page.get_by_role("search", name="Site")
    search.get_by_role("searchbox", name="Search the site").fill("press")
    search.get_by_role("button", name="Search").click()
    found = page.get_by_role("region", name="Contacts")
    expect(found).to_contain_text("Honor Greaves")
    email = found.get_by_role("link", name="Email Honor Greaves: honor.greaves@example.org")
    expect(email).to_have_attribute("href", "mailto:honor.greaves@example.org")
    assert_accessible(page, axe)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/contacts/",
        "/hsj-awards-2024/",
        "/hsj-awards-2024/performance-recovery-award/",
        "/how-to-enter/",
    ],
)
def test_pages_fit_a_320px_screen_without_scrolling_sideways(live_server, page, demo_site, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
