"""The site's own address, for links that leave the browser: emails sent by tasks.

A task has no request to ask which host it is served on, so links are built
from ``WAGTAILADMIN_BASE_URL`` (Wagtail builds its own notification emails'
links from it too). ``make run`` sets it to the port it serves; production
settings refuse to start without an https:// address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """``/entries/abc/`` as ``https://awards.example.org/entries/abc/``.

    A URL that already names its host (a page on another Wagtail site) is kept.
    """
    if urlsplit(path_or_url).netloc:
        return path_or_url
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{path_or_url.lstrip('/')}"
