"""Pages shown to a signed-in person are theirs alone: never stored by a browser or proxy.

A category page embeds the entrant's draft, the header names the account, and
any page may carry a flash message: a shared cache must not keep them, and
the browser must not keep them on disk for the next person at a shared
computer. Views that decide their own caching (``never_cache`` on the entry
views, the exports' ``no-store``) keep their header.
"""

from __future__ import annotations

from django.utils.cache import patch_cache_control


class PrivateWhenSignedInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
