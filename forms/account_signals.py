"""The forms app's answers to accounts' signals (accounts/signals.py): an
entrant's entries in their data download, what deleting their account does to
their entries, and what the delete-account page says about it. The rules are
forms/privacy.py's. Connected once, in FormsConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from accounts import signals

from . import privacy


def entries_in_personal_data(sender, *, user, **kwargs) -> dict[str, Any]:
    return {"entries": privacy.export_entries(user=user)}


def entries_on_account_deletion(sender, *, user, **kwargs) -> None:
    privacy.delete_or_anonymise_entries(user=user)


def entries_on_delete_account_page(sender, *, user, **kwargs) -> SafeString:
    return render_to_string("forms/account_deletion.html", privacy.deletion_summary(user=user))


def connect() -> None:
    """Connect the receivers; the dispatch_uids make calling it again harmless."""
    signals.collect_personal_data.connect(
        entries_in_personal_data, dispatch_uid="forms.entries_in_personal_data"
    )
    signals.account_deleting.connect(
        entries_on_account_deletion, dispatch_uid="forms.entries_on_account_deletion"
    )
    signals.describe_account_deletion.connect(
        entries_on_delete_account_page, dispatch_uid="forms.entries_on_delete_account_page"
    )
