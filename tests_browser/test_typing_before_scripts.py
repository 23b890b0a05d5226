"""Text typed before the page's scripts have loaded is kept and saved, in a real Chromium.

On a slow connection the entry form can be filled in before autosave.js arrives. The
script starts by dropping what the browser itself put back into the form (on a reload
the browser may restore text older than the server's), and it once dropped what the
person had typed in that moment too. Each test holds autosave.js in the browser until
the person has typed, so that moment happens every time.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from forms import services
from forms.models import Entry
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT = "**/js/autosave*.js"


@pytest.fixture
def entry(transactional_db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form, build_user

    category = build_category(build_programme(build_home()), entry_form=build_entry_form())
    return services.start_entry(user=build_user("early@example.org"), page=category)


class HeldScript:
    """autosave.js held in the browser until released: a slow network, made certain."""

    def __init__(self, context):
        self.context, self.held = context, []
        context.route(SCRIPT, self.hold)

    def hold(self, route):
        self.held.append(route)

    def release(self):
        self.context.unroute(SCRIPT)
        for route in self.held:
            try:
                route.continue_()
            except PlaywrightError:
                pass  # the page went away


def answers(entry) -> dict:
    return Entry.objects.get(pk=entry.pk).answers


def test_an_answer_typed_before_autosave_loads_is_kept_and_saved(live_server, browser, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    held = HeldScript(context)
    page.goto(live_server.url + entry.page.url, wait_until="commit")
    box = page.get_by_label("Describe the context")
    box.fill("Typed while the page was still loading.")
    assert held.held, "autosave.js was not held: the test would prove nothing"
    held.release()

    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)
    expect(box).to_have_value("Typed while the page was still loading.")
    assert answers(entry)["context"] == "Typed while the page was still loading."
    context.close()


def test_an_answer_typed_while_a_reload_loads_is_kept_and_saved(live_server, browser, entry):
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + entry.page.url)
    page.get_by_label("Organisation name").fill("Northshire NHS Trust")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)

    held = HeldScript(context)
    page.reload(wait_until="commit")
    page.get_by_label("Describe the context").fill("Typed while the reload was loading.")
    assert held.held, "autosave.js was not held: the test would prove nothing"
    held.release()

    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)
    expect(page.get_by_label("Describe the context")).to_have_value(
        "Typed while the reload was loading."
    )
    expect(page.get_by_label("Organisation name")).to_have_value("Northshire NHS Trust")
    stored = answers(entry)
    assert stored["context"] == "Typed while the reload was loading."
    assert stored["organisation_name"] == "Northshire NHS Trust"
    context.close()


def test_typing_on_text_the_browser_restored_never_overwrites_a_newer_save(
    live_server, browser, entry
):
    """On a reload some browsers put back the text a field held when the person left
    (Chromium here does not, so the test puts it back as they do: a value set with no
    event), older than what was saved since on another device. Typing on top of it before
    the scripts load must not overwrite that newer save without asking."""
    context = signed_in_browser(browser, entry.entrant, live_server.url)
    page = context.new_page()
    page.goto(live_server.url + entry.page.url)
    page.get_by_label("Describe the context").fill("Written on the laptop.")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)
    # Meanwhile, on the phone, the same answer is rewritten.
    stored = Entry.objects.get(pk=entry.pk)
    services.save_draft(
        entry=stored,
        user=entry.entrant,
        answers={"context": "Rewritten on the phone."},
        base_version=stored.version,
    )

    held = HeldScript(context)
    page.reload(wait_until="commit")
    box = page.get_by_label("Describe the context")
    expect(box).to_have_value("Rewritten on the phone.")  # what the server drew
    box.evaluate("(el) => { el.value = 'Written on the laptop.'; }")  # the browser's restore
    box.press("End")
    box.press_sequentially(" And more.")
    held.release()

    status = page.locator("[data-save-status]")
    expect(status).to_contain_text("Not saved", timeout=20_000)
    expect(status).to_contain_text("Choose which version to keep")
    assert answers(entry)["context"] == "Rewritten on the phone."
    expect(page.locator("[data-conflict]")).to_contain_text("Rewritten on the phone.")
    context.close()
