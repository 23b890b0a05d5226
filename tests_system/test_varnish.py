"""Debian's Varnish in front of the site, with deploy/varnish/default.vcl.

Anonymous page views are served from Varnish's cache; an editor's publish
sends Varnish a PURGE (wagtail.contrib.frontend_cache) and any change to
published content a BAN of the whole site (publishing/proxy_bans.py), and the change
is what visitors get through Varnish within a second, on every page showing it; a signed-in visitor's requests
always reach the site and their page is never stored.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
import redis
import requests
from django.conf import settings
from django.test import override_settings
from wagtail.models import Site

from awards.models import SiteSettings

from .http import signed_in_session
from .processes import ROOT, Server, free_port, redis_url, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

VARNISHD = os.environ.get("VARNISHD", "/usr/sbin/varnishd")
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
REDIS_URL = redis_url(14)
HOST = "localhost"  # the test site's hostname: what Wagtail's PURGE names as Host


class Varnish:
    """varnishd in the foreground on a loopback port, in front of ``backend_port``."""

    def __init__(self, backend_port: int, workdir: Path):
        if not os.access(VARNISHD, os.X_OK):
            raise RuntimeError(
                f"{VARNISHD} not found: install Debian's varnish (`make varnish`, "
                "which `make test` runs) or set VARNISHD"
            )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        workdir.mkdir(mode=0o755)
        template = VCL.read_text()
        backend = '.port = "8000";'
        assert template.count(backend) == 1, "the VCL's backend port is what the test replaces"
        self.vcl = workdir / "default.vcl"
        self.vcl.write_text(template.replace(backend, f'.port = "{backend_port}";'))
        self.log = workdir / "varnishd.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> Varnish:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    VARNISHD,
                    "-F",  # foreground: the test owns the process
                    "-n",
                    str(self.workdir / "instance"),
                    "-a",
                    f"127.0.0.1:{self.port}",
                    "-T",
                    "127.0.0.1:0",
                    "-f",
                    str(self.vcl),
                    "-s",
                    "malloc,32m",
                    "-j",
                    "none",  # no privilege drop to the varnish user, as root or not
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until(self.is_up, timeout=30, interval=0.1)
        return self

    def is_up(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"varnishd exited: {self.log.read_text()[-2000:]}")
        try:
            return self.get("/healthz").status_code == 200
        except requests.ConnectionError:
            return False

    def get(self, path: str, cookie: str = "") -> requests.Response:
        headers = {"Host": HOST, **({"Cookie": cookie} if cookie else {})}
        return requests.get(self.url + path, headers=headers, timeout=10, allow_redirects=False)

    def purge_from(self, address: str, path: str, method: str = "PURGE") -> int:
        """PURGE (or BAN) ``path`` from a connection whose source is ``address``: the status."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(address, 0)
        )
        try:
            connection.request(method, path, headers={"Host": HOST})
            return connection.getresponse().status
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)


def from_cache(response: requests.Response) -> bool:
    """Varnish names two transactions in X-Varnish (this one and the stored object's) on a hit."""
    return len(response.headers["X-Varnish"].split()) == 2


@pytest.fixture
def varnish(tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()
    server = Server(
        workers=1,
        env={
            "REDIS_URL": REDIS_URL,
            "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        },
    )
    proxy = Varnish(server.port, tmp_path / "varnish")
    # This process (the editor's) shares the server's cache and purges this Varnish.
    shared = override_settings(
        CACHES={
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS_URL,
            }
        },
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": proxy.url,
            }
        },
    )
    try:
        server.start()
        proxy.start()
        with shared:
            yield proxy
    finally:
        proxy.stop()
        server.stop()
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_a_published_change_is_visible_through_varnish_within_a_second(
    varnish, open_category, entrant
):
    url = open_category.url

    # (a) Varnish caches the anonymous page: the second view never reaches the site.
    first = varnish.get(url)
    assert first.status_code == 200
    assert "Performance Recovery Award" in first.text
    assert "public" in first.headers["Cache-Control"], first.headers
    assert "Set-Cookie" not in first.headers
    second = varnish.get(url)
    assert from_cache(second), second.headers
    assert second.headers["X-Cache"] == "HIT"
    assert second.text == first.text
    # A cookie the site never reads (analytics) does not stop caching.
    assert from_cache(varnish.get(url, cookie="_ga=GA1.1.1; _gid=GA1.1.2"))

    # Only the VCL's purgers may purge: not another address, even on this machine.
    assert varnish.purge_from("127.0.0.2", url) == 405
    assert from_cache(varnish.get(url))

    # The programme page lists the category: cached too.
    programme_url = open_category.get_parent().url
    assert "Performance Recovery Award" in varnish.get(programme_url).text
    assert from_cache(varnish.get(programme_url))

    # (b) An editor publishes a new title: Wagtail's page_published purges the URL,
    # and the change of published content bans every page of the site.
    open_category.title = "Performance Recovery Award 2027"
    open_category.save_revision().publish()

    # (c) Within a second, visitors get the new title through Varnish, on the page
    # itself and on the programme page that lists it.
    wait_until(lambda: "Performance Recovery Award 2027" in varnish.get(url).text, timeout=1)
    assert from_cache(varnish.get(url)), "the new page is cached again"
    wait_until(
        lambda: "Performance Recovery Award 2027" in varnish.get(programme_url).text, timeout=1
    )

    # A change to the site settings (no page published) shows in every footer.
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.site_name = "Northshire Health Awards"
    site_settings.save()
    for path in (url, programme_url):
        wait_until(
            lambda path=path: "Northshire Health Awards" in varnish.get(path).text, timeout=1
        )
    # Only the VCL's purgers may ban, as for PURGE.
    assert varnish.purge_from("127.0.0.2", url, method="BAN") == 405

    # (d) A signed-in entrant always reaches the site, and their page is never stored,
    # whatever other cookies come with the session's.
    session_id = signed_in_session(entrant).cookies[settings.SESSION_COOKIE_NAME]
    session = f"{settings.SESSION_COOKIE_NAME}={session_id}"
    for cookie in (session, session, f"_ga=GA1.1.1; {session}; _gid=GA1.1.2"):
        personal = varnish.get(url, cookie=cookie)
        assert personal.status_code == 200
        assert not from_cache(personal), personal.headers
        assert "Sign out" in personal.text and "My entries" in personal.text
        assert "private" in personal.headers["Cache-Control"]
        assert "no-store" in personal.headers["Cache-Control"]
    anonymous = varnish.get(url)
    assert from_cache(anonymous)
    assert "Sign out" not in anonymous.text


def test_a_draft_and_its_preview_never_reach_visitors_through_varnish(
    varnish, open_category, entrant
):
    """Issue #11: an editor saves a draft of an embargoed title and previews it; Varnish
    keeps the published page, and the site itself (which shares the editor's Redis)
    still renders the published text for anyone who reaches it."""
    url = open_category.url
    assert "Performance Recovery Award" in varnish.get(url).text
    assert from_cache(varnish.get(url))

    draft = open_category.get_latest_revision_as_object()
    draft.title = "Shortlist: Northshire NHS Trust"
    draft.save_revision()
    assert "Shortlist: Northshire NHS Trust" in draft.make_preview_request().content.decode()

    cached = varnish.get(url)
    assert from_cache(cached), "a draft save bans nothing"
    assert "Shortlist" not in cached.text
    session_id = signed_in_session(entrant).cookies[settings.SESSION_COOKIE_NAME]
    through = varnish.get(url, cookie=f"{settings.SESSION_COOKIE_NAME}={session_id}")
    assert not from_cache(through)
    assert "Performance Recovery Award" in through.text
    assert "Shortlist" not in through.text
