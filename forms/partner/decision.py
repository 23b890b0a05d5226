"""The partner's decision, confirm or decline, taken through their link."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..models import Entry, EntryEvent, PartnerConfirmation
from .errors import PartnerEntryChanged, PartnerLinkClosed
from .link import open_link
from .state import Decision, entry_fingerprint


def decide(
    *,
    token: str,
    confirm: bool,
    name: str,
    comment: str = "",
    fingerprint_read: str,
    now: datetime | None = None,
) -> PartnerConfirmation:
    """Record the partner's decision on the entry as they read it (``fingerprint_read``).

    Refused if the link no longer works, or if the entry changed since the page was drawn.
    """
    from ..tasks import send_partner_decision

    now = now or timezone.now()
    with transaction.atomic():
        confirmation = open_link(token, now)
        entry = Entry.objects.select_for_update().get(pk=confirmation.entry_id)
        confirmation = PartnerConfirmation.objects.select_for_update().get(pk=confirmation.pk)
        confirmation.entry = entry
        if confirmation.decision != Decision.PENDING:
            raise PartnerLinkClosed("This link has already been used.")
        if entry_fingerprint(entry) != fingerprint_read:
            raise PartnerEntryChanged()
        confirmation.decision = Decision.CONFIRMED if confirm else Decision.DECLINED
        confirmation.decided_by_name = name.strip()
        confirmation.comment = "" if confirm else comment.strip()
        confirmation.decided_at = now
        confirmation.fingerprint = fingerprint_read
        confirmation.save(
            update_fields=["decision", "decided_by_name", "comment", "decided_at", "fingerprint"]
        )
        EntryEvent.objects.create(
            entry=entry,
            action=(
                EntryEvent.Action.PARTNER_CONFIRMED
                if confirm
                else EntryEvent.Action.PARTNER_DECLINED
            ),
            created_at=now,
            reason=confirmation.comment,
            details={
                "organisation": confirmation.organisation,
                "name": confirmation.decided_by_name,
            },
        )
        transaction.on_commit(lambda: send_partner_decision.enqueue(confirmation.pk))
    return confirmation
