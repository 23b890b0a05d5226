"""Finding a page for a URL, through Wagtail's public routing, in fewer queries.

Wagtail's serve view finds the site (``Site.find_for_request``, one query) and
asks the site's root page (another) to ``route()`` the path, one query per
level. Here:

- a URL's page, once found, is remembered per content version as plain values
  (its content type and id, under the request's host and path), so the next
  request loads that page (read once per content version, with the related rows
  its template shows, ``serve_select_related``, and kept as pickled bytes that
  each request unpickles into its own object): publishing/views.py serves it;
- a route not yet known is found by Wagtail, where the root page (home/models.py)
  hands the path to ``route_below``: the page found by its ``url_path`` in two
  queries.

Every request gets its own page object: no model instance is ever shared
between requests, only plain values (ids, and a live page's pickled bytes).
The content version (publishing/content_version.py) changes on any publish,
move or unpublish, so an old route is never followed; a remembered page that
is no longer live falls back to Wagtail's own routing.
"""

from __future__ import annotations

import pickle

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .content_version import remembered, versioned


def load_live(content_type_id: int, pk: int) -> Page | None:
    """The live page ``pk`` of the class this content type names, or None.

    Read once per content version (one query, with ``serve_select_related``) and
    kept as its pickled bytes: each call unpickles a page object of its own
    (0.06 ms against 1.9 ms for the query), so no request ever sees another's
    object, and a publish, unpublish or move anywhere retires the bytes.
    """

    def read() -> bytes | bool:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return False
        queryset = model.objects.live()
        related = getattr(model, "serve_select_related", ())
        if related:
            queryset = queryset.select_related(*related)
        page = queryset.filter(pk=pk).first()
        return pickle.dumps(page) if page is not None else False

    stored = versioned(f"live-page:{content_type_id}:{pk}", read)
    # Bytes this process or another app server wrote from our own database rows.
    return pickle.loads(stored) if stored else None  # noqa: S301


def live_page(page_id: int) -> Page | None:
    """The specific live page ``page_id``, or None; its class remembered per content version."""
    content_type_id = versioned(
        f"page-type:{page_id}",
        lambda: (
            Page.objects.filter(pk=page_id).values_list("content_type_id", flat=True).first()
            or False
        ),
    )
    return load_live(content_type_id, page_id) if content_type_id else None


def page_by_id(page_id: int) -> Page:
    """The specific page ``page_id``, live or not (DoesNotExist when there is none)."""
    return live_page(page_id) or Page.objects.get(pk=page_id).specific


def route_below(root: Page, request, path_components: list[str]) -> RouteResult | None:
    """The route to the page under ``root`` at this path, or None when no page has that
    URL path (the caller then walks the tree as Wagtail does, for pages that route
    their own sub-paths)."""
    key = f"route:{root.pk}:{'/'.join(path_components)}"
    known = remembered(key)
    if known:
        page = load_live(*known)
        if page is not None:
            return page.route(request, [])
    url_path = root.url_path + "/".join(path_components) + "/"
    found = Page.objects.filter(url_path=url_path).values_list("content_type_id", "pk").first()
    if found is None:
        return None
    page = load_live(*found)
    if page is None:  # not live
        raise Http404
    result = page.route(request, [])
    versioned(key, lambda: tuple(found))
    return result


def route_key(request, path: str) -> str:
    """A URL's route key: the validated host (with its port) and the path."""
    return f"route:{request.get_host()}:{path}"


def remembered_route(request, path: str) -> RouteResult | None:
    """The route found for this host and path earlier in this content version, as Wagtail
    would find it again, or None (not yet known, or no longer live)."""
    known = remembered(route_key(request, path))
    page = load_live(*known) if known else None
    return page.route(request, []) if page is not None else None


def remember_route(request, path: str) -> None:
    """Keep the route Wagtail found for this request (``Page.route_for_request`` answers
    from the request, without routing again) as its page's content type and id. Routes
    with sub-path arguments (routable pages) are left to Wagtail each time."""
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        page = result.page
        versioned(route_key(request, path), lambda: (page.content_type_id, page.pk))


def site_id_for_request(request) -> int | None:
    """The id of the site this request's host belongs to (``Site.find_for_request``),
    kept per content version as a plain value. A host the site does not serve gets
    Django's 400 page, drawn with the default site's header and footer."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return versioned("site-id:default", _default_site_id) or None
    return (
        versioned(
            f"site-id:{host}",
            lambda: getattr(Site.find_for_request(request), "pk", None) or False,
        )
        or None
    )


def _default_site_id() -> int | bool:
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first() or False
