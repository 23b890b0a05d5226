"""Finding the page for a URL with one query instead of one per level.

Wagtail's own routing asks the database for the site, then for each page on
the way down (and its specific type), six queries for a category page. Here:

- the site for a host name is kept in Django's cache with its root page;
- a URL's page, once found, is remembered as (content type, id), so the next
  request loads the page itself in one query (with what its template needs,
  named by the page class's ``serve_select_related``);
- when a route is not yet known, the home page finds the page by its
  ``url_path`` in two queries rather than walking the tree.

Everything is keyed by the content version (home/content_version.py), so a
publish, move or unpublish on any server forgets the old routes at once. A
remembered page that is no longer live falls back to Wagtail's routing.
"""

from __future__ import annotations

import copy

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .content_version import remembered, versioned


def site_for_request(request) -> Site | None:
    """Wagtail's Site.find_for_request, answered from the cache after the first time."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]

    def find():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 - kept with the site in the cache
        return site or False  # False: no site for this host (None is "not cached")

    site = versioned(f"site:{hostname}:{request.get_port()}", find) or None
    request._wagtail_site = site
    return site


def load_for_serving(model, pk: int):
    """The live page ``pk`` of ``model``, with the related rows its template shows.

    Kept per content version: a page's live fields change only when it is
    published or unpublished, which changes the version. Each caller gets its
    own copy, so nothing set on it during a request reaches the next one.
    """
    related = getattr(model, "serve_select_related", ())

    def load():
        queryset = model.objects.live()
        if related:
            queryset = queryset.select_related(*related)
        return queryset.filter(pk=pk).first() or False

    page = versioned(f"served-page:{model._meta.label_lower}:{pk}", load)
    return copy.copy(page) if page else None


def _live_page(content_type_id: int, pk: int):
    """The live page ``pk`` of the class this content type names, or None."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return load_for_serving(model, pk) if model else None


def page_by_id(page_id: int):
    """The specific page ``page_id``: from the cache of published content when it is
    live (its type is remembered per content version), else from the database."""
    key = f"page-type:{page_id}"
    content_type_id = remembered(key)
    if content_type_id is not None:
        page = _live_page(content_type_id, page_id)
        if page is not None:
            return page
    page = Page.objects.get(pk=page_id)
    versioned(key, lambda: page.content_type_id)
    return specific_page(page)


def specific_page(page: Page):
    """``page.specific``: from the same cache when the page is live (the base row tells
    its class), else from the database."""
    return load_for_serving(page.specific_class or Page, page.pk) or page.specific


def route(request, site: Site, path: str) -> RouteResult | None:
    key = f"route:{site.pk}:{path}"
    known = remembered(key)
    if known is not None:
        page = _live_page(*known)
        if page is not None:
            return RouteResult(page)
    components = [component for component in path.split("/") if component]
    try:
        result = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    page, args, kwargs = result
    if not args and not kwargs:
        versioned(key, lambda: (page.content_type_id, page.pk))
    return result


def route_by_url_path(root: Page, request, path_components: list[str]):
    """The page under ``root`` at this path, found by its url_path: two queries.

    Returns None when no page has that url_path (the caller then walks the tree
    as Wagtail does, which also serves pages that route their own sub-paths).
    """
    url_path = root.url_path + "/".join(path_components) + "/"
    found = Page.objects.filter(url_path=url_path).only("id", "content_type_id").first()
    if found is None:
        return None
    page = load_for_serving(found.specific_class or Page, found.pk)
    if page is None:  # not live
        raise Http404
    return page.route(request, [])


def serve(request, path):
    """Wagtail's serve view, with the site and route found as above."""
    from wagtail import views as wagtail_views

    site = site_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, site, path)
    return wagtail_views.serve(request, path)
