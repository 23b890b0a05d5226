"""Who works on an entry: invitations, roles, leaving, and handing the entry over.

The owner (``Entry.entrant``) invites people by email. An invitation stores
only its token's digest; the link carries the token. Only an account whose
verified email address is the invited one can accept it, before it expires
and unless the owner withdrew it. The owner changes roles, removes people and
hands ownership to a collaborator; a collaborator may leave. Each step is one
transaction, leaves a line in the entry's history (EntryEvent), and refuses
with a named EntryError whose message the person reads.

Removals and leavings carry ``details={"user_id": ...}``: forms/team_removal.py
reads it to show a removed person's unsaved text back to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from publishing.routing import page_by_id

from .access import role_of
from .exceptions import EntryError, NotAllowed, NotOwner
from .hosting import as_host, collaborator_limit
from .models import (
    OWNER,
    Collaborator,
    Entry,
    EntryEvent,
    EntryStatus,
    Invitation,
    Role,
)
from .models.team import INVITATION_LIFETIME, new_token, token_digest

# What each role lets a person do, in the words the Team page and the email use.
ROLE_DESCRIPTIONS = {
    Role.VIEW: "Can read the entry and its files, but cannot change anything.",
    Role.EDIT: "Can change the answers and upload files, but cannot submit the entry.",
    Role.SUBMIT: "Can change the answers and upload files, and submit the entry.",
}

# A resend within this time of the last email is refused: it would only fill an inbox.
RESEND_INTERVAL = timedelta(minutes=1)
# How many invitation emails (new or sent again) one entry may send in a day: enough for
# any real team, and a limit on what a withdraw-and-invite loop could send to strangers.
DAILY_INVITATIONS = 25


class TeamError(EntryError):
    status_code = 400
    message = "That change to the team could not be made."


class NotTheOwner(NotAllowed):
    message = "Only the entry's owner can change who works on it."


class InvitingYourself(TeamError):
    message = "You cannot invite yourself: you already own this entry."


class AlreadyOnTeam(TeamError):
    status_code = 409


class AlreadyInvited(TeamError):
    """An invitation for that address is waiting: the page offers to send it again."""

    status_code = 409

    def __init__(self, invitation: Invitation):
        super().__init__(
            f"{invitation.email} has already been invited and has not answered yet. "
            "You can send the invitation again instead."
        )
        self.invitation = invitation


class TeamFull(TeamError):
    status_code = 409


class TeamsNotAllowed(TeamError):
    status_code = 403
    message = "This category does not take team entries: only the owner can work on an entry."


class TooManyInvitations(TeamError):
    status_code = 429
    message = (
        "This entry has sent as many invitations as it may in one day. "
        "Try again tomorrow, or contact the awards team."
    )


def _check_daily_limit(entry: Entry, now: datetime) -> None:
    sent = EntryEvent.objects.filter(
        entry_id=entry.pk,
        action=EntryEvent.Action.INVITED,
        created_at__gt=now - timedelta(days=1),
    ).count()
    if sent >= DAILY_INVITATIONS:
        raise TooManyInvitations()


class NotOnTeam(TeamError):
    status_code = 404
    message = "That person is not on the team for this entry."


class InvitationNotFound(EntryError):
    status_code = 404
    message = (
        "This invitation link is not valid. Check that you copied the whole link from the "
        "email, or ask the person who invited you to send a new invitation."
    )


class InvitationUnusable(EntryError):
    """Expired, withdrawn, or already used by someone else."""

    status_code = 410


class InvitationForAnother(EntryError):
    """Opened by an account that is not the invited address's."""

    status_code = 403

    def __init__(self, invitation: Invitation, *, unverified: bool = False):
        if unverified:
            message = (
                f"This invitation is for {invitation.email}. Confirm that email address "
                "with the link we sent you, then open the invitation again."
            )
        else:
            message = (
                f"This invitation is for {invitation.email}, and you are signed in with "
                "another email address. Sign out, then sign in or create an account with "
                f"{invitation.email}."
            )
        super().__init__(message)
        self.invitation = invitation
        self.unverified = unverified


@dataclass
class Sent:
    """An invitation, and the token for its link (only ever held in memory and the email)."""

    invitation: Invitation
    token: str


def work_address(entry: Entry, anchor: str = "entry") -> str:
    """The category page with the entry's form. The page shows a person's own draft before
    one shared with them, so for someone not the owner (``entry.role``, set by
    forms.access) the address names the entry: ``?entry=<public id>``."""
    address = getattr(entry.page, "url", None) or ""
    if getattr(entry, "role", OWNER) not in (OWNER, None):
        address += f"?entry={entry.public_id}"
    return f"{address}#{anchor}"


def role_label(role: str | None) -> str:
    """A role as the entrant reads it: "Owner", "View", "Edit", "Edit and submit"."""
    if role == OWNER:
        return "Owner"
    return Role(role).label if role in Role.values else ""


def person_name(user) -> str:
    if user is None:
        return "Someone who has deleted their account"
    return user.get_full_name() or user.email


def _require_owner(entry: Entry, by, doing: str) -> None:
    role = role_of(entry, by)
    if role is None:
        raise NotOwner()
    if role != OWNER:
        raise NotTheOwner(f"Only the entry's owner can {doing}.")


def _locked(entry: Entry) -> Entry:
    fresh = Entry.objects.select_for_update().get(pk=entry.pk)
    fresh.page = getattr(entry, "page", None) or page_by_id(fresh.page_id)
    return fresh


def _clean_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise TeamError(
            "Enter an email address in the correct format, like name@example.com"
        ) from None
    return email


def _role(role: str) -> Role:
    if role not in Role.values:
        raise TeamError("Choose what they may do: view, edit, or edit and submit.")
    return Role(role)


def places_left(entry: Entry, now: datetime | None = None) -> int:
    """How many more people may be invited: the category's limit less the team and
    the invitations still waiting."""
    limit = collaborator_limit(as_host(entry.page))
    taken = entry.collaborators.count() + entry.invitations.pending(now).count()
    return max(limit - taken, 0)


def invite(*, entry: Entry, by, email: str, role: str, now: datetime | None = None) -> Sent:
    """Invite ``email`` to work on ``entry`` with ``role``; the email goes after commit."""
    from .tasks import send_invitation

    now = now or timezone.now()
    _require_owner(entry, by, "invite people to work on it")
    email = _clean_email(email)
    role = _role(role)
    with transaction.atomic():
        entry = _locked(entry)
        limit = collaborator_limit(as_host(entry.page))
        if limit == 0:
            raise TeamsNotAllowed()
        owner_email = entry.entrant.email if entry.entrant else ""
        if email.lower() in {by.email.lower(), owner_email.lower()}:
            raise InvitingYourself()
        member = (
            entry.collaborators.select_related("user").filter(user__email__iexact=email).first()
        )
        if member is not None:
            raise AlreadyOnTeam(
                f"{email} is already on the team ({member.get_role_display().lower()}). "
                "Change their role instead."
            )
        waiting = entry.invitations.pending(now).filter(email__iexact=email).first()
        if waiting is not None:
            raise AlreadyInvited(waiting)
        taken = entry.collaborators.count() + entry.invitations.pending(now).count()
        if taken >= limit:
            raise TeamFull(
                f"This category allows up to {limit} {'person' if limit == 1 else 'people'} "
                "besides the owner on an entry, counting invitations not yet answered. "
                "Remove someone or withdraw an invitation first."
            )
        _check_daily_limit(entry, now)
        token = new_token()
        invitation = Invitation.objects.create(
            entry=entry,
            email=email,
            role=role,
            token_digest=token_digest(token),
            invited_by=by,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.INVITED,
            actor=by,
            created_at=now,
            details={"email": email, "role": role.value},
        )
        transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk, token))
    return Sent(invitation, token)


def _own_invitation(entry: Entry, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(entry_id=entry.pk, pk=invitation_id).first()
    if invitation is None:
        raise TeamError("That invitation is not for this entry.")
    return invitation


def resend(*, entry: Entry, by, invitation_id: int, now: datetime | None = None) -> Sent:
    """Send a waiting invitation again, with a new link and a new expiry; the old link stops."""
    from .tasks import send_invitation

    now = now or timezone.now()
    _require_owner(entry, by, "send invitations")
    with transaction.atomic():
        _locked(entry)
        invitation = _own_invitation(entry, invitation_id)
        if invitation.accepted_at or invitation.withdrawn_at:
            raise TeamError(
                f"The invitation for {invitation.email} has been "
                f"{'accepted' if invitation.accepted_at else 'withdrawn'}, so it cannot be sent "
                "again. Invite them afresh if you need to."
            )
        last_sent = invitation.expires_at - INVITATION_LIFETIME
        if invitation.is_pending(now) and now - last_sent < RESEND_INTERVAL:
            raise TeamError(
                f"The invitation for {invitation.email} was sent a moment ago. "
                "Wait a minute before you send it again."
            )
        if not invitation.is_pending(now):
            # An expired invitation takes its place back only if the team has room.
            limit = collaborator_limit(as_host(entry.page))
            taken = entry.collaborators.count() + entry.invitations.pending(now).count()
            if taken >= limit:
                raise TeamFull("The team is full, so this invitation cannot be sent again.")
        _check_daily_limit(entry, now)
        token = new_token()
        invitation.token_digest = token_digest(token)
        invitation.expires_at = now + INVITATION_LIFETIME
        invitation.save(update_fields=["token_digest", "expires_at"])
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.INVITED,
            actor=by,
            created_at=now,
            details={"email": invitation.email, "role": invitation.role, "resent": True},
        )
        transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk, token))
    return Sent(invitation, token)


def withdraw(*, entry: Entry, by, invitation_id: int, now: datetime | None = None) -> Invitation:
    """Withdraw a waiting invitation: its link stops working."""
    now = now or timezone.now()
    _require_owner(entry, by, "withdraw invitations")
    with transaction.atomic():
        _locked(entry)
        invitation = _own_invitation(entry, invitation_id)
        if invitation.accepted_at:
            raise TeamError(
                f"{invitation.email} has already accepted the invitation. "
                "Remove them from the team instead."
            )
        if invitation.withdrawn_at is None:
            invitation.withdrawn_at = now
            invitation.save(update_fields=["withdrawn_at"])
    return invitation


def find_invitation(token: str) -> Invitation:
    """The invitation this link's token opens, whatever its state; InvitationNotFound if none."""
    if not token or len(token) > 100:
        raise InvitationNotFound()
    invitation = (
        Invitation.objects.select_related("entry", "entry__entrant", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if invitation is None:
        raise InvitationNotFound()
    invitation.entry.page = page_by_id(invitation.entry.page_id)
    return invitation


def check_usable(invitation: Invitation, user, now: datetime | None = None) -> None:
    """Raise why ``user`` cannot accept ``invitation`` now, if they cannot.

    Already accepted by this same person is not an error: the link takes them
    to the entry.
    """
    from publishing.templatetags.uk_dates import uk_datetime

    now = now or timezone.now()
    owner = person_name(invitation.invited_by or invitation.entry.entrant)
    if invitation.accepted_at is not None:
        if (
            user.is_authenticated
            and invitation.accepted_by_id == user.pk
            and Collaborator.objects.filter(entry_id=invitation.entry_id, user=user).exists()
        ):
            return
        raise InvitationUnusable(
            "This invitation has already been used. If you think that is wrong, ask "
            f"{owner} to invite you again."
        )
    if invitation.withdrawn_at is not None:
        raise InvitationUnusable(
            f"This invitation was withdrawn by {owner}. If you still need to work on the "
            "entry, ask them to invite you again."
        )
    if invitation.entry.status == EntryStatus.WITHDRAWN:
        raise InvitationUnusable("This entry has been withdrawn, so nobody can join it now.")
    if now >= invitation.expires_at:
        raise InvitationUnusable(
            f"This invitation expired on {uk_datetime(invitation.expires_at)} (UK time). "
            f"Ask {owner} to send you a new one."
        )
    if not user.is_authenticated:
        return
    if user.pk == invitation.entry.entrant_id:
        raise InvitationUnusable("You own this entry, so you are already on its team.")
    addresses = EmailAddress.objects.filter(user=user, email__iexact=invitation.email)
    if not addresses.filter(verified=True).exists():
        raise InvitationForAnother(invitation, unverified=addresses.exists())


def accept(*, token: str, user, now: datetime | None = None) -> Entry:
    """Join the entry the invitation is for, with its role; returns the entry."""
    now = now or timezone.now()
    invitation = find_invitation(token)
    check_usable(invitation, user, now)
    entry = invitation.entry
    if invitation.accepted_at is not None:
        return entry  # the same person again: nothing to do
    with transaction.atomic():
        entry = _locked(entry)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation.entry = entry
        check_usable(invitation, user, now)  # again, under the lock
        if invitation.accepted_at is not None:
            return entry
        existing = Collaborator.objects.filter(entry=entry, user=user).first()
        if existing is None:
            limit = collaborator_limit(as_host(entry.page))
            if entry.collaborators.count() >= limit:
                raise TeamFull(
                    "The team for this entry is already full. Ask the owner to make room "
                    "and invite you again."
                )
            Collaborator.objects.create(entry=entry, user=user, role=invitation.role, added_at=now)
        invitation.accepted_at, invitation.accepted_by = now, user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.JOINED,
            actor=user,
            created_at=now,
            details={"user_id": user.pk, "role": invitation.role},
        )
    return entry


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
    _require_owner(entry, by, "change what people on the team may do")
    role = _role(role)
    with transaction.atomic():
        _locked(entry)
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
        _locked(entry)
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
    _require_owner(entry, by, "hand the entry over")
    with transaction.atomic():
        entry = _locked(entry)
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
