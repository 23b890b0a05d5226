"""Two people, two browsers, one entry: the owner invites a colleague, who registers from
the email and joins; both type into different answers at the same moment and both texts
are kept; both type into the same answer and the second is refused, with both texts and
the other's name; and once the colleague may only view, the server refuses their saves
(not just the page)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from forms import services
from forms.models import Collaborator, Entry, Role
from tests_browser.held_saves import HeldSaves
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def category(transactional_db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form

    return build_category(build_programme(build_home()), entry_form=build_entry_form())


@pytest.fixture
def owner(transactional_db):
    from forms.tests.builders import build_user

    return build_user("ada.owner@example.org", first_name="Ada", last_name="Owner")


def link_in(message, part: str) -> str:
    """The path of the email's link containing ``part`` (emails name the configured site)."""
    url = re.search(rf"https?://\S+{part}\S*", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def saved(page):
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)


def answers(entry) -> dict:
    return Entry.objects.get(pk=entry.pk).answers


def test_two_people_write_one_entry(live_server, browser, category, owner):
    at = live_server.url
    entry = services.start_entry(user=owner, page=category)

    # Ada invites Priya from her entry.
    ada_context = signed_in_browser(browser, owner, at)
    ada = ada_context.new_page()
    ada.goto(at + category.url)
    ada.get_by_role("link", name="Team: invite colleagues to work on this entry").click()
    ada.get_by_label("Their email address").fill("priya.shah@example.org")
    ada.get_by_label("Edit and submit").check()
    ada.get_by_role("button", name="Send invitation").click()
    expect(ada.get_by_text("Invitation sent to priya.shah@example.org")).to_be_visible()

    # Priya has no account: she registers from the email's link and joins.
    [invitation] = [m for m in mail.outbox if m.to == ["priya.shah@example.org"]]
    priya_context = browser.new_context(viewport={"width": 1280, "height": 900})
    priya_context.set_default_timeout(15_000)
    priya = priya_context.new_page()
    priya.goto(at + link_in(invitation, "/entries/invitations/"))
    expect(priya.get_by_text("Ada Owner has invited you")).to_be_visible()
    priya.locator("#main").get_by_role("link", name="Create an account").click()
    expect(priya.get_by_label("Email address")).to_have_value("priya.shah@example.org")
    priya.get_by_label("First name").fill("Priya")
    priya.get_by_label("Last name").fill("Shah")
    priya.get_by_label("Organisation").fill("Riverside Community Health")
    priya.get_by_label("Create a password").fill(PASSWORD)
    priya.get_by_label("Confirm your password").fill(PASSWORD)
    priya.get_by_role("button", name="Create account").click()
    expect(priya.get_by_role("heading", level=1)).to_have_text("Check your email")
    priya.goto(at + link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    priya.get_by_role("button", name="Confirm email address").click()
    priya.get_by_role("button", name="Join the team").click()
    expect(priya.get_by_text("You have joined the team for Ada Owner's entry")).to_be_visible()
    expect(priya.get_by_text("Shared with you by Ada Owner.")).to_be_visible()
    member = Collaborator.objects.get(entry=entry)
    assert (member.user.email, member.role) == ("priya.shah@example.org", Role.SUBMIT)

    # Different answers at the same moment: both saves reach the server together.
    ada.goto(at + category.url)
    held = [HeldSaves(ada_context), HeldSaves(priya_context)]
    ada.get_by_label("Describe the context").fill("Ada's context.")
    priya.get_by_label("Anything else").fill("Priya's notes.")
    held[0].wait(ada)
    held[1].wait(priya)
    for saves in held:
        saves.release()
    saved(ada)
    saved(priya)
    assert answers(entry)["context"] == "Ada's context."
    assert answers(entry)["notes"] == "Priya's notes."

    # The same answer: Ada's save lands first; Priya's is refused, with both texts and
    # Ada's name, and nothing of hers is written over Ada's.
    held = [HeldSaves(ada_context), HeldSaves(priya_context)]
    ada.get_by_label("Organisation name").fill("Northshire NHS Trust")
    priya.get_by_label("Organisation name").fill("Riverside Community Health")
    held[0].wait(ada)
    held[1].wait(priya)
    held[0].release()
    saved(ada)
    held[1].release()
    conflict = priya.locator("[data-conflict]")
    expect(conflict).to_be_visible(timeout=20_000)
    expect(conflict).to_contain_text("Ada Owner changed the same answer")
    expect(conflict).to_contain_text("Northshire NHS Trust")
    expect(conflict).to_contain_text("Riverside Community Health")
    assert answers(entry)["organisation_name"] == "Northshire NHS Trust"
    conflict.get_by_role("button", name="Use the other version").click()
    expect(priya.get_by_label("Organisation name")).to_have_value("Northshire NHS Trust")

    # Ada makes Priya a viewer. Priya's open page still has the form; the server refuses.
    member.role = Role.VIEW
    member.save()

    def viewers_save(response) -> bool:
        return response.url.endswith("/save/") and "A viewer" in (response.request.post_data or "")

    with priya.expect_response(viewers_save) as refused:
        priya.get_by_label("Anything else").fill("A viewer's change.")
    assert refused.value.status == 403
    expect(priya.locator("[data-save-status]")).to_contain_text(
        "Your role on this entry does not let you change this entry."
    )
    assert answers(entry)["notes"] == "Priya's notes."
    # Sent by hand, not by the page: refused just the same.
    token = priya.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    by_hand = priya.request.post(
        at + f"/entries/{entry.public_id}/save/",
        form={"csrfmiddlewaretoken": token, "version": "99", "notes": "Sneaked in"},
        headers={"Referer": at + category.url},
    )
    assert by_hand.status == 403
    assert answers(entry)["notes"] == "Priya's notes."
    # Drawn again, the page offers her no form at all.
    priya.reload()
    expect(priya.get_by_text("Your role on this entry lets you read it")).to_be_visible()
    expect(priya.get_by_role("button", name="Save and come back later")).to_have_count(0)
    ada_context.close()
    priya_context.close()
