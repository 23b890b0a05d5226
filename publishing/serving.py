"""How the site's pages are served: view restrictions from the cache, cacheable
responses for anonymous visitors, and previews kept apart from every cache.

Every page class of the site mixes this in (home, programme, category,
guidance). A page shown to an anonymous visitor, outside any restricted part
of the site and not as a preview, is marked cacheable for the page cache
(publishing/page_cache.py) and for a proxy or CDN in front (``s-maxage``),
never beyond the next moment at which a page changes by itself with time
(an entry window opening or closing: apps name those moments with
``register_time_horizon``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from .content_version import previewing
from .page_cache import mark_cacheable
from .restrictions import is_restricted

# Functions answering "the next moment after ``now`` at which some page changes
# by itself, or None": registered by the apps that own such pages.
_time_horizons: list[Callable[[datetime], datetime | None]] = []


def register_time_horizon(next_change: Callable[[datetime], datetime | None]) -> None:
    if next_change not in _time_horizons:
        _time_horizons.append(next_change)


def cache_seconds(now: datetime | None = None) -> int:
    """How long a page rendered now may be kept: PAGE_CACHE_SECONDS, or less."""
    now = now or timezone.now()
    seconds = settings.PAGE_CACHE_SECONDS
    for next_change in _time_horizons:
        change = next_change(now)
        if change is not None:
            seconds = min(seconds, math.floor((change - now).total_seconds()))
    return max(seconds, 0)


class ServedPage:
    # Related rows the page's template shows, loaded with the page in one query.
    serve_select_related: tuple[str, ...] = ()

    def get_view_restrictions(self):
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not getattr(request, "is_preview", False)
            and response.status_code == 200
            and not is_restricted(self)
        ):
            mark_cacheable(response, cache_seconds())
        return response

    def serve_preview(self, request, mode_name):
        # The editor's own form, rendered with no cache of published content at all.
        # A TemplateResponse renders after the view returns: render it here, inside.
        with previewing():
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response
