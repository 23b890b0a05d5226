"""Refuse an address holding control characters before any view reads it.

PostgreSQL refuses a NUL in any string, and SQLite's full-text search fails on
one: either way a query parameter that reaches the database (the site search,
the admin's searches and filters, Wagtail's own listings) became a 500, or a
503 with Retry-After from ``site_config.errors`` (an OperationalError looks like
a database outage). No link this site makes holds a control character, so such
a request is answered 400 here, for every view at once. Tab, line feed and
carriage return pass: they are harmless to the database, and the views that use
a parameter check its value themselves.
"""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MESSAGE = "The address has characters that cannot be used. Check the link, or search again."


def has_control_characters(request: HttpRequest) -> bool:
    """In a query parameter's name or value, or in the path (which becomes cache keys)."""
    return bool(CONTROL.search(request.path_info)) or any(
        CONTROL.search(key) or any(CONTROL.search(value) for value in values)
        for key, values in request.GET.lists()
    )


class ControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not has_control_characters(request):
            return self.get_response(request)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"ok": False, "message": MESSAGE}, status=400)
        response = TemplateResponse(request, "bad_query.html", {"message": MESSAGE}, status=400)
        return response.render()
