"""Every page an entrant uses fits a 320 px phone without scrolling sideways, and the
signed-in entry pages pass axe-core's serious and critical checks there."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}
# Long enough to find any box that cannot wrap: the address, the organisation and a link.
EMAIL = "ada.lovelace-entrant@northshire-community-health-partnership.example.org"
PASSWORD = "a-long-password-123"
ORGANISATION = "Northshire Community Health Partnership NHS Foundation Trust"
LINK = (
    "https://www.northshire-community-health-partnership.example.org/elective-recovery/"
    "back-to-baseline-programme-evaluation-report-2024.pdf"
)
ANSWERS = {
    "organisation_name": ORGANISATION,
    "entry_title": "Back to baseline",
    "organisation_type": "NHS trust",
    "contact_email": EMAIL,
    "context_vision": f"We rebuilt our elective pathway. The full evaluation: {LINK}",
    "delivery": "New theatre lists and a virtual ward.",
    "spread_sustainability": "Two neighbouring trusts adopted it.",
    "value_outcomes": "Waiting times fell by 40 per cent.",
    "engagement": "Clinicians and patients co-designed every step.",
    "declaration": "yes",
}


@pytest.fixture
def entries(db):
    """The demo site, and an entrant with a draft, a submitted and a reopened entry."""
    from awards.models import CategoryPage
    from awards.tests.builders import build_category, build_home
    from forms import services
    from forms.staff_actions import reopen_entry
    from forms.tests.builders import build_user

    build_home()  # a flushed database has no root page or locale
    call_command("load_demo_content", verbosity=0)
    demo = CategoryPage.objects.get(slug="performance-recovery-award")
    programme = demo.get_parent()
    entrant = build_user(EMAIL, organisation=ORGANISATION)
    organiser = build_user("organiser@example.org", is_staff=True)

    draft = services.start_entry(user=entrant, page=demo)
    services.save_draft(
        entry=draft,
        user=entrant,
        answers={"context_vision": ANSWERS["context_vision"]},
        base_version=1,
    )

    def submitted(title: str, code: str):
        category = build_category(
            programme, title=title, reference_code=code, entry_form=demo.entry_form
        )
        entry = services.start_entry(user=entrant, page=category)
        services.save_draft(entry=entry, user=entrant, answers=ANSWERS, base_version=1)
        return services.submit_entry(entry=entry, user=entrant, base_version=2)

    done = submitted("Digital Innovation Award", "DIA")
    reopened = reopen_entry(
        entry=submitted("Workforce Transformation Award", "WTA"),
        by=organiser,
        reason="The supporting document you attached is for a different project",
    )
    return {"draft": draft, "submitted": done, "reopened": reopened}


def sign_in(page, base_url):
    page.goto(base_url + reverse("account_login"))
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="My entries")).to_be_visible()


def too_wide(page, base_url, pages: dict[str, str]) -> list[str]:
    """The pages, of ``pages`` (name: path), that scroll sideways at the phone's width."""
    wide = []
    for name, path in pages.items():
        response = page.goto(base_url + path)
        assert response.ok, f"{name} ({path}) answered {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{name} ({path}) is {width} px wide")
    return wide


def test_every_entrant_page_fits_320_px(live_server, browser, entries):
    base = live_server.url
    draft, submitted, reopened = entries["draft"], entries["submitted"], entries["reopened"]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    wide = too_wide(
        page,
        base,
        {
            "home page": "/",
            "Contacts page": "/contacts/",
            "programme page": draft.page.get_parent().url,
            "category page, signed out": draft.page.url,
            "sign-in": reverse("account_login"),
            "register": reverse("account_signup"),
            "password reset": reverse("account_reset_password"),
        },
    )
    sign_in(page, base)
    wide += too_wide(
        page,
        base,
        {
            "category page with the entry form": draft.page.url,
            "category page with a reopened entry": reopened.page.url,
            "category page with a submitted entry": submitted.page.url,
            "check your answers": reverse("entry_review", args=[draft.public_id]),
            "submitted confirmation": reverse("entry_submitted", args=[submitted.public_id]),
            "entry page, submitted": reverse("entry_detail", args=[submitted.public_id]),
            "entry page, reopened": reverse("entry_detail", args=[reopened.public_id]),
            "entry page, draft": reverse("entry_detail", args=[draft.public_id]),
            "My entries": reverse("my_entries"),
            "account": reverse("account_profile"),
            "email addresses": reverse("account_email"),
            "change password": reverse("account_change_password"),
            "delete account": reverse("account_delete"),
        },
    )
    assert wide == [], "Pages that scroll sideways at 320 px: " + "; ".join(wide)

    # What those pages showed: the form with its save bar, and every entry's state.
    page.goto(base + draft.page.url + "#entry")
    save_bar = page.locator("[data-save-bar]")
    for name in ["Save and come back later", "Review and submit"]:
        box = save_bar.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
    page.goto(base + reverse("my_entries"))
    for status in ["Draft", "Submitted", "Reopened"]:
        expect(page.locator(".badge", has_text=status)).to_be_visible()
    expect(page.get_by_text("Reopened by the awards team: The supporting document")).to_be_visible()
    expect(page.get_by_text("Last saved").first).to_be_visible()
    context.close()


def test_the_signed_in_entry_pages_pass_axe_at_320_px(live_server, browser, entries, axe):
    base = live_server.url
    draft, submitted = entries["draft"], entries["submitted"]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, base)
    pages = {
        "the entry form on its category page": draft.page.url,
        "check your answers": reverse("entry_review", args=[draft.public_id]),
        "submitted confirmation": reverse("entry_submitted", args=[submitted.public_id]),
        "My entries": reverse("my_entries"),
    }
    found = {}
    for name, path in pages.items():
        page.goto(base + path)
        found[name] = axe(page)
    assert found == {name: [] for name in pages}
    context.close()
