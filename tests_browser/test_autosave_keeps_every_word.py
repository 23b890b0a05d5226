"""Autosave at its edges, in a real Chromium: reloads, history, going offline, files, a second tab.

Each test holds the autosave's request in the browser where the race needs it
(``context.route``), so the order that loses words on a slow network happens
every time, not once in a while.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from forms import services
from forms.models import Entry
from tests_browser.held_saves import HeldSaves
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    "Organisation name": "Northshire NHS Trust",
    "Contact email": "team@example.org",
    "Describe the context": "We rebuilt our elective pathway after the pandemic.",
    "Anything else": "Clinicians and patients co-designed every step.",
}
KEYS = {
    "Organisation name": "organisation_name",
    "Contact email": "contact_email",
    "Describe the context": "context",
    "Anything else": "notes",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def category(transactional_db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form

    return build_category(build_programme(build_home()), entry_form=build_entry_form())


@pytest.fixture
def entrant(transactional_db):
    from forms.tests.builders import build_user

    return build_user("keeps@example.org")


@pytest.fixture
def entry(category, entrant):
    return services.start_entry(user=entrant, page=category)


def type_answers(page):
    for label, text in ANSWERS.items():
        page.get_by_label(label).fill(text)


def expect_answers(page):
    for label, text in ANSWERS.items():
        expect(page.get_by_label(label)).to_have_value(text)


def saved_answers(entry) -> dict:
    return {k: v for k, v in Entry.objects.get(pk=entry.pk).answers.items() if k in KEYS.values()}


def expect_saved(page):
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)


def test_typing_then_reloading_at_once_keeps_every_answer(live_server, browser, category, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    held = HeldSaves(context)
    type_answers(page)
    page.reload()  # the pagehide save is held: the reload renders the older version
    held.release()

    expect_answers(page)
    expect_saved(page)
    assert saved_answers(entry) == {KEYS[label]: text for label, text in ANSWERS.items()}

    # The next save is accepted: no message about another tab.
    page.get_by_label("Anything else").fill("One more sentence.")
    expect(page.locator("[data-save-status]")).to_have_text("Unsaved changes")
    expect_saved(page)
    assert saved_answers(entry)["notes"] == "One more sentence."
    expect(page.get_by_text("another tab")).to_have_count(0)
    context.close()


def test_back_then_forward_keeps_every_answer(live_server, browser, category, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + "/entries/")
    page.goto(live_server.url + category.url)
    held = HeldSaves(context)
    type_answers(page)
    page.go_back()
    expect(page.get_by_role("heading", name="My entries")).to_be_visible()
    page.go_forward()
    held.release()

    expect_answers(page)
    expect(page.locator("[data-save-status]")).to_contain_text(re.compile("Saved at|Last saved"))
    page.get_by_label("Anything else").fill("Typed after coming back.")
    expect_saved(page)
    assert saved_answers(entry)["notes"] == "Typed after coming back."
    assert saved_answers(entry)["context"] == ANSWERS["Describe the context"]
    expect(page.get_by_text("another tab")).to_have_count(0)
    context.close()


def test_typing_offline_then_online_saves_without_a_conflict(live_server, browser, category, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    status = page.locator("[data-save-status]")

    # The connection drops as a save's reply is on its way: the server has it, the page does not.
    def lose_the_reply(route):
        route.fetch()
        context.set_offline(True)
        route.abort("internetdisconnected")

    context.route("**/save/", lose_the_reply)
    page.get_by_label("Describe the context").fill(ANSWERS["Describe the context"])
    expect(status).to_contain_text("offline", timeout=20_000)
    assert saved_answers(entry)["context"] == ANSWERS["Describe the context"]
    page.get_by_label("Anything else").fill(ANSWERS["Anything else"])
    expect(status).to_contain_text("offline")

    context.unroute("**/save/")
    context.set_offline(False)
    expect_saved(page)
    expect(page.get_by_text("another tab")).to_have_count(0)
    saved = saved_answers(entry)
    assert saved["context"] == ANSWERS["Describe the context"]
    assert saved["notes"] == ANSWERS["Anything else"]
    context.close()


def test_the_status_says_unsaved_the_moment_the_entrant_types(
    live_server, browser, category, entry
):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    status = page.locator("[data-save-status]")
    expect(status).to_have_text("Not saved yet")
    page.get_by_label("Organisation name").fill("North")
    expect(status).to_have_text("Unsaved changes")
    expect_saved(page)

    # Leaving with something unsent asks first; with nothing unsent it does not.
    assert (
        page.evaluate(
            "() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; }"
        )
        is False
    )
    page.get_by_label("Organisation name").fill("Northshire")
    assert (
        page.evaluate(
            "() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; }"
        )
        is True
    )
    expect_saved(page)
    context.close()


def test_section_states_follow_every_save(live_server, browser, category, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    task = page.locator(".task-list__item", has_text="Your organisation")
    expect(task).to_contain_text("Not started")
    page.get_by_label("Organisation name").fill("Northshire NHS Trust")
    expect_saved(page)
    expect(task).to_contain_text("In progress")
    page.get_by_label("Contact email").fill("team@example.org")
    expect(task).to_contain_text("Completed", timeout=20_000)
    expect(page.locator("[data-progress-summary]")).to_contain_text("2 of 3 sections completed")
    context.close()


def test_a_chosen_file_then_leaving_keeps_the_new_file(
    live_server, browser, category, entry, tmp_path
):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    evidence = tmp_path / "evidence.pdf"
    evidence.write_bytes(PDF)
    page.locator("#q-evidence").set_input_files(str(evidence))
    expect_saved(page)
    expect(page.get_by_role("link", name="evidence.pdf")).to_be_visible()

    page.get_by_role("link", name="My entries").first.click()
    expect(page.get_by_role("heading", name="My entries")).to_be_visible()
    assert Entry.objects.get(pk=entry.pk).files.get().original_name == "evidence.pdf"
    page.goto(live_server.url + category.url)
    expect(page.get_by_role("link", name="evidence.pdf")).to_be_visible()
    context.close()


def test_a_file_too_large_costs_nothing_of_the_text_sent_with_it(
    live_server, browser, category, entry
):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + category.url)
    page.get_by_label("Describe the context").fill("Typed just before choosing a big file")
    # Chosen at once: the upload carries the text, and the server refuses it all (413).
    page.locator("#q-evidence").set_input_files(
        {"name": "huge.pdf", "mimeType": "application/pdf", "buffer": PDF + b"0" * 15_000_000}
    )
    status = page.locator("[data-save-status]")
    expect(status).to_contain_text("Saved at", timeout=30_000)
    expect(status).to_contain_text("The file is too large")
    assert saved_answers(entry)["context"] == "Typed just before choosing a big file"
    assert not Entry.objects.get(pk=entry.pk).files.exists()
    context.close()


def test_a_real_second_tab_is_refused_and_both_texts_are_shown(
    live_server, browser, category, entry
):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    first = context.new_page()
    first.goto(live_server.url + category.url)
    second = context.new_page()
    second.goto(live_server.url + category.url)

    first.get_by_label("Describe the context").fill("Written in the first tab")
    expect_saved(first)
    second.get_by_label("Describe the context").fill("Written in the second tab")
    conflict = second.get_by_role("alert")
    expect(conflict).to_contain_text("changed in another tab or device", timeout=20_000)
    expect(conflict).to_contain_text("Describe the context")
    expect(conflict).to_contain_text("Written in the first tab")
    expect(conflict).to_contain_text("Written in the second tab")
    assert saved_answers(entry)["context"] == "Written in the first tab"

    # Keeping this tab's text is a deliberate choice, and it saves.
    second.get_by_role("button", name="Keep this version").click()
    expect_saved(second)
    assert saved_answers(entry)["context"] == "Written in the second tab"
    context.close()
