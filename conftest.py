"""Fixtures shared by every app's tests: the page tree and a real browser."""

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started

# Playwright's sync API runs an event loop in the test thread; the Django ORM
# calls made by the same tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_PATH = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: no page, route or footer from another test."""
    from django.core.cache import cache

    cache.clear()
    yield


class _RequestsInFlight:
    """Counts the live server's requests, so a test's database is emptied only
    once the browser's last request (a keepalive save sent as a tab closes,
    say) has finished: on PostgreSQL, a request still holding a row lock while
    the flush truncates its tables deadlocks, and the flush fails."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = 0
        self.last_seen = time.monotonic()

    def started(self, **kwargs):
        with self.lock:
            self.running += 1
            self.last_seen = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.running -= 1
            self.last_seen = time.monotonic()

    def wait_for_quiet(self, quiet=0.3, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.running <= 0 and time.monotonic() - self.last_seen >= quiet:
                    return
            time.sleep(0.05)


_in_flight = _RequestsInFlight()
request_started.connect(_in_flight.started, dispatch_uid="in-flight-started")
request_finished.connect(_in_flight.finished, dispatch_uid="in-flight-finished")


@pytest.fixture(autouse=True)
def _live_server_finishes_before_flush(request):
    """For a test with a live server, wait for its requests to end before the
    database is emptied (this fixture asks for the database, so it is torn
    down first)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    _in_flight.wait_for_quiet()


@pytest.fixture
def home_page(db):
    from awards.tests.builders import build_home

    return build_home()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe():
    """Run axe-core in a Playwright page; return serious and critical violations."""

    source = AXE_PATH.read_text()

    def check(tab) -> list[str]:
        # Evaluated through the DevTools protocol, so the page's CSP (no inline
        # scripts) applies to the site and not to the test's own tool.
        if not tab.evaluate("typeof window.axe === 'object'"):
            tab.evaluate(source)
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + ", ".join(node["target"][0] for node in v["nodes"][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check
