"""A new entrant's whole journey in a real Chromium, and two tabs editing one draft."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from forms.models import Entry, EntryStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CATEGORY = "/hsj-awards-2024/performance-recovery-award/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ANSWERS = {
    "Context and vision: your answer": "We rebuilt our elective pathway after the pandemic.",
    "Delivery: your answer": "New theatre lists and a virtual ward.",
    "Spread and sustainability: your answer": "Two neighbouring trusts adopted it.",
    "Value and outcomes: your answer": "Waiting times fell by 40 per cent.",
    "Engagement: your answer": "Clinicians and patients co-designed every step.",
}


@pytest.fixture
def demo_site(db):
    from awards.tests.builders import build_home

    build_home()  # a flushed database has no root page or locale
    call_command("load_demo_content", verbosity=0)


def sign_in(page, base_url, email, password):
    page.goto(f"{base_url}/accounts/login/?next={CATEGORY}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}{CATEGORY}")


def test_a_new_entrant_registers_enters_and_submits(live_server, page, demo_site, axe, tmp_path):
    base = live_server.url
    password = "Bright-harbour-72-lanterns"

    # Register from the category page, and come back to it.
    page.goto(base + CATEGORY)
    page.get_by_role("link", name="Register to enter").first.click()
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Entrant")
    page.get_by_label("Organisation").fill("Northshire NHS Trust")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Create a password").fill(password)
    page.get_by_label("Confirm your password").fill(password)
    page.get_by_role("button", name=re.compile("Create (an )?account|Register|Sign up")).click()
    page.wait_for_load_state()

    # Verify the email address with the link from the outbox.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(base + link[link.index("/accounts/") :])
    page.get_by_role("button", name=re.compile("Confirm")).click()

    # Confirming brings the entrant back to the category; start an entry from the
    # button under the criteria.
    expect(page).to_have_url(base + CATEGORY)
    expect(page.get_by_text("You have confirmed ada@example.org.")).to_be_visible()
    expect(page.get_by_role("button", name="Start your entry")).to_have_count(2)
    page.get_by_role("button", name="Start your entry").last.click()
    expect(page.get_by_role("heading", name="Your entry")).to_be_visible()
    assert axe(page) == []

    # Type answers; autosave says when it saved.
    page.get_by_label("Organisation name").fill("Northshire NHS Trust")
    page.get_by_label("Title of your entry").fill("Back to baseline")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=15_000)
    context_box = page.get_by_label("Context and vision: your answer")
    with page.expect_response(lambda r: r.url.endswith("/save/") and r.ok, timeout=15_000):
        context_box.fill(ANSWERS["Context and vision: your answer"])
        expect(page.locator("#q-context_vision-count")).to_have_text("8 of 500 words")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at")

    # Reload: the answers are there.
    page.reload()
    expect(page.get_by_label("Title of your entry")).to_have_value("Back to baseline")
    expect(context_box).to_have_value(ANSWERS["Context and vision: your answer"])

    # Sign out, sign in again, resume.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    if page.get_by_role("button", name="Sign out").count():  # a confirmation page
        page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, "ada@example.org", password)
    expect(page.get_by_label("Organisation name")).to_have_value("Northshire NHS Trust")

    # Finish the entry, upload a file, save with the button.
    for label, text in ANSWERS.items():
        page.get_by_label(label).fill(text)
    page.get_by_label("Private sector").check()
    page.get_by_label("Contact email for this entry").fill("team@example.org")
    page.locator("#q-declaration-yes").check()
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(PDF)
    page.locator("#q-supporting_document").set_input_files(str(evidence))
    page.get_by_role("button", name="Review and submit").click()

    # Check your answers, then submit.
    expect(
        page.get_by_role("heading", name="Check your answers before submitting your entry")
    ).to_be_visible()
    expect(page.get_by_role("link", name="evidence.pdf")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name="Submit your entry").click()
    expect(page.get_by_role("heading", name="Entry submitted")).to_be_visible()
    entry = Entry.objects.get(entrant__email="ada@example.org")
    assert entry.status == EntryStatus.SUBMITTED
    expect(page.get_by_text(entry.reference)).to_be_visible()
    assert entry.answers["engagement"] == ANSWERS["Engagement: your answer"]
    assert entry.files.get().original_name == "evidence.pdf"

    # My entries: submitted, read-only.
    page.get_by_role("link", name="My entries").first.click()
    expect(page.get_by_role("heading", name="My entries")).to_be_visible()
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    assert axe(page) == []
    page.get_by_role("link", name=re.compile("^View")).click()
    expect(page.get_by_role("heading", name=f"Entry {entry.reference}")).to_be_visible()
    assert page.locator("textarea").count() == 0
    page.goto(base + CATEGORY)
    expect(page.get_by_text(f"Reference {entry.reference}")).to_be_visible()
    assert page.get_by_role("button", name="Save and come back later").count() == 0


def test_two_tabs_editing_one_draft_lose_no_text(live_server, browser, demo_site):
    from forms.tests.builders import build_user

    build_user("tabs@example.org")
    context = browser.new_context()
    first = context.new_page()
    sign_in(first, live_server.url, "tabs@example.org", "a-long-password-123")
    first.get_by_role("button", name="Start your entry").first.click()
    expect(first.get_by_role("heading", name="Your entry")).to_be_visible()
    second = context.new_page()
    second.goto(live_server.url + CATEGORY)

    first.get_by_label("Delivery: your answer").fill("Written in the first tab")
    expect(first.locator("[data-save-status]")).to_contain_text("Saved at", timeout=15_000)

    second.get_by_label("Delivery: your answer").fill("Written in the second tab")
    status = second.locator("[data-save-status]")
    expect(status).to_contain_text("changed in another tab or device", timeout=15_000)
    expect(second.get_by_label("Delivery: your answer")).to_have_value("Written in the second tab")
    assert Entry.objects.get(entrant__email="tabs@example.org").answers["delivery"] == (
        "Written in the first tab"
    )

    # Keeping the second tab's text is a deliberate choice, and nothing is lost.
    second.get_by_role("button", name="Save and come back later").click()
    expect(
        second.get_by_role("heading", name="Your entry was changed somewhere else")
    ).to_be_visible()
    expect(second.get_by_label("Delivery: your answer")).to_have_value("Written in the second tab")
    second.get_by_role("button", name="Save and come back later").click()
    expect(second.get_by_text("Saved at")).to_be_visible()
    assert Entry.objects.get(entrant__email="tabs@example.org").answers["delivery"] == (
        "Written in the second tab"
    )
    context.close()
