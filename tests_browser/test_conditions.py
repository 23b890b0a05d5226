"""Conditional sections and the eligibility check in a real Chromium, with and without
JavaScript: the partnership section appears only for an entrant with a partner (and keeps
its text when they change their mind); an entrant who cannot enter is sent to the category
the editors suggest, and one who can starts their entry.

With CONDITIONS_SCREENSHOTS=<folder>, pages are also saved there at 375 and 1280 px wide,
for a person to look at."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests_system.http import signed_in_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("CONDITIONS_SCREENSHOTS", "")
STORY = "Our nurses and the council's carers planned every discharge together."


@pytest.fixture
def site(db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form, build_user, question, section

    programme = build_programme(build_home(), title="HSJ Partnership Awards 2024")
    form = build_entry_form(
        [
            section(
                "About your entry",
                question("short_text", "title", "Title of your entry"),
                question("yes_no", "has_partner", "Did you work with a partner organisation?"),
            ),
            (
                "section",
                {
                    "heading": "Your partnership",
                    "guidance": "",
                    "show_when": {
                        "question": "Did you work with a partner organisation?",
                        "answers": "Yes",
                    },
                    "questions": [question("long_text", "story", "The partnership's story")],
                },
            ),
        ],
        title="Partnership form",
    )
    elsewhere = build_category(
        programme,
        title="Provider Collaboration Award",
        slug="provider-collaboration",
        entry_form=build_entry_form(title="Collaboration form"),
    )
    partnership = build_category(
        programme,
        title="Private Sector Partnership Award",
        slug="private-sector-partnership",
        reference_code="PSP",
        entry_form=form,
        eligibility_check=[
            (
                "choice",
                {
                    "question": "What type of organisation are you?",
                    "help_text": "",
                    "choices": ["NHS organisation", "Private sector", "Charity"],
                    "qualifying": "Private sector",
                },
            ),
        ],
        not_eligible_message="<p>This award is for private sector organisations "
        "working in partnership with the NHS.</p>",
        suggested_category=elsewhere,
    )
    return {"partnership": partnership, "elsewhere": elsewhere, "ada": build_user()}


def signed_in(browser, user, base_url, js: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=js)
    context.set_default_timeout(15_000)
    cookie = signed_in_session(user).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])
    return context


def shoot(tab, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    tab.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("js", [True, False], ids=["with-js", "without-js"])
def test_the_eligibility_check_sends_some_elsewhere_and_starts_the_others(
    live_server, browser, site, axe, js
):
    from forms.models import Entry

    context = signed_in(browser, site["ada"], live_server.url, js)
    tab = context.new_page()
    tab.goto(live_server.url + site["partnership"].url)
    tab.get_by_role("link", name="Start your entry").first.click()
    expect(
        tab.get_by_role("heading", name="Before you start: can you enter this award?")
    ).to_be_visible()
    tab.get_by_role("button", name="Continue").click()
    expect(
        tab.get_by_role("link", name="Select an answer for “What type of organisation are you?”")
    ).to_be_visible()
    if js:
        assert axe(tab) == []
    shoot(tab, f"eligibility-error-{'js' if js else 'nojs'}")

    tab.get_by_label("NHS organisation").check()
    tab.get_by_role("button", name="Continue").click()
    expect(tab.get_by_role("heading", name="You cannot enter this award")).to_be_visible()
    expect(tab.get_by_text("This award is for private sector organisations")).to_be_visible()
    if js:
        assert axe(tab) == []
    shoot(tab, f"not-eligible-{'js' if js else 'nojs'}")
    tab.get_by_role("link", name="Provider Collaboration Award", exact=True).click()
    expect(tab.get_by_role("heading", level=1, name="Provider Collaboration Award")).to_be_visible()
    assert tab.url == live_server.url + site["elsewhere"].url
    assert not Entry.objects.exists()

    tab.goto(live_server.url + site["partnership"].url)
    tab.get_by_role("link", name="Start your entry").first.click()
    tab.get_by_label("Private sector").check()
    tab.get_by_role("button", name="Continue").click()
    expect(tab.get_by_role("heading", name="Your entry", exact=True)).to_be_visible()
    entry = Entry.objects.get(page=site["partnership"])
    assert entry.eligibility == [
        {"question": "What type of organisation are you?", "answer": "Private sector"}
    ]
    context.close()


def test_the_partnership_section_follows_the_answer_with_javascript(live_server, browser, site):
    from forms import services
    from forms.models import Entry

    services.start_entry(user=site["ada"], page=site["partnership"])
    context = signed_in(browser, site["ada"], live_server.url, True)
    tab = context.new_page()
    tab.goto(live_server.url + site["partnership"].url)
    section = tab.locator("#section-2")
    expect(section).to_be_hidden()
    expect(tab.locator(".task-list").get_by_text("Your partnership")).to_be_hidden()
    expect(tab.locator("[data-progress-summary]")).to_have_text("0 of 1 sections completed.")

    tab.get_by_role("group", name="Did you work with a partner organisation?").get_by_label(
        "Yes"
    ).check()
    expect(section).to_be_visible()
    tab.get_by_label("The partnership's story").fill(STORY)
    expect(tab.locator("[data-progress-summary]")).to_have_text(
        "1 of 2 sections completed.", timeout=15_000
    )
    shoot(tab, "conditional-shown")

    # A change of mind hides the section; its text is kept.
    tab.get_by_role("group", name="Did you work with a partner organisation?").get_by_label(
        "No"
    ).check()
    expect(section).to_be_hidden()
    expect(tab.locator("[data-progress-summary]")).to_have_text(
        "0 of 1 sections completed.", timeout=15_000
    )
    shoot(tab, "conditional-hidden")
    entry = Entry.objects.get()
    assert entry.answers["has_partner"] == "no"
    assert entry.answers["story"] == STORY

    tab.reload()
    expect(section).to_be_hidden()
    tab.get_by_role("group", name="Did you work with a partner organisation?").get_by_label(
        "Yes"
    ).check()
    expect(tab.get_by_label("The partnership's story")).to_have_value(STORY)
    context.close()


def test_without_javascript_every_section_shows_with_when_to_answer_it(live_server, browser, site):
    from forms import services
    from forms.models import Entry

    services.start_entry(user=site["ada"], page=site["partnership"])
    context = signed_in(browser, site["ada"], live_server.url, False)
    tab = context.new_page()
    tab.goto(live_server.url + site["partnership"].url)
    section = tab.locator("#section-2")
    expect(section).to_be_visible()
    expect(
        section.get_by_text(
            "Answer this section only if your answer to “Did you work with a partner organisation?” is Yes."
        )
    ).to_be_visible()
    shoot(tab, "conditional-nojs")

    tab.get_by_label("Title of your entry").fill("Home for the weekend")
    tab.get_by_role("group", name="Did you work with a partner organisation?").get_by_label(
        "No"
    ).check()
    tab.get_by_label("The partnership's story").fill(STORY)
    tab.get_by_role("button", name="Save and come back later").click()

    expect(tab.locator(".task-list").get_by_text("Not needed")).to_be_visible()
    expect(tab.locator("[data-progress-summary]")).to_have_text("1 of 1 sections completed.")
    assert Entry.objects.get().answers["story"] == STORY  # kept, though not needed
    tab.get_by_role("button", name="Review and submit").click()
    expect(tab.get_by_text("Home for the weekend")).to_be_visible()
    expect(tab.get_by_text(STORY)).to_have_count(0)
    context.close()
