"""Asking the partner: someone with edit rights names them, and a task emails their link."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..access import EDIT, require
from ..exceptions import EntriesClosed, EntryNotEditable
from ..hosting import as_host, needs_partner_confirmation
from ..models import Collaborator, Entry, EntryEvent, EntryStatus, PartnerConfirmation
from ..models.team import unopenable_digest
from .errors import PartnerNotNeeded


def ask_partner(
    *,
    entry: Entry,
    user,
    organisation: str,
    contact_name: str,
    email: str,
    now: datetime | None = None,
) -> PartnerConfirmation:
    """Ask the partner to confirm; a new request replaces any earlier one (its link stops working).

    The email goes after commit, from a task that makes the link's token.
    """
    from .. import services
    from ..tasks import send_partner_request

    now = now or timezone.now()
    require(entry, user, EDIT)
    host = as_host(entry.page)
    if host is None or not needs_partner_confirmation(host):
        raise PartnerNotNeeded()
    with transaction.atomic():
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        if current.status != EntryStatus.DRAFT:
            raise EntryNotEditable()
        if not services.accepts_changes(current, host, now):
            raise EntriesClosed()
        confirmation = PartnerConfirmation.objects.create(
            entry=current,
            organisation=organisation.strip(),
            contact_name=contact_name.strip(),
            email=email.strip(),
            token_digest=unopenable_digest(),
            requested_by=user,
            requested_at=now,
        )
        EntryEvent.objects.create(
            entry=current,
            action=EntryEvent.Action.PARTNER_ASKED,
            actor=user,
            created_at=now,
            details={"organisation": confirmation.organisation, "email": confirmation.email},
        )
        transaction.on_commit(lambda: send_partner_request.enqueue(confirmation.pk))
    return confirmation


def team_emails(entry: Entry) -> set[str]:
    """The owner's and collaborators' addresses, lower case: none of them is the partner."""
    emails = {
        u.lower()
        for u in Collaborator.objects.filter(entry=entry).values_list("user__email", flat=True)
    }
    if entry.entrant is not None:
        emails.add(entry.entrant.email.lower())
    return emails
