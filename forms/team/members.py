"""The team itself: the owner changes roles, removes people and hands the entry over; a
collaborator leaves; an owner's account deletion passes the entry on."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..access import role_of
from ..exceptions import NotOwner
from ..hosting import as_host
from ..models import OWNER, Collaborator, Entry, EntryEvent, EntryStatus, Role
from .common import clean_role, locked, person_name, require_owner
from .errors import NotOnTeam, NotTheOwner, TeamError


def member_of(entry: Entry, collaborator_id: int) -> Collaborator:
    member = (
        Collaborator.objects.select_related("user")
        .filter(entry_id=entry.pk, pk=collaborator_id)
        .first()
    )
    if member is None:
        raise NotOnTeam()
    return member


def change_role(
    *, entry: Entry, by, collaborator_id: int, role: str, now: datetime | None = None
) -> Collaborator:
    now = now or timezone.now()
    require_owner(entry, by, "change what people on the team may do")
    role = clean_role(role)
    with transaction.atomic():
        locked(entry)
        member = member_of(entry, collaborator_id)
        if member.role != role:
            before = member.role
            member.role = role
            member.save(update_fields=["role"])
            EntryEvent.objects.create(
                entry=entry,
                action=EntryEvent.Action.ROLE_CHANGED,
                actor=by,
                created_at=now,
                details={"user_id": member.user_id, "from": before, "to": role.value},
            )
    return member


def remove(*, entry: Entry, by, collaborator_id: int, now: datetime | None = None) -> Collaborator:
    """The owner takes someone off the team; anyone on the team may take themselves off."""
    now = now or timezone.now()
    role = role_of(entry, by)
    if role is None:
        raise NotOwner()
    with transaction.atomic():
        locked(entry)
        member = member_of(entry, collaborator_id)
        leaving = member.user_id == by.pk
        if not leaving and role != OWNER:
            raise NotTheOwner("Only the entry's owner can remove people from the team.")
        member.delete()
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.LEFT if leaving else EntryEvent.Action.REMOVED,
            actor=by,
            created_at=now,
            details={"user_id": member.user_id},
        )
    return member


def leave(*, entry: Entry, user, now: datetime | None = None) -> None:
    if role_of(entry, user) == OWNER:
        raise TeamError(
            "You own this entry, so you cannot leave it. Hand it over to someone on the team first."
        )
    member = Collaborator.objects.filter(entry_id=entry.pk, user_id=user.pk).first()
    if member is None:
        raise NotOwner()
    remove(entry=entry, by=user, collaborator_id=member.pk, now=now)


def _hand_over(
    entry: Entry, member: Collaborator, actor, now: datetime, *, keep_old: bool, reason: str = ""
) -> None:
    """Make ``member`` the owner; the old owner stays on as an edit-and-submit collaborator."""
    old_owner_id = entry.entrant_id
    member.delete()
    Entry.objects.filter(pk=entry.pk).update(entrant_id=member.user_id)
    if keep_old and old_owner_id is not None:
        Collaborator.objects.create(
            entry_id=entry.pk, user_id=old_owner_id, role=Role.SUBMIT, added_at=now
        )
    EntryEvent.objects.create(
        entry_id=entry.pk,
        action=EntryEvent.Action.OWNER_CHANGED,
        actor=actor,
        reason=reason,
        created_at=now,
        details={"from_user_id": old_owner_id, "to_user_id": member.user_id},
    )


def hand_over(*, entry: Entry, by, collaborator_id: int, now: datetime | None = None) -> Entry:
    """Hand the entry to a collaborator, who becomes its owner; the old owner stays on the
    team and may still edit and submit."""
    now = now or timezone.now()
    require_owner(entry, by, "hand the entry over")
    with transaction.atomic():
        entry = locked(entry)
        member = member_of(entry, collaborator_id)
        host = as_host(entry.page)
        limit = max(getattr(host, "entries_per_account", 1) or 1, 1)
        theirs = (
            Entry.objects.filter(entrant_id=member.user_id, page_id=entry.page_id)
            .exclude(status=EntryStatus.WITHDRAWN)
            .count()
        )
        if theirs >= limit:
            raise TeamError(
                f"{person_name(member.user)} already has as many entries to this category as "
                "it allows, so they cannot take this one over."
            )
        _hand_over(entry, member, by, now, keep_old=True)
    entry.refresh_from_db()
    return entry


def successor(entry: Entry) -> Collaborator | None:
    """Who takes over when the owner deletes their account: the earliest to join who may
    edit and submit."""
    return (
        Collaborator.objects.filter(entry_id=entry.pk, role=Role.SUBMIT)
        .order_by("added_at", "pk")
        .first()
    )


def pass_on_before_deletion(*, user, now: datetime | None = None) -> int:
    """Hand each of ``user``'s entries with an edit-and-submit collaborator to the earliest
    of them, before the account goes. Returns how many were handed over. Called inside the
    account deletion's transaction."""
    now = now or timezone.now()
    passed = 0
    for entry in Entry.objects.select_for_update().filter(entrant=user):
        member = successor(entry)
        if member is not None:
            _hand_over(
                entry, member, None, now, keep_old=False, reason="The owner deleted their account."
            )
            passed += 1
    return passed
