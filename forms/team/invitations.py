"""Invitations: the owner invites by email, sends again or withdraws; the invited account
accepts. Only the token's digest is stored; the link in the email carries the token."""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from publishing.routing import page_by_id

from ..hosting import as_host, collaborator_limit
from ..models import Collaborator, Entry, EntryEvent, EntryStatus, Invitation
from ..models.team import INVITATION_LIFETIME, new_token, token_digest, unopenable_digest
from .common import clean_role, locked, person_name, require_owner
from .errors import (
    AlreadyInvited,
    AlreadyOnTeam,
    InvitationForAnother,
    InvitationNotFound,
    InvitationUnusable,
    InvitingYourself,
    TeamError,
    TeamFull,
    TeamsNotAllowed,
    TooManyInvitations,
)

# A resend within this time of the last email is refused: it would only fill an inbox.
RESEND_INTERVAL = timedelta(minutes=1)
# How many invitation emails (new or sent again) one entry may send in a day: enough for
# any real team, and a limit on what a withdraw-and-invite loop could send to strangers.
DAILY_INVITATIONS = 25


def _check_daily_limit(entry: Entry, now: datetime) -> None:
    sent = EntryEvent.objects.filter(
        entry_id=entry.pk,
        action=EntryEvent.Action.INVITED,
        created_at__gt=now - timedelta(days=1),
    ).count()
    if sent >= DAILY_INVITATIONS:
        raise TooManyInvitations()


def _clean_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise TeamError(
            "Enter an email address in the correct format, like name@example.com"
        ) from None
    return email


def invite(*, entry: Entry, by, email: str, role: str, now: datetime | None = None) -> Invitation:
    """Invite ``email`` to work on ``entry`` with ``role``; the email, with the link, goes
    after commit (``issue_link``)."""
    from ..tasks import send_invitation

    now = now or timezone.now()
    require_owner(entry, by, "invite people to work on it")
    email = _clean_email(email)
    role = clean_role(role)
    with transaction.atomic():
        entry = locked(entry)
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
        invitation = Invitation.objects.create(
            entry=entry,
            email=email,
            role=role,
            token_digest=unopenable_digest(),
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
        transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk))
    return invitation


def _own_invitation(entry: Entry, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(entry_id=entry.pk, pk=invitation_id).first()
    if invitation is None:
        raise TeamError("That invitation is not for this entry.")
    return invitation


def resend(*, entry: Entry, by, invitation_id: int, now: datetime | None = None) -> Invitation:
    """Send a waiting invitation again, with a new link and a new expiry; the old link stops
    at once."""
    from ..tasks import send_invitation

    now = now or timezone.now()
    require_owner(entry, by, "send invitations")
    with transaction.atomic():
        locked(entry)
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
        invitation.token_digest = unopenable_digest()
        invitation.expires_at = now + INVITATION_LIFETIME
        invitation.save(update_fields=["token_digest", "expires_at"])
        EntryEvent.objects.create(
            entry=entry,
            action=EntryEvent.Action.INVITED,
            actor=by,
            created_at=now,
            details={"email": invitation.email, "role": invitation.role, "resent": True},
        )
        transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk))
    return invitation


def issue_link(invitation_id: int, now: datetime | None = None) -> tuple[Invitation, str] | None:
    """A new token for a waiting invitation's link, its digest stored: called by the task
    that sends the email, so the token exists only there and in the email. None if the
    invitation was withdrawn, used or expired before the email went."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(pk=invitation_id).first()
        if invitation is None or not invitation.is_pending(now):
            return None
        token = new_token()
        invitation.token_digest = token_digest(token)
        invitation.save(update_fields=["token_digest"])
    return invitation, token


def withdraw(*, entry: Entry, by, invitation_id: int, now: datetime | None = None) -> Invitation:
    """Withdraw a waiting invitation: its link stops working."""
    now = now or timezone.now()
    require_owner(entry, by, "withdraw invitations")
    with transaction.atomic():
        locked(entry)
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
        entry = locked(entry)
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
