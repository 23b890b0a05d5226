"""An editor builds a new category with its own form in a few clicks (issue #14).

From the admin dashboard, the editor starts a category from an existing one,
changes its criteria, builds a new form from those criteria (three questions),
previews the form with the category's criteria, and publishes both. The test
counts every click and every field typed into (a person clicks a field
before typing) and allows at most 20. The public page is then checked as an
anonymous visitor and as a signed-in entrant.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from awards.models import CategoryPage
from awards.tests.builders import build_category, build_home, build_programme
from forms.models import EntryForm
from forms.tests.builders import build_entry_form, build_user, question
from home.staff_groups import EDITORS, ensure_staff_groups
from tests_browser.staff import PASSWORD, sign_in_to_admin, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 20
NEW_TITLE = "Digital Innovation Award"
NEW_POINT = "Show the digital tools your staff use every day."
CRITERIA = {
    "Context and vision": ["Describe the context of your initiative."],
    "Delivery": ["How is the vision being achieved?"],
    "Spread and sustainability": ["Show how it can be scaled up."],
    "Value and outcomes": ["Evidence the value for patients."],
    "Engagement": ["Describe how clinicians were engaged."],
}


class Clicks:
    """Every click, tick and field typed into, counted as a person would count them."""

    def __init__(self):
        self.steps: list[str] = []

    def click(self, locator, what: str) -> None:
        locator.click()
        self.steps.append(f"click {what}")

    def fill(self, locator, text: str, what: str) -> None:
        locator.fill(text)
        self.steps.append(f"type into {what}")

    def report(self) -> str:
        lines = [f"{n:2}. {step}" for n, step in enumerate(self.steps, 1)]
        return f"{len(self.steps)} clicks:\n" + "\n".join(lines)


@pytest.fixture
def existing_category(db):
    programme = build_programme(build_home(), title="HSJ Awards 2024")
    ensure_staff_groups()  # the editors' page permissions need the tree
    form = build_entry_form(
        [
            (
                "section",
                {
                    "heading": heading,
                    "criterion": heading,
                    "guidance": "",
                    "questions": [question("long_text", f"q{n}", f"{heading}: your answer")],
                },
            )
            for n, heading in enumerate(CRITERIA, 1)
        ],
        title="Performance Recovery Award entry form",
    )
    form.save_revision().publish()
    category = build_category(
        programme,
        entry_form=form,
        criteria=[
            ("section", {"heading": heading, "text": "", "points": points})
            for heading, points in CRITERIA.items()
        ],
    )
    category.save_revision().publish()
    return category


def criteria_block(page, heading: str):
    """The category's criteria section whose Heading field says ``heading``."""
    blocks = page.get_by_role("region", name=re.compile(r"^Section\b"))
    for n in range(blocks.count()):
        block = blocks.nth(n)
        if block.get_by_role("textbox", name=re.compile("^Heading")).first.input_value() == heading:
            return block
    raise AssertionError(f"No criteria section headed {heading!r}")


def publish(page, clicks: Clicks, what: str) -> None:
    clicks.click(page.get_by_role("button", name="More actions"), f"More actions ({what})")
    clicks.click(page.get_by_role("button", name="Publish", exact=True), f"Publish ({what})")


def test_an_editor_makes_a_category_with_its_own_form_in_at_most_20_clicks(
    live_server, browser, page, existing_category, settings
):
    # See test_editor_journey.py: Wagtail's autosave races a robot's first keystrokes.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    staff_member("editor@example.org", EDITORS, first_name="Eve")
    base = live_server.url
    sign_in_to_admin(page, base, "editor@example.org")
    clicks = Clicks()

    # From the dashboard: "Add category" to the programme, started from an existing one.
    programmes = page.get_by_role("region", name="Award programmes")
    clicks.click(programmes.get_by_role("link", name=re.compile("Add category")), "Add category")
    expect(page.get_by_role("heading", level=1)).to_contain_text("New award category")
    clicks.fill(page.get_by_label("Title of the new category"), NEW_TITLE, "the title")
    clicks.click(
        page.get_by_role("button", name="Start from Performance Recovery Award"),
        "Start from Performance Recovery Award",
    )
    expect(page.get_by_text(re.compile(f"“{NEW_TITLE}” starts as a copy"))).to_be_visible()
    expect(page.get_by_role("textbox", name=re.compile(r"^Title"))).to_have_value(NEW_TITLE)

    # Its criteria: two sections fewer, and new words for Delivery.
    criteria = page.get_by_role("region", name=re.compile(r"^Section\b"))
    expect(criteria).to_have_count(5)
    for heading in ("Engagement", "Value and outcomes"):
        block = criteria_block(page, heading)
        # The block's own Delete comes first; its bullet points have theirs below.
        clicks.click(block.get_by_role("button", name="Delete").first, f"Delete “{heading}”")
    expect(criteria).to_have_count(3)
    delivery = criteria_block(page, "Delivery")
    clicks.fill(
        delivery.get_by_role("region", name=re.compile("^Bullet point")).first.get_by_role(
            "textbox"
        ),
        NEW_POINT,
        "a Delivery bullet point",
    )
    clicks.click(page.get_by_role("button", name="Save draft"), "Save draft")
    expect(page.get_by_text(re.compile(f"Page '{NEW_TITLE}' has been updated"))).to_be_visible()

    # A new form from those criteria, previewed with them, then published.
    clicks.click(
        page.get_by_role("link", name="Build a new entry form from these criteria"),
        "Build a new entry form from these criteria",
    )
    clicks.click(page.get_by_role("button", name="Build the form"), "Build the form")
    expect(page.get_by_role("textbox", name=re.compile(r"^Title"))).to_have_value(
        f"{NEW_TITLE} entry form"
    )
    expect(page.get_by_role("region", name=re.compile(r"^Long answer"))).to_have_count(3)
    clicks.click(page.get_by_role("button", name="Toggle preview"), "Toggle preview")
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("#preview-banner")).to_contain_text(
        f"this is how entrants will see the form, with the criteria of “{NEW_TITLE}”"
    )
    expect(preview.locator(".task-list__item")).to_have_count(3)
    expect(preview.locator(".form-section__guidance").nth(1)).to_contain_text(NEW_POINT)
    expect(preview.get_by_text("0 of 500 words")).to_have_count(3)
    expect(preview.get_by_role("button", name="Review and submit")).to_be_disabled()
    publish(page, clicks, "the form")

    # Back in the category, which now uses the form: publish it.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    publish(page, clicks, "the category")
    expect(page.get_by_text(re.compile(f"Page '{NEW_TITLE}' .*published"))).to_be_visible()

    print(clicks.report())  # noqa: T201 - the click count is this test's report (run with -s)
    assert len(clicks.steps) <= MAX_CLICKS, clicks.report()

    category = CategoryPage.objects.get(title=NEW_TITLE)
    form = EntryForm.objects.get(title=f"{NEW_TITLE} entry form")
    assert category.live and form.live
    assert category.entry_form_id == form.pk
    assert [b.value["heading"] for b in category.criteria] == [
        "Context and vision",
        "Delivery",
        "Spread and sustainability",
    ]
    assert [s.criterion for s in form.definition.sections] == [
        "Context and vision",
        "Delivery",
        "Spread and sustainability",
    ]
    assert [(q.type, q.max_words) for q in form.definition.questions.values()] == [
        ("long_text", 500)
    ] * 3
    # The programme's window applies; the original is untouched.
    assert (category.entries_open_at, category.entries_close_at) == (None, None)
    assert category.deadline == existing_category.get_parent().specific.entries_close_at
    existing_category.refresh_from_db()
    assert len(existing_category.criteria) == 5

    # An anonymous visitor reads the criteria and is asked to register.
    visitor = browser.new_context()
    try:
        tab = visitor.new_page()
        assert tab.goto(base + category.url).status == 200
        expect(tab.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
        expect(tab.locator(".criteria")).to_contain_text(NEW_POINT)
        expect(tab.get_by_role("link", name="Register to enter").first).to_be_visible()
    finally:
        visitor.close()

    # A signed-in entrant starts an entry and reads the same criteria above the section.
    build_user("ada@example.org")
    entrant = browser.new_context()
    try:
        tab = entrant.new_page()
        tab.goto(f"{base}/accounts/login/?next={category.url}")
        tab.get_by_label("Email address").fill("ada@example.org")
        tab.get_by_label("Password", exact=True).fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url(base + category.url)
        tab.get_by_role("button", name="Start your entry").first.click()
        expect(tab.get_by_role("heading", name="Your entry")).to_be_visible()
        delivery_section = tab.locator("section.form-section", has_text="Delivery: your answer")
        expect(delivery_section.locator(".form-section__guidance")).to_contain_text(NEW_POINT)
        expect(tab.locator("textarea")).to_have_count(3)
        expect(tab.get_by_text("0 of 500 words")).to_have_count(3)
    finally:
        entrant.close()
