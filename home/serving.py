"""How the site's pages are served: view restrictions from the cache, and cacheable
responses for anonymous visitors.

Every page class of the site mixes this in (home, programme, category,
guidance). A page shown to an anonymous visitor, outside any restricted part
of the site and not as a preview, is marked cacheable for the page cache
(home/page_cache.py) and for a proxy or CDN in front (``s-maxage``; purged on
publish by wagtail.contrib.frontend_cache when configured), never beyond the
next moment an entry window opens or closes anywhere on the site.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from .page_cache import mark_cacheable
from .restrictions import is_restricted


class ServedPage:
    # Related rows the page's template shows, loaded with the page in one query.
    serve_select_related: tuple[str, ...] = ()

    def get_view_restrictions(self):
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def cache_seconds(self) -> int:
        from awards.window_changes import next_window_change

        seconds = settings.PAGE_CACHE_SECONDS
        now = timezone.now()
        change = next_window_change(now)
        if change is not None:
            seconds = min(seconds, math.floor((change - now).total_seconds()))
        return max(seconds, 0)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not getattr(request, "is_preview", False)
            and response.status_code == 200
            and not is_restricted(self)
        ):
            mark_cacheable(response, self.cache_seconds())
        return response
