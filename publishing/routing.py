"""Finding a page for a URL, through Wagtail's public routing, in fewer queries.

Wagtail's serve view finds the site (``Site.find_for_request``) and asks the
site's root page to ``route()`` the path, one query per level. The root page
(home/models.py) hands the path to ``route_below``:

- a URL's page, once found, is remembered per content version as plain values
  (its content type and id), so the next request loads that page alone, in
  one query, with the related rows its template shows (``serve_select_related``);
- a route not yet known is found by the page's ``url_path`` in two queries.

Every request loads its own page object from the database: no model instance
is ever shared between requests. The content version (publishing/content_version.py)
changes on any publish, move or unpublish, so an old route is never followed;
a remembered page that is no longer live falls back to Wagtail's own routing.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .content_version import remembered, versioned


def load_live(content_type_id: int, pk: int) -> Page | None:
    """The live page ``pk`` of the class this content type names, or None (one query)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    queryset = model.objects.live()
    related = getattr(model, "serve_select_related", ())
    if related:
        queryset = queryset.select_related(*related)
    return queryset.filter(pk=pk).first()


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
