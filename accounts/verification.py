"""Whether an account's email address has been verified.

A new entrant signs in by the link that confirms their address, but an account
made before that was so, or one whose new address is waiting for its link, may
be signed in unconfirmed: submitting an entry needs a verified address, so the
entry engine asks here.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser


def has_verified_email(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True when the address the account signs in with has been verified.

    Only the current address counts: an address still waiting to replace it
    (an email change in progress) does not.
    """
    if not user.is_authenticated or not user.email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
