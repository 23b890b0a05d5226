"""An account holder's personal data: the download, and deleting the account.

Accounts builds the account's part and asks other apps for theirs through the
signals in accounts/signals.py; the rules for their data are theirs (for
entries: forms/privacy.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString

from .models import User
from .signals import account_deleting, collect_personal_data, describe_account_deletion


def _time(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def export_user_data(*, user) -> dict[str, Any]:
    """Everything held about ``user``, as JSON-ready data: when it was exported,
    the account's details and email addresses, then the sections other apps add
    (``collect_personal_data``), e.g. ``"entries"``."""
    data: dict[str, Any] = {
        "exported_at": _time(timezone.now()),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation": user.organisation,
            "job_title": user.job_title,
            "joined_at": _time(user.date_joined),
            "last_signed_in_at": _time(user.last_login),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        },
    }
    for receiver, sections in collect_personal_data.send(sender=User, user=user):
        taken = sorted(data.keys() & sections.keys())
        if taken:
            raise ValueError(f"{receiver!r} returned sections already in the download: {taken}")
        data.update(sections)
    return data


@transaction.atomic
def delete_account(*, user) -> None:
    """Delete ``user``'s account, with its email addresses and authenticators,
    after every app has dealt with its own data (``account_deleting``, in the
    same transaction: if a receiver fails, nothing is deleted)."""
    account_deleting.send(sender=User, user=user)
    user.delete()


def deletion_notes(*, user) -> list[SafeString]:
    """HTML list items from other apps saying what deleting ``user``'s account
    does to their data (``describe_account_deletion``)."""
    return [notes for _, notes in describe_account_deletion.send(sender=User, user=user) if notes]
