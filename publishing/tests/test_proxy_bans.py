"""A change to published content bans the whole site from each caching proxy, once per commit.

(tests_system/test_varnish.py shows the same against a real Varnish.)
"""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.db import transaction
from django.test import override_settings
from django_tasks import default_task_backend
from wagtail.models import Site

from awards.models import SiteSettings
from awards.tests.builders import attach_contacts, build_category, build_home, build_programme
from publishing.proxy_bans import ban_site_pages

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


@pytest.fixture
def silent_proxy_url():
    """A proxy that accepts every connection and never answers; counts the connections."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_slow_proxy_does_not_slow_a_publish(silent_proxy_url, caplog):
    """The editor's request only queues the ban; the task worker waits for the proxy."""
    location, accepted = silent_proxy_url
    category = build_category(build_programme(build_home()))
    with (
        proxy_settings(location),
        override_settings(
            TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        ),
    ):
        with transaction.atomic():  # the editor's request
            category.title = "Patient Safety Award"
            category.save_revision().publish()
        assert accepted == [], "the editor's request never waited on the proxy"
        queued = [r.task.name for r in default_task_backend.results]
        assert "ban_site_pages_task" in queued

        # The worker runs the ban: the silent proxy costs it the timeout, then a warning.
        ban_site_pages()
    assert len(accepted) == 1
    assert f"Could not ban localhost's pages from {location}" in caplog.text
