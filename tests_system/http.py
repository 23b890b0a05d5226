"""A signed-in entrant talking to a real server over HTTP, as the autosave script does."""

from __future__ import annotations

import re

import requests
from django.conf import settings
from django.test import Client

VERSION = re.compile(r'name="version" value="(\d+)"')


def signed_in_session(user) -> requests.Session:
    """A requests session carrying a real Django session for ``user`` (made in the shared database)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    return session


class Entrant:
    def __init__(self, user, base_url: str, page_url: str, save_url: str):
        self.http = signed_in_session(user)
        self.base_url = base_url
        self.page_url = page_url
        self.save_url = save_url
        self.csrf = ""
        self.version = 0

    def load(self, base_url: str | None = None) -> int:
        """Open the category page, as a reload would: learn the current version and a CSRF token."""
        if base_url:
            self.base_url = base_url
        response = self.http.get(self.base_url + self.page_url, timeout=10)
        response.raise_for_status()
        self.csrf = self.http.cookies.get(settings.CSRF_COOKIE_NAME) or self.csrf
        self.version = int(VERSION.search(response.text).group(1))
        return self.version

    def save(self, answers: dict, timeout: float = 10) -> requests.Response:
        response = self.http.post(
            self.base_url + self.save_url,
            data={"version": self.version, **answers},
            headers={
                "Accept": "application/json",
                "X-CSRFToken": self.csrf,
                "Referer": self.base_url + self.page_url,
            },
            timeout=timeout,
        )
        if response.status_code == 200:
            self.version = response.json()["version"]
        return response


def signed_in_browser(browser, user, base_url: str):
    """A new Chromium context already signed in as ``user`` on ``base_url``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": signed_in_session(user).cookies[settings.SESSION_COOKIE_NAME],
                "url": base_url,
            }
        ]
    )
    return context
