"""When published content changes, the caching proxies drop every page of the site.

Wagtail purges a published page's own URL (wagtail.contrib.frontend_cache).
But a change shows on other pages too: a renamed category on its programme's
listing, a contact on every category that names them, the site name in every
footer. Those would stay stale in Varnish for up to ``s-maxage``. So whenever
published content changes (publishing/invalidation.py), after the transaction
commits, a task is queued that sends each HTTP proxy in ``WAGTAILFRONTENDCACHE``
one ``BAN`` per site, which deploy/varnish/default.vcl turns into "drop
everything for this Host". Editors' changes are rare; visitors refill the
cache in a request each.

The ban runs as a task (the database worker in production), never inside the
editor's request: a proxy that is slow or does not answer costs the worker
its timeout, is logged and skipped, and what it holds expires within
``s-maxage`` as before. Cloudflare gets Wagtail's per-URL purges only.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
TIMEOUT_SECONDS = 2


def proxy_locations() -> list[str]:
    caches = getattr(settings, "WAGTAILFRONTENDCACHE", {}) or {}
    return [c["LOCATION"].rstrip("/") for c in caches.values() if c.get("BACKEND") == HTTP_BACKEND]


def ban_site_pages() -> None:
    """One BAN per site to each HTTP proxy; nothing when none is configured.

    Run by the task ``ban_site_pages_task`` once per committed change of published content.
    """
    from wagtail.models import Site

    locations = proxy_locations()
    if not locations:
        return
    hosts = {urlsplit(site.root_url).netloc for site in Site.objects.all()}
    for location in locations:
        for host in sorted(hosts):
            try:
                response = requests.request(
                    "BAN", f"{location}/", headers={"Host": host}, timeout=TIMEOUT_SECONDS
                )
                response.raise_for_status()
            except requests.RequestException as error:
                logger.warning("Could not ban %s's pages from %s: %s", host, location, error)


@task()
def ban_site_pages_task() -> None:
    ban_site_pages()


def ban_site_pages_later() -> None:
    """Queue the bans (nothing to queue when no proxy is configured)."""
    if proxy_locations():
        ban_site_pages_task.enqueue()
