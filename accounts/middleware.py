"""Two-factor authentication for staff (STAFF_REQUIRE_2FA).

With the setting on:

- Wagtail's own sign-in form (/admin/login/) is not used: it checks only the
  password. Its address sends people to allauth's sign-in, which asks for
  the authenticator code of anyone who has set one up.
- Anyone who may use the Wagtail admin, and has no authenticator app set up,
  is sent from any admin page to allauth's setup page, with a message saying why.
"""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

SETUP_MESSAGE = (
    "Set up two-factor authentication to use the admin: scan the QR code with an "
    "authenticator app, then enter the code it shows."
)


def needs_two_factor(user) -> bool:
    """Whether this account must use two-factor authentication when the setting is on:
    staff, superusers and anyone else with access to the Wagtail admin."""
    return bool(
        user.is_authenticated
        and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def has_authenticator_app(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.STAFF_REQUIRE_2FA:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        admin_home = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_home):
            return None
        if request.path == reverse("wagtailadmin_login"):
            query = urlencode({"next": request.GET.get("next") or admin_home})
            return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
        if request.path == reverse("wagtailadmin_logout") or request.path.startswith(
            reverse("wagtailadmin_password_reset")
        ):
            return None
        user = request.user
        if needs_two_factor(user) and not has_authenticator_app(user):
            messages.warning(request, SETUP_MESSAGE)
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return None
