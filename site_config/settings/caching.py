"""Caches: the shared cache, how long published content is kept in it, in browsers
and in proxies, and which proxies a publish purges."""

import os

from django.core.exceptions import ImproperlyConfigured

from .environment import env_list

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Published content kept in the cache (home/content_version.py): whole anonymous
# pages, routes, the header and footer. A publish anywhere clears it at once on
# every server that shares the cache; local memory is not shared between
# processes, so without Redis nothing is kept longer than a few seconds.
_shared_cache = bool(REDIS_URL)
PAGE_CACHE_SECONDS = int(
    os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600" if _shared_cache else "5")
)
CONTENT_CACHE_SECONDS = int(
    os.environ.get("DJANGO_CONTENT_CACHE_SECONDS", "3600" if _shared_cache else "5")
)
# How long a browser may keep an anonymous page without asking again, and a
# proxy or CDN (s-maxage). A publish purges the page's own URL from the proxy
# (DJANGO_FRONTEND_CACHE_URL), and any change to published content bans every
# page of the site from each Varnish (home/proxy_bans.py); a CDN without bans
# (Cloudflare) shows other pages with the change within this time.
BROWSER_CACHE_SECONDS = int(os.environ.get("DJANGO_BROWSER_CACHE_SECONDS", "60"))
PROXY_CACHE_SECONDS = int(os.environ.get("DJANGO_PROXY_CACHE_SECONDS", "120"))

# Frontend cache (wagtail.contrib.frontend_cache): a publish or unpublish purges the
# page's URL from the caching proxy or CDN in front of the site. DJANGO_FRONTEND_CACHE_URL
# is a Varnish (or any HTTP PURGE) endpoint, comma-separated for several proxies, e.g.
# http://varnish1:6081,http://varnish2:6081 (deploy/varnish/default.vcl); Cloudflare
# with DJANGO_CLOUDFLARE_ZONE_ID and DJANGO_CLOUDFLARE_API_TOKEN. Neither: nothing purged.
WAGTAILFRONTENDCACHE = {
    f"proxy{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env_list("DJANGO_FRONTEND_CACHE_URL"), start=1)
}
if os.environ.get("DJANGO_CLOUDFLARE_ZONE_ID"):
    if not os.environ.get("DJANGO_CLOUDFLARE_API_TOKEN"):
        raise ImproperlyConfigured("DJANGO_CLOUDFLARE_ZONE_ID needs DJANGO_CLOUDFLARE_API_TOKEN")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["DJANGO_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ["DJANGO_CLOUDFLARE_API_TOKEN"],
    }
