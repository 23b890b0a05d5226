"""Whole anonymous pages from the cache: no routing, no queries, no templates.

A page marks its response cacheable (publishing/serving.py: anonymous visitor, no
view restriction, not a preview). This middleware stores such a response's
bytes and headers, keyed by the content version taken *before* the page is
rendered (so a page rendered from rows an editor has just replaced is stored
under a version that is already dead), the host and the path.

Only requests that cannot be personal are answered from the cache: GET, no
query string, and no session or messages cookie. A response that sets a
cookie is never stored. Headers added by the middleware outside this one
(security headers, the Content-Security-Policy) are added again on each hit.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .content_version import content_version, request_version

# Headers added again on the way out by middleware outside this one.
NOT_STORED = {"content-security-policy", "content-security-policy-report-only", "set-cookie"}


# The last pages served by this process: a hit then needs no round trip to Redis.
# Each entry carries its own expiry; a new content version changes every key.
_here: OrderedDict[str, tuple] = OrderedDict()
KEPT_HERE = 200


def held_here(key: str):
    return _here.get(key)


def keep_here(key: str, stored: tuple) -> None:
    _here[key] = stored
    _here.move_to_end(key)
    while len(_here) > KEPT_HERE:
        _here.popitem(last=False)


def mark_cacheable(response, seconds: int) -> None:
    """Let the page cache, a proxy (s-maxage) and the browser keep this response."""
    if seconds <= 0:
        return
    response.page_cache_seconds = seconds
    patch_cache_control(
        response,
        public=True,
        max_age=min(seconds, settings.BROWSER_CACHE_SECONDS),
        s_maxage=min(seconds, settings.PROXY_CACHE_SECONDS),
    )
    patch_vary_headers(response, ["Cookie"])


def may_be_personal(request) -> bool:
    return (
        # An editor's preview: Wagtail runs it through the middleware as a "dummy" request
        # for the page's own URL, which must never be answered from (or fill) the cache.
        getattr(request, "is_dummy", False)
        or request.method != "GET"
        or bool(request.META.get("QUERY_STRING"))
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_version():
            if not settings.PAGE_CACHE_SECONDS or may_be_personal(request):
                return self.get_response(request)
            return self.cached_response(request)

    def cached_response(self, request):
        key = f"page:{content_version()}:{request.scheme}:{request.get_host()}:{request.path}"
        stored = held_here(key) or cache.get(key)
        if stored is not None and stored[0] > time.time():
            keep_here(key, stored)
            _expires, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        seconds = getattr(response, "page_cache_seconds", 0)
        if (
            seconds
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            headers = [
                (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
            ]
            stored = (time.time() + seconds, response.status_code, headers, response.content)
            cache.set(key, stored, seconds)
            keep_here(key, stored)
            response["X-Page-Cache"] = "miss"
        return response
