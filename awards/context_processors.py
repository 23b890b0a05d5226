from django.utils.functional import SimpleLazyObject

from .chrome import chrome_for_request


def chrome(request):
    """``chrome``: the site's name, logo, accent colour, footer links and default contacts."""
    return {"chrome": SimpleLazyObject(lambda: chrome_for_request(request))}
