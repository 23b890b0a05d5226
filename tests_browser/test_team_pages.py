"""The Team page and the invitation pages, in a real browser: they fit a 320 px phone,
pass axe-core's serious and critical checks, and work without JavaScript: the owner
invites someone, who signs in from the link and joins.

With TEAM_SCREENSHOTS=<folder>, each page is also saved there at 375 and 1280 px wide,
for a person to look at."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-123"  # forms.tests.builders.build_user's
OWNER = "ada.lovelace-entrant@northshire-community-health-partnership.example.org"
WIDTHS = {"phone": 375, "desktop": 1280}
SHOTS = os.environ.get("TEAM_SCREENSHOTS")


@pytest.fixture
def team(db):
    """The demo site; Ada's draft with Priya (edit) and Sam (view) on its team, and an
    invitation to Lee waiting."""
    from awards.models import CategoryPage
    from awards.tests.builders import build_home
    from forms import services
    from forms import team as teams
    from forms.emails import send_invitation_email
    from forms.models import Collaborator, Role
    from forms.tests.builders import build_user

    build_home()
    call_command("load_demo_content", verbosity=0)
    category = CategoryPage.objects.get(slug="performance-recovery-award")
    ada = build_user(OWNER, first_name="Ada", last_name="Lovelace")
    priya = build_user("priya.shah@example.org", first_name="Priya", last_name="Shah")
    sam = build_user("sam.okafor@example.org", first_name="Sam", last_name="Okafor")
    build_user("lee.chen@example.org", first_name="Lee", last_name="Chen")
    draft = services.start_entry(user=ada, page=category)
    Collaborator.objects.create(entry=draft, user=priya, role=Role.EDIT)
    Collaborator.objects.create(entry=draft, user=sam, role=Role.VIEW)
    invitation = teams.invite(
        entry=draft,
        by=ada,
        email="a.much-longer-address@partner-organisation.example.org",
        role=Role.SUBMIT,
    )
    send_invitation_email(invitation.pk)  # what the task does once the invitation commits
    token = re.search(r"/entries/invitations/([^/\s]+)/", mail.outbox[-1].body).group(1)
    return {"draft": draft, "category": category, "token": token}


def sign_in(page, base_url, email, next_path=""):
    target = base_url + reverse("account_login") + (f"?next={next_path}" if next_path else "")
    page.goto(target)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
        if page.locator("#entry").count():  # and the entry panel, as one screen shows it
            page.locator("#entry").scroll_into_view_if_needed()
            page.evaluate("document.getElementById('entry').scrollIntoView()")
            page.screenshot(path=f"{SHOTS}/{name}-entry-{width}.png")


def fits(page, width) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_team_pages_fit_a_phone_and_pass_axe(live_server, browser, team, axe):
    draft = team["draft"]
    at = live_server.url
    member = draft.collaborators.get(user__email="priya.shah@example.org")
    pages = {
        "team": reverse("entry_team", args=[draft.public_id]),
        "team-role": reverse("entry_team_role", args=[draft.public_id, member.pk]),
        "team-remove": reverse("entry_team_remove", args=[draft.public_id, member.pk]),
        "team-hand-over": reverse("entry_team_hand_over", args=[draft.public_id]),
        "my-entries": reverse("my_entries"),
        "category": draft.page.url,
    }
    problems = []
    for width in [320, *WIDTHS.values()]:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        sign_in(page, at, OWNER)
        for name, path in pages.items():
            page.goto(at + path)
            if not fits(page, width):
                problems.append(f"{name} scrolls sideways at {width} px")
            if width == 320:
                problems += [f"{name}: {v}" for v in axe(page)]
            else:
                shoot(page, f"owner-{name}")
        # The invite form with its errors.
        page.goto(at + pages["team"])
        page.get_by_label("Their email address").fill("not an address")
        page.get_by_role("button", name="Send invitation").click()
        expect(page.locator(".error-summary")).to_be_visible()
        if width == 320:
            problems += [f"team with errors: {v}" for v in axe(page)]
        else:
            shoot(page, "owner-team-errors")
        context.close()

        # What Priya sees: the team, without the owner's tools.
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        sign_in(page, at, "priya.shah@example.org")
        for name in ("team", "my-entries", "category"):
            page.goto(at + pages[name])
            if not fits(page, width):
                problems.append(f"Priya's {name} scrolls sideways at {width} px")
            shoot(page, f"collaborator-{name}")
        context.close()
    assert problems == []


def test_the_owner_invites_and_the_colleague_joins_without_javascript(live_server, browser, team):
    draft = team["draft"]
    at = live_server.url
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    sign_in(page, at, OWNER)
    page.goto(at + draft.page.url)
    page.get_by_role("link", name="Team: invite colleagues to work on this entry").click()
    page.get_by_label("Their email address").fill("lee.chen@example.org")
    page.get_by_label("Edit and submit").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to lee.chen@example.org")).to_be_visible()
    context.close()

    [message] = [m for m in mail.outbox if m.to == ["lee.chen@example.org"]]
    link = re.search(r"https?://\S+/entries/invitations/\S+/", message.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(at + path)
    expect(page.get_by_role("heading", name="Join the team for this entry")).to_be_visible()
    shoot(page, "invitation-signed-out")
    page.locator("#main").get_by_role("link", name="Sign in").click()
    page.get_by_label("Email address").fill("lee.chen@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Join the team")).to_be_visible()
    shoot(page, "invitation-signed-in")
    page.get_by_role("button", name="Join the team").click()
    expect(page.get_by_text("You have joined the team for Ada Lovelace's entry")).to_be_visible()
    expect(
        page.get_by_text("Shared with you by Ada Lovelace. Your role: edit and submit.")
    ).to_be_visible()
    shoot(page, "joined")

    # Another account opening Lee's link is refused, and told which address it is for.
    other = browser.new_context(viewport={"width": 375, "height": 800})
    tab = other.new_page()
    sign_in(tab, at, "sam.okafor@example.org")
    tab.goto(at + reverse("team_invitation", args=[team["token"]]))
    expect(tab.get_by_text("This invitation is for a.much-longer-address")).to_be_visible()
    shoot(tab, "invitation-wrong-account")
    other.close()
    context.close()
