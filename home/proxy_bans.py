"""When published content changes, the caching proxies drop every page of the site.

Wagtail purges a published page's own URL (wagtail.contrib.frontend_cache).
But a change shows on other pages too: a renamed category on its programme's
listing, a contact on every category that names them, the site name in every
footer. Those would stay stale in Varnish for up to ``s-maxage``. So whenever
the content version changes (home/content_version.py), after the transaction
commits, each HTTP proxy in ``WAGTAILFRONTENDCACHE`` is sent one ``BAN`` per
site, which deploy/varnish/default.vcl turns into "drop everything for this
Host". Editors' changes are rare; visitors refill the cache in a request each.

A proxy that does not answer is logged and skipped: the publish itself never
fails for it, and what it holds expires within ``s-maxage`` as before.
Cloudflare gets Wagtail's per-URL purges only.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
TIMEOUT_SECONDS = 2


def proxy_locations() -> list[str]:
    caches = getattr(settings, "WAGTAILFRONTENDCACHE", {}) or {}
    return [c["LOCATION"].rstrip("/") for c in caches.values() if c.get("BACKEND") == HTTP_BACKEND]


def ban_site_pages() -> None:
    """One BAN per site to each HTTP proxy; nothing when none is configured.

    Called once per committed change of published content (home/content_version.py).
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
