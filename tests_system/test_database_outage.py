"""The database unreachable for a moment: the entrant is told, and the autosave gets through after."""

import pytest
import requests
from playwright.sync_api import expect

from forms import services
from forms.models import Entry

from .http import signed_in_browser
from .outage import DatabaseSwitch
from .processes import Server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def switch():
    database = DatabaseSwitch()
    yield database
    database.close()


def test_autosave_retries_through_a_database_outage(open_category, entrant, switch, browser):
    entry = services.start_entry(user=entrant, page=open_category)
    server = Server(database_url=switch.url).start()
    try:
        context = signed_in_browser(browser, entrant, server.url)
        page = context.new_page()
        page.goto(server.url + open_category.url)
        answer = page.get_by_label("Describe the context")
        expect(answer).to_be_visible()

        switch.cut()
        health = requests.get(server.url + "/healthz", timeout=10)
        assert health.status_code == 503

        answer.fill("Typed while the database was away")
        status = page.locator("[data-save-status]")
        expect(status).to_have_text("Not saved, retrying…", timeout=20_000)
        assert Entry.objects.get(pk=entry.pk).answers == {}

        switch.restore()
        expect(status).to_contain_text("Saved at", timeout=30_000)
        assert requests.get(server.url + "/healthz", timeout=10).status_code == 200
        assert (
            Entry.objects.get(pk=entry.pk).answers["context"] == "Typed while the database was away"
        )
        context.close()
    finally:
        server.stop()


def test_a_request_during_an_outage_gets_503_not_500(open_category, entrant, switch):
    server = Server(database_url=switch.url).start()
    try:
        switch.cut()
        page = requests.get(server.url + open_category.url, timeout=10)
        assert page.status_code == 503
        assert page.headers["Retry-After"] == "5"
        assert "briefly unavailable" in page.text
        api = requests.post(
            server.url + "/entries/x/save/", headers={"Accept": "application/json"}, timeout=10
        )
        assert api.status_code in (403, 503)  # CSRF may refuse before the database is asked
        switch.restore()
        assert requests.get(server.url + open_category.url, timeout=10).status_code == 200
    finally:
        server.stop()
