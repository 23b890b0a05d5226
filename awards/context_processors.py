from django.conf import settings
from django.utils.functional import SimpleLazyObject

from home.content_version import content_version

from .chrome import chrome_for_request


def chrome(request):
    """``chrome``: the site's name, logo, accent colour, footer links and default contacts;
    ``content_version`` and ``content_cache_seconds`` for {% cache %} fragments of
    published content."""
    return {
        "chrome": SimpleLazyObject(lambda: chrome_for_request(request)),
        "content_version": SimpleLazyObject(content_version),
        "content_cache_seconds": settings.CONTENT_CACHE_SECONDS,
    }
