"""What the partner read (the entry's fingerprint) and where an entry stands with its partner.

Shown to the entrant, staff and exports; ``check_confirmed`` is submit_entry's gate.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from ..hosting import EntryHost, as_host, needs_partner_confirmation
from ..models import Entry, PartnerConfirmation
from .errors import PartnerNotConfirmed

LINK_LIFETIME = timedelta(days=30)
Decision = PartnerConfirmation.Decision


# --- what the partner read ------------------------------------------------------------------


def fingerprint(answers: dict, file_ids) -> str:
    """SHA-256 of the answers (JSON, sorted keys) and the ids of the entry's files."""
    text = json.dumps(answers or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    files = ",".join(sorted(file_ids))
    return hashlib.sha256(f"{text}\n{files}".encode()).hexdigest()


def entry_fingerprint(entry: Entry) -> str:
    return fingerprint(entry.answers, entry.files.values_list("public_id", flat=True))


def latest_confirmation(entry: Entry) -> PartnerConfirmation | None:
    return (
        PartnerConfirmation.objects.filter(entry_id=entry.pk)
        .order_by("-requested_at", "-pk")
        .first()
    )


def expires_at(confirmation: PartnerConfirmation) -> datetime:
    return confirmation.requested_at + LINK_LIFETIME


# --- the state shown to the entrant, staff and exports ---------------------------------------


@dataclass
class PartnerState:
    """Where an entry stands with its partner, in words each page shows."""

    confirmation: PartnerConfirmation | None
    current_fingerprint: str
    now: datetime

    @property
    def state(self) -> str:
        """none, pending, expired, confirmed, changed or declined."""
        c = self.confirmation
        if c is None:
            return "none"
        if c.decision == Decision.CONFIRMED:
            return "confirmed" if c.fingerprint == self.current_fingerprint else "changed"
        if c.decision == Decision.DECLINED:
            return "declined"
        return "pending" if self.now < expires_at(c) else "expired"

    @property
    def is_confirmed(self) -> bool:
        return self.state == "confirmed"

    @property
    def notice(self) -> str:
        """How the state is shown: the site's notice modifier (success, warning, or plain)."""
        if self.state == "confirmed":
            return "success"
        return "warning" if self.state in ("changed", "declined", "expired") else ""

    @property
    def label(self) -> str:
        return {
            "none": "Not asked yet",
            "pending": "Waiting for the partner",
            "expired": "Link expired",
            "confirmed": "Confirmed",
            "changed": "Changed since confirmed",
            "declined": "Declined",
        }[self.state]


def partner_state(entry: Entry, host: EntryHost | None = None) -> PartnerState | None:
    """The entry's partner state, or None when its category asks for no partner and none was asked."""
    confirmation = latest_confirmation(entry)
    if host is None:
        host = as_host(entry.page) if entry.page_id else None
    if confirmation is None and not needs_partner_confirmation(host):
        return None
    return PartnerState(
        confirmation=confirmation,
        current_fingerprint=entry_fingerprint(entry),
        now=timezone.now(),
    )


def check_confirmed(entry: Entry, host: EntryHost) -> None:
    """For submit_entry: refuse unless the partner confirmed the entry exactly as it is now."""
    if not needs_partner_confirmation(host):
        return
    state = partner_state(entry, host)
    c = state.confirmation
    if state.state == "none":
        raise PartnerNotConfirmed(
            "Ask your partner organisation to confirm this entry before you submit it."
        )
    if state.state == "changed":
        raise PartnerNotConfirmed(
            f"You changed the entry after {c.decided_by_name} at {c.organisation} confirmed it: "
            "ask them again."
        )
    if state.state == "declined":
        raise PartnerNotConfirmed(
            f"{c.decided_by_name or c.contact_name} at {c.organisation} declined to confirm "
            "this entry. Change it and ask them again."
        )
    if state.state == "expired":
        raise PartnerNotConfirmed(
            f"The link we sent {c.contact_name} at {c.organisation} has expired: ask them again."
        )
    if state.state == "pending":
        raise PartnerNotConfirmed(
            f"{c.contact_name} at {c.organisation} has not confirmed this entry yet."
        )
