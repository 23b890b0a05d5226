"""allauth glue: our wording for its errors, its emails sent in the background,
the page to return to after confirming an address, and two-factor
authentication that staff cannot turn off when it is required."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from . import return_after_confirming
from .tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "The email address or password is not correct.",
        "enter_current_password": "Your current password is not correct.",
        "too_many_login_attempts": (
            "Too many failed attempts to sign in. Wait 5 minutes and try again, "
            "or reset your password."
        ),
        "rate_limited": "You have tried too many times. Wait a few minutes and try again.",
        "email_taken": (
            "An account already uses this email address. Sign in, or reset your "
            "password if you have forgotten it."
        ),
        "duplicate_email": "This is already the email address of your account.",
        "account_inactive": "This account has been closed. Contact the awards team for help.",
    }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit)
        return_after_confirming.remember(request, user.email)
        return user

    def get_email_verification_redirect_url(self, email_address) -> str:
        """Back to the page the entrant registered from, when they confirm the
        address they registered with in the same browser session; else allauth's
        choice (the account page when signed in)."""
        kept = None
        if self.request.user.is_authenticated and self.request.user.pk == email_address.user_id:
            kept = return_after_confirming.take(self.request, email_address.email)
        return kept or super().get_email_verification_redirect_url(email_address)

    def get_client_ip(self, request) -> str:
        """The address rate limits count, as allauth finds it (settings.ALLAUTH_TRUSTED_*).

        allauth refuses a request whose X-Forwarded-For holds fewer addresses than
        the proxies it trusts, which would be a 500 on the sign-in page for anyone
        who reached the site without passing through them all. Such a request is
        counted by the address it came from, the way it is with no proxy trusted.
        """
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            try:
                return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
            except ValueError:
                raise PermissionDenied("Unable to determine client IP address") from None

    def send_account_already_exists_mail(self, email: str) -> None:
        """Someone signed up with an address that has an account: tell its owner how to
        sign in, or reset the password, with links to both (the page said only "Check
        your email", as it does for a new address)."""
        request = allauth_context.request
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "login_url": build_absolute_uri(request, reverse("account_login")),
                "password_reset_url": build_absolute_uri(
                    request, reverse("account_reset_password")
                ),
            },
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the email now, while the request is at hand, and send it as a
        background task so a slow mail server never holds up a page."""
        # The same context and rendering as DefaultAccountAdapter.send_mail;
        # only the sending changes.
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html_body = None
        if isinstance(message, EmailMultiAlternatives):
            html_body = next(
                (content for content, mimetype in message.alternatives if mimetype == "text/html"),
                None,
            )
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email,
            html_body=html_body,
            headers=dict(message.extra_headers) or None,
        )


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": (
            "Staff accounts must use two-factor authentication, so you cannot turn it off. "
            "To move to a new phone, ask an administrator."
        ),
        "incorrect_code": "The code is not correct. Enter the 6-digit code your app shows now.",
        "unverified_email": (
            "Confirm your email address before you set up two-factor authentication."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """With STAFF_REQUIRE_2FA, staff may not remove their authenticator app."""
        from .middleware import needs_two_factor

        if (
            settings.STAFF_REQUIRE_2FA
            and authenticator.type == Authenticator.Type.TOTP
            and needs_two_factor(authenticator.user)
        ):
            return False
        return super().can_delete_authenticator(authenticator)
