"""The page-serving view: Wagtail's, with the route remembered per content version.

``wagtail.views.serve`` finds the route (the site, the root page, then the page)
and serves it through Wagtail's hooks. When publishing/routing.py already knows
the route for this host and path, this view loads only the page and serves it
through the same hooks, in the same order (``before_serve_page``, then the
``on_serve_page`` chain around ``Page.serve``); otherwise it hands the request
to Wagtail's own view and remembers the route Wagtail found.
"""

from __future__ import annotations

from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views

from .routing import remember_route, remembered_route


def serve(request, path: str) -> HttpResponse:
    route = remembered_route(request, path)
    if route is None:
        response = wagtail_views.serve(request, path)
        remember_route(request, path)
        return response
    page, args, kwargs = route
    chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)
