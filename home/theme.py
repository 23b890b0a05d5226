"""The accent colour editors choose, as a stylesheet.

A stylesheet rather than an inline ``<style>``: the Content-Security-Policy
allows no inline styles without a per-response nonce, and a nonce would make
every page unique, so no page could be cached. The colour is in the address,
so the file never changes and browsers and proxies may keep it for a year.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(public=True, max_age=60 * 60 * 24 * 365, immutable=True)
def theme_css(request, colour: str):
    return HttpResponse(f":root{{--accent:#{colour.lower()}}}\n", content_type="text/css")
