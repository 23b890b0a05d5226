"""The partner's link: its token made when the email goes, and opened when they follow it.

Only the token's digest is stored. A link opens only the entry's latest request, while
it waits for an answer, the entry is a draft and the link is in date.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..models import EntryStatus, PartnerConfirmation
from ..models.team import new_token, token_digest
from .errors import PartnerLinkClosed
from .state import Decision, expires_at, latest_confirmation

MAX_TOKEN_LENGTH = 100


def issue_link(confirmation_id: int) -> tuple[PartnerConfirmation, str] | None:
    """Make the token for a request still waiting and the latest; None if it is neither."""
    token = new_token()
    with transaction.atomic():
        confirmation = (
            PartnerConfirmation.objects.select_for_update()
            .select_related("entry")
            .filter(pk=confirmation_id, decision=Decision.PENDING)
            .first()
        )
        if confirmation is None or latest_confirmation(confirmation.entry) != confirmation:
            return None
        confirmation.token_digest = token_digest(token)
        confirmation.save(update_fields=["token_digest"])
    return confirmation, token


def open_link(token: str, now: datetime | None = None) -> PartnerConfirmation:
    """The request this token opens, if it is the entry's latest, still waiting and in date."""
    now = now or timezone.now()
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        raise PartnerLinkClosed("This link is not one we sent. Check it was copied in full.")
    confirmation = (
        PartnerConfirmation.objects.select_related(
            "entry", "entry__entrant", "entry__form", "entry__page"
        )
        .filter(token_digest=token_digest(token))
        .first()
    )
    if confirmation is None:
        raise PartnerLinkClosed("This link is not one we sent. Check it was copied in full.")
    entry = confirmation.entry
    if latest_confirmation(entry) != confirmation:
        raise PartnerLinkClosed(
            "The entrant has sent a newer link for this entry, so this one no longer works. "
            "Use the link in the most recent email we sent you."
        )
    if confirmation.decision == Decision.CONFIRMED:
        raise PartnerLinkClosed(
            f"You have already confirmed this entry, as {confirmation.decided_by_name}. "
            "If the entrant changes it, we will send you a new link."
        )
    if confirmation.decision == Decision.DECLINED:
        raise PartnerLinkClosed(
            "You have already declined this entry. If the entrant changes it and asks again, "
            "we will send you a new link."
        )
    if entry.status != EntryStatus.DRAFT:
        raise PartnerLinkClosed(
            "This entry is no longer waiting for your confirmation: it has been submitted "
            "or withdrawn."
        )
    if now >= expires_at(confirmation):
        raise PartnerLinkClosed("This link has expired. Ask the entrant to send you a new one.")
    return confirmation
