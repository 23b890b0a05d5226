"""The app server killed while the entrant types, then started again: not a word is lost."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from forms import services
from forms.models import Entry

from .http import signed_in_browser
from .processes import Server, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Typed while the server was down, then the page was reloaded."


def test_text_typed_while_the_server_is_down_survives_a_reload(open_category, entrant, browser):
    entry = services.start_entry(user=entrant, page=open_category)
    server = Server().start()
    context = signed_in_browser(browser, entrant, server.url)
    try:
        page = context.new_page()
        page.goto(server.url + open_category.url)
        answer = page.get_by_label("Describe the context")
        expect(answer).to_be_visible()

        server.kill()
        answer.fill(TEXT)
        expect(page.locator("[data-save-status]")).to_contain_text("Not saved", timeout=20_000)
        with pytest.raises(PlaywrightError):
            page.reload()  # the entrant reloads: the server is still down
        assert Entry.objects.get(pk=entry.pk).answers == {}

        server.start()
        address = server.url + open_category.url
        try:
            page.goto(address)
        except PlaywrightError as error:
            # Chromium's error page reloads by itself once the server answers again, and
            # that reload may overtake ours: either way the page comes back.
            if "interrupted by another navigation" not in str(error):
                raise
            page.wait_for_url(address)
            page.wait_for_load_state()
        expect(page.get_by_label("Describe the context")).to_have_value(TEXT)
        expect(page.locator("[data-save-status]")).to_contain_text(
            re.compile("Saved at|Last saved"), timeout=20_000
        )
        wait_until(lambda: Entry.objects.get(pk=entry.pk).answers.get("context") == TEXT)
        assert Entry.objects.get(pk=entry.pk).answers["context"] == TEXT
    finally:
        context.close()
        server.stop()
