"""The Permissions-Policy header: browser features the site never uses are turned off.

No page of ours, nor the Wagtail admin, uses the camera, microphone, location,
payments or USB devices, so no script that slipped in, nor any frame, may ask for
them. Set on every response (pages served from the cache, static files, refusals
included), unless a view set its own. Only features Chromium knows are named: an
unknown one is a console error on every page.
"""

from __future__ import annotations

from django.conf import settings


def header_value(features: dict[str, list[str]]) -> str:
    return ", ".join(f"{name}=({' '.join(origins)})" for name, origins in features.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = header_value(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
