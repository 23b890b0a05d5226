"""What a page behind an emailed invitation link offers someone not yet signed in as the
invited account: sign up (the invited address filled in) or sign in, then come back."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse


def sign_in_links(next_url: str, email: str = "") -> dict[str, str]:
    """``signup_url``, ``login_url`` and ``next_url`` for the page's template."""
    return {
        "signup_url": reverse("account_signup")
        + "?"
        + urlencode({"next": next_url, "email": email}),
        "login_url": reverse("account_login") + "?" + urlencode({"next": next_url}),
        "next_url": next_url,
    }


def not_indexed(response):
    """The page's address holds the link's token: kept out of search engines (the site's
    Referrer-Policy keeps it out of other sites' logs)."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
