"""Autosave requests held in the browser until released: a slow network, made certain.

A test holds a browser's saves where a race needs them (``context.route``), so the
order that would lose words or meet another person's save happens every time.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError


class HeldSaves:
    def __init__(self, context):
        self.context = context
        self.held = []
        context.route("**/save/", self.hold)

    def hold(self, route):
        self.held.append(route)

    def wait(self, page, timeout_ms: int = 20_000):
        """Until this browser's autosave has sent a save (and it is held)."""
        for _ in range(timeout_ms // 100):
            if self.held:
                return
            page.wait_for_timeout(100)
        raise AssertionError("the page never saved")

    def release(self):
        self.context.unroute("**/save/")
        for route in self.held:
            try:
                route.continue_()
            except PlaywrightError:
                pass  # the browser gave up on it when the page went away
        self.held.clear()
