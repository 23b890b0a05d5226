"""A change to published content bans the whole site from each caching proxy, once per commit.

(tests_system/test_varnish.py shows the same against a real Varnish.)
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from awards.models import SiteSettings
from awards.tests.builders import attach_contacts, build_category, build_home, build_programme

# Real commits: the ban is sent when the editor's transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


class Recorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str, str]] = []

    def do_BAN(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.command, self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    do_PURGE = do_BAN  # noqa: N815 - Wagtail's own purge of the published page's URL

    def log_message(self, *args):
        pass


def proxy_settings(location: str):
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    return override_settings(
        WAGTAILFRONTENDCACHE={"varnish": {"BACKEND": backend, "LOCATION": location}}
    )


@pytest.fixture
def proxy_url():
    """A stand-in proxy that records what it is sent (in ``Recorder.received``)."""
    Recorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_many_changes_in_one_transaction_send_one_ban_per_site(proxy_url):
    category = build_category(build_programme(build_home()))
    home = category.get_site().root_page
    Site.objects.create(hostname="other.example.org", port=8080, root_page=home)
    # One editor's transaction, committed: a contact, a publish and the site settings.
    with proxy_settings(proxy_url), transaction.atomic():
        contact = attach_contacts(category, 1)[0]
        contact.name = "Priya Shah"
        contact.save()
        category.title = "Patient Safety Award"
        category.save_revision().publish()
        site_settings = SiteSettings.for_site(Site.objects.get(hostname="localhost"))
        site_settings.site_name = "Northshire Health Awards"
        site_settings.save()
        assert not [r for r in Recorder.received if r[0] == "BAN"], "nothing before the commit"
    bans = sorted(r for r in Recorder.received if r[0] == "BAN")
    assert bans == [("BAN", "/", "localhost"), ("BAN", "/", "other.example.org:8080")]


def test_a_proxy_that_does_not_answer_never_stops_a_publish(caplog):
    category = build_category(build_programme(build_home()))
    # Port 9 (discard): nothing listens there.
    with proxy_settings("http://127.0.0.1:9"):
        category.title = "Patient Safety Award"
        category.save_revision().publish()
    category.refresh_from_db()
    assert category.title == "Patient Safety Award" and category.live
    assert "Could not ban localhost's pages from http://127.0.0.1:9" in caplog.text


def test_without_a_proxy_nothing_is_sent(monkeypatch):
    sent = []
    monkeypatch.setattr(requests, "request", lambda *args, **kwargs: sent.append(args))
    category = build_category(build_programme(build_home()))
    category.title = "Patient Safety Award"
    category.save_revision().publish()
    assert sent == []
