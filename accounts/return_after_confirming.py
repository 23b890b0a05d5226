"""The page to go back to once an entrant confirms their email address.

An entrant who registers from a category page (``/accounts/signup/?next=...``)
is signed in and sent back to it at once. The confirmation link in their email
carries no ``next``, so sign-up keeps the page in the session, beside the
address it was for, and confirming that address in the same browser session
goes back there once. Anywhere else (another browser, another address, a page
on another site) the confirmation goes where allauth's settings say.
"""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

SESSION_KEY = "return_after_confirming"


def is_safe(request: HttpRequest, url: str) -> bool:
    """A page of this site: a path, or a full URL on the host the request came to."""
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def remember(request: HttpRequest, email: str) -> None:
    """Keep the sign-up's ``next`` for when ``email`` is confirmed, if it is a page of ours."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and is_safe(request, url):
        request.session[SESSION_KEY] = {"email": email.lower(), "url": url}


def take(request: HttpRequest, email: str) -> str | None:
    """The page kept for ``email``, forgotten as it is read; None if there is none."""
    kept = request.session.pop(SESSION_KEY, None)
    if not isinstance(kept, dict) or kept.get("email") != email.lower():
        return None
    url = kept.get("url") or ""
    return url if is_safe(request, url) else None
