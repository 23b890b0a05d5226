"""What each person's page shows while two people write one entry: the other's newer text
appears in the answers they did not touch, who is editing where, and a deliberate "Keep
this version" after a conflict that also carries the person's other changes.
(tests_browser/test_team_journey.py follows the whole invitation-to-conflict journey.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forms import services
from forms.models import Collaborator, Entry, Role
from tests_browser.held_saves import HeldSaves
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def category(transactional_db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form

    return build_category(build_programme(build_home()), entry_form=build_entry_form())


@pytest.fixture
def people(transactional_db):
    from forms.tests.builders import build_user

    return {
        "owner": build_user("ada@example.org", first_name="Ada", last_name="Lovelace"),
        "colleague": build_user("priya@example.org", first_name="Priya", last_name="Shah"),
    }


@pytest.fixture
def entry(category, people):
    entry = services.start_entry(user=people["owner"], page=category)
    Collaborator.objects.create(entry=entry, user=people["colleague"], role=Role.EDIT)
    return entry


def saved(entry) -> dict:
    return Entry.objects.get(pk=entry.pk).answers


def expect_saved(page):
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)


def open_entry(browser, user, live_server, category):
    context = signed_in_browser(browser, user, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    return context, page


def test_two_people_write_one_entry_at_the_same_time(live_server, browser, category, entry, people):
    ada_context, ada = open_entry(browser, people["owner"], live_server, category)
    priya_context, priya = open_entry(browser, people["colleague"], live_server, category)

    # Different answers, typed at the same moment: both are kept.
    ada.get_by_label("Describe the context").fill("Ada's context")
    priya.get_by_label("Anything else").fill("Priya's notes")
    expect_saved(ada)
    expect_saved(priya)
    assert saved(entry)["context"] == "Ada's context"
    assert saved(entry)["notes"] == "Priya's notes"
    # Ada's next save brings Priya's text onto her page.
    ada.get_by_label("Organisation name").fill("Northshire NHS Trust")
    expect(ada.get_by_label("Anything else")).to_have_value("Priya's notes", timeout=20_000)
    expect(priya.locator("[data-editing]")).to_contain_text(
        "Ada Lovelace is editing", timeout=30_000
    )

    # The same answer, typed by both before either save arrives: the second is refused.
    # Priya's saves are held until Ada's has landed, so the order is the same every time.
    held = HeldSaves(priya_context)
    priya.get_by_label("Organisation name").fill("Priya's organisation")
    ada.get_by_label("Describe the context").fill("Ada's second context")
    priya.get_by_label("Describe the context").fill("Priya's context")
    expect_saved(ada)
    held.wait(priya)
    held.release()
    conflict = priya.get_by_role("alert").filter(has_text="changed the same answer")
    expect(conflict).to_contain_text("Ada Lovelace changed the same answer", timeout=20_000)
    expect(conflict).to_contain_text("Saved by Ada Lovelace")
    expect(conflict).to_contain_text("Ada's second context")
    expect(conflict).to_contain_text("Priya's context")
    assert saved(entry)["context"] == "Ada's second context"

    # Priya keeps hers, deliberately; her other change goes with it.
    priya.get_by_role("button", name="Keep this version").click()
    expect_saved(priya)
    assert saved(entry)["context"] == "Priya's context"
    assert saved(entry)["organisation_name"] == "Priya's organisation"
    ada_context.close()
    priya_context.close()
