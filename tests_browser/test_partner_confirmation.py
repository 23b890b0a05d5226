"""The partner co-sign on the Partnership Awards category, in a real Chromium: submit waits
for the partner, who confirms from the emailed link in a browser of their own; a change to
the answers afterwards asks them again."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from forms.models import Entry, EntryStatus, PartnerConfirmation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CATEGORY = "/hsj-partnership-awards-2024/best-community-services-partnership/"
PASSWORD = "a-long-password-123"
PARTNER_EMAIL = "sam.okafor@kestrel.example.org"
LINK = re.compile(r"https?://\S+(/entries/partner/[^\s/]+/)")
ANSWERS = {
    "Organisation name": "Kestrel Community Health",
    "Title of your entry": "Wound care closer to home",
    "NHS partner organisation": "Northshire NHS Foundation Trust",
    "The partnership's story": "Our nurses and the trust's tissue viability team built one "
    "community wound clinic together.",
    "Outcomes for patients and the NHS": "Healing times fell by a third.",
}
# Screenshots for a person to look at: set PARTNER_SCREENSHOTS to a folder.
SHOTS = os.environ.get("PARTNER_SCREENSHOTS", "")


@pytest.fixture
def partnership_site(db):
    from awards.tests.builders import build_home
    from forms.tests.builders import build_user

    build_home()  # a flushed database has no root page or locale
    call_command("load_demo_content", "--partnership-open", verbosity=0)
    build_user("ada@example.org", organisation="Kestrel Community Health")


def shoot(tab, name: str, locator=None) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        tab.set_viewport_size({"width": width, "height": 900})
        target = locator or tab
        kwargs = {} if locator else {"full_page": True}
        target.screenshot(path=f"{SHOTS}/{name}-{width}.png", **kwargs)
    tab.set_viewport_size({"width": 1280, "height": 900})


def sign_in_and_write_the_entry(tab, base: str) -> None:
    tab.goto(f"{base}/accounts/login/?next={CATEGORY}")
    tab.get_by_label("Email address").fill("ada@example.org")
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{base}{CATEGORY}")
    tab.get_by_role("button", name="Start your entry").last.click()
    expect(tab.get_by_role("heading", name="Your entry")).to_be_visible()
    for label, text in ANSWERS.items():
        tab.get_by_label(label, exact=True).fill(text)
    tab.get_by_role("button", name="Review and submit").click()
    expect(
        tab.get_by_role("heading", name="Check your answers before submitting your entry")
    ).to_be_visible()


def partner_link() -> str:
    message = mail.outbox[-1]
    assert message.to == [PARTNER_EMAIL]
    return LINK.search(message.body).group(1)


def ask_the_partner(tab, base: str) -> str:
    tab.goto(base + CATEGORY)
    panel = tab.locator("#partner")
    expect(panel.get_by_role("heading", name="Partner confirmation")).to_be_visible()
    panel.get_by_label("Partner organisation", exact=True).fill("Kestrel Partners Ltd")
    panel.get_by_label("Partner contact's name").fill("Sam Okafor")
    panel.get_by_label("Partner contact's email").fill(PARTNER_EMAIL)
    sent = len(mail.outbox)
    panel.get_by_role("button", name="Ask the partner to confirm").click()
    expect(tab.get_by_text(f"We have emailed Sam Okafor at {PARTNER_EMAIL}")).to_be_visible()
    assert len(mail.outbox) == sent + 1
    return partner_link()


def submit(tab, entry) -> None:
    """Press Submit; if it is not there, say why: the page's own words and what the
    database holds (this test has failed now and then with the button missing)."""
    button = tab.get_by_role("button", name="Submit your entry")
    try:
        button.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        stored = Entry.objects.get(pk=entry.pk)
        raise AssertionError(
            f"No Submit button. The page says: {tab.locator('main').inner_text()!r}. "
            f"Version {stored.version}, answers {stored.answers!r}, meta {stored.answer_meta!r}"
        ) from None
    button.click()


def partner_confirms(browser, base: str, path: str, *, expect_text: str, shots: str = "", axe=None):
    """The partner, in a browser of their own with no account, reads and confirms."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        response = tab.goto(base + path)
        assert response.status == 200
        assert response.headers["referrer-policy"] == "no-referrer"
        expect(tab.get_by_role("heading", name="Confirm this partnership entry")).to_be_visible()
        expect(tab.get_by_text(expect_text)).to_be_visible()
        # Read-only: no answer boxes, no save or change controls, no links into the entry.
        assert tab.locator("main textarea:visible, main [data-autosave]").count() == 0
        assert tab.get_by_role("button", name="Save and come back later").count() == 0
        assert tab.get_by_role("link", name=re.compile("^Change")).count() == 0
        if shots:
            shoot(tab, shots)
        if axe is not None:
            assert axe(tab) == []
        tab.get_by_label("Your name").first.fill("Sam Okafor")
        tab.get_by_role(
            "button", name="I confirm this entry describes our partnership accurately"
        ).click()
        expect(
            tab.get_by_role("heading", name="Thank you: you have confirmed the entry")
        ).to_be_visible()
        # The link has done its work.
        again = tab.goto(base + path)
        assert again.status == 410
    finally:
        context.close()


def test_submit_waits_for_the_partner_who_confirms_from_the_email(
    live_server, browser, page, partnership_site, axe
):
    base = live_server.url
    sign_in_and_write_the_entry(page, base)

    # Not asked yet: no way to submit.
    expect(page.locator("#partner")).to_contain_text("Not asked yet")
    assert page.get_by_role("button", name="Submit your entry").count() == 0

    path = ask_the_partner(page, base)
    shoot(page, "panel-waiting", page.locator("#partner"))
    assert axe(page) == []
    entry = Entry.objects.get(entrant__email="ada@example.org")
    page.goto(f"{base}/entries/{entry.public_id}/review/")
    expect(page.locator("#partner")).to_contain_text(
        "Waiting for Sam Okafor at Kestrel Partners Ltd to confirm"
    )
    assert page.get_by_role("button", name="Submit your entry").count() == 0
    assert axe(page) == []

    partner_confirms(
        browser,
        base,
        path,
        expect_text=ANSWERS["The partnership's story"],
        shots="partner-page",
        axe=axe,
    )

    page.reload()
    expect(page.locator("#partner")).to_contain_text(
        "Confirmed by Sam Okafor (Kestrel Partners Ltd) at"
    )
    shoot(page, "review-confirmed", page.locator("#partner"))
    submit(page, entry)
    expect(page.get_by_role("heading", name="Entry submitted")).to_be_visible()
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED
    # The owner heard of the confirmation as well as of the submission.
    assert any("confirmed your entry" in m.subject for m in mail.outbox)


def test_changing_an_answer_after_confirming_asks_the_partner_again(
    live_server, browser, page, partnership_site
):
    base = live_server.url
    sign_in_and_write_the_entry(page, base)
    first = ask_the_partner(page, base)
    partner_confirms(browser, base, first, expect_text=ANSWERS["Outcomes for patients and the NHS"])

    # The entrant changes an answer; autosave keeps it.
    page.goto(base + CATEGORY)
    outcomes = page.get_by_label("Outcomes for patients and the NHS", exact=True)
    with page.expect_response(lambda r: r.url.endswith("/save/") and r.ok, timeout=15_000):
        outcomes.fill("Healing times fell by half.")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at")
    page.reload()
    expect(page.locator("#partner")).to_contain_text("Changed since confirmed")
    shoot(page, "panel-changed", page.locator("#partner"))

    entry = Entry.objects.get(entrant__email="ada@example.org")
    page.goto(f"{base}/entries/{entry.public_id}/review/")
    expect(page.locator("#partner")).to_contain_text("Changed since confirmed")
    assert page.get_by_role("button", name="Submit your entry").count() == 0

    # A submit sent anyway (from a tab drawn before the change) is refused by the server.
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = page.request.post(
        f"{base}/entries/{entry.public_id}/submit/",
        form={
            "csrfmiddlewaretoken": token,
            "version": str(Entry.objects.get(pk=entry.pk).version),
        },
        headers={"Referer": page.url},
    )
    stored = Entry.objects.get(pk=entry.pk)
    assert response.status == 409, (response.status, stored.answers, stored.answer_meta)
    assert "You changed the entry after Sam Okafor at Kestrel Partners Ltd confirmed it" in (
        response.text()
    )

    page.get_by_role("button", name="Ask Sam Okafor again").click()
    expect(page.get_by_text(f"We have emailed Sam Okafor at {PARTNER_EMAIL}")).to_be_visible()
    second = partner_link()
    assert second != first
    partner_confirms(browser, base, second, expect_text="Healing times fell by half.")

    page.reload()
    expect(page.locator("#partner")).to_contain_text("Confirmed by Sam Okafor")
    submit(page, entry)
    expect(page.get_by_role("heading", name="Entry submitted")).to_be_visible()
    assert PartnerConfirmation.objects.filter(entry=entry).count() == 2
