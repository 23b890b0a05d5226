"""Judges' invitations: an organiser invites by email, sends again or withdraws; the
invited address's account accepts and joins the panel.

As for collaborators (forms.team.invitations), only the token's digest is stored, and
the token itself is made by the task that sends the email, so nothing queued or stored
opens the link.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from forms.models.team import new_token, token_digest, unopenable_digest

from .assignment import assign
from .models import JudgeInvitation, Panel, PanelJudge

JUDGES_GROUP = "Judges"
INVITATION_LIFETIME = timedelta(days=14)
# A resend within this time of the last email is refused: it would only fill an inbox.
RESEND_INTERVAL = timedelta(minutes=1)


class InvitationError(Exception):
    """Why an invitation cannot be made, sent or used, in the words the person reads."""

    status_code = 400

    def __init__(self, message: str, status_code: int | None = None):
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code


class AlreadyInvited(InvitationError):
    status_code = 409

    def __init__(self, invitation: JudgeInvitation):
        super().__init__(
            f"{invitation.email} has already been invited to this panel and has not answered "
            "yet. You can send the invitation again instead."
        )
        self.invitation = invitation


class InvitationNotFound(InvitationError):
    status_code = 404

    def __init__(self):
        super().__init__(
            "This invitation link is not valid. Check that you copied the whole link from "
            "the email, or ask the awards team to send a new invitation."
        )


class InvitationUnusable(InvitationError):
    """Expired or withdrawn."""

    status_code = 410


class InvitationForAnother(InvitationError):
    status_code = 403


def pending(panel: Panel, now: datetime | None = None):
    now = now or timezone.now()
    return panel.invitations.filter(accepted_at=None, withdrawn_at=None, expires_at__gt=now)


def is_pending(invitation: JudgeInvitation, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        invitation.accepted_at is None
        and invitation.withdrawn_at is None
        and now < invitation.expires_at
    )


def _clean_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvitationError(
            "Enter an email address in the correct format, like name@example.org"
        ) from None
    return email


def invite(
    *, panel: Panel, by, email: str, name: str = "", now: datetime | None = None
) -> JudgeInvitation:
    """Invite ``email`` to judge for ``panel``; the email goes after commit."""
    from .tasks import send_judge_invitation

    now = now or timezone.now()
    email = _clean_email(email)
    with transaction.atomic():
        panel = Panel.objects.select_for_update().get(pk=panel.pk)
        if panel.memberships.filter(left_at=None, judge__email__iexact=email).exists():
            raise InvitationError(f"{email} is already a judge on this panel.", 409)
        waiting = pending(panel, now).filter(email__iexact=email).first()
        if waiting is not None:
            raise AlreadyInvited(waiting)
        invitation = JudgeInvitation.objects.create(
            panel=panel,
            email=email,
            name=(name or "").strip()[:150],
            token_digest=unopenable_digest(),
            invited_by=by,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        transaction.on_commit(lambda: send_judge_invitation.enqueue(invitation.pk))
    return invitation


def _panel_invitation(panel: Panel, invitation_id: int) -> JudgeInvitation:
    invitation = (
        JudgeInvitation.objects.select_for_update()
        .filter(panel_id=panel.pk, pk=invitation_id)
        .first()
    )
    if invitation is None:
        raise InvitationError("That invitation is not for this panel.", 404)
    return invitation


def resend(*, panel: Panel, invitation_id: int, now: datetime | None = None) -> JudgeInvitation:
    """Send an invitation not yet answered again, with a new link and a new expiry; the
    old link stops at once. An expired one may be sent again too."""
    from .tasks import send_judge_invitation

    now = now or timezone.now()
    with transaction.atomic():
        invitation = _panel_invitation(panel, invitation_id)
        if invitation.accepted_at or invitation.withdrawn_at:
            state = "accepted" if invitation.accepted_at else "withdrawn"
            raise InvitationError(
                f"The invitation for {invitation.email} has been {state}, so it cannot be "
                "sent again. Invite them afresh if you need to.",
                409,
            )
        last_sent = invitation.expires_at - INVITATION_LIFETIME
        if is_pending(invitation, now) and now - last_sent < RESEND_INTERVAL:
            raise InvitationError(
                f"The invitation for {invitation.email} was sent a moment ago. "
                "Wait a minute before you send it again.",
                429,
            )
        invitation.token_digest = unopenable_digest()
        invitation.expires_at = now + INVITATION_LIFETIME
        invitation.save(update_fields=["token_digest", "expires_at"])
        transaction.on_commit(lambda: send_judge_invitation.enqueue(invitation.pk))
    return invitation


def withdraw(*, panel: Panel, invitation_id: int, now: datetime | None = None) -> JudgeInvitation:
    """Withdraw an invitation not yet accepted: its link stops working."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = _panel_invitation(panel, invitation_id)
        if invitation.accepted_at:
            raise InvitationError(
                f"{invitation.email} has already accepted. Remove them from the panel instead.",
                409,
            )
        if invitation.withdrawn_at is None:
            invitation.withdrawn_at = now
            invitation.save(update_fields=["withdrawn_at"])
    return invitation


def issue_link(
    invitation_id: int, now: datetime | None = None
) -> tuple[JudgeInvitation, str] | None:
    """A new token for a waiting invitation's link, its digest stored: called by the task
    that sends the email. None if the invitation was withdrawn, used or expired first."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = JudgeInvitation.objects.select_for_update().filter(pk=invitation_id).first()
        if invitation is None or not is_pending(invitation, now):
            return None
        token = new_token()
        invitation.token_digest = token_digest(token)
        invitation.save(update_fields=["token_digest"])
    return invitation, token


def find_invitation(token: str) -> JudgeInvitation:
    """The invitation this link's token opens, whatever its state."""
    if not token or len(token) > 100:
        raise InvitationNotFound()
    invitation = (
        JudgeInvitation.objects.select_related("panel", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if invitation is None:
        raise InvitationNotFound()
    return invitation


def contact_for(invitation: JudgeInvitation) -> str:
    """Who the invited person asks about the invitation."""
    inviter = invitation.invited_by
    if inviter is None or not inviter.is_active:
        return "the awards team"
    name = inviter.get_full_name()
    return f"{name} ({inviter.email})" if name else inviter.email


def masked(email: str) -> str:
    """An address shown without giving it away: "j…@northshire.example.org"."""
    local, _, domain = (email or "").partition("@")
    return f"{local[:1]}…@{domain}" if domain else "…"


def check_usable(invitation: JudgeInvitation, user, now: datetime | None = None) -> None:
    """Raise why ``user`` cannot accept ``invitation`` now, if they cannot. An accepted
    invitation is not an error: its link takes the judge to their entries."""
    from publishing.templatetags.uk_dates import uk_datetime

    now = now or timezone.now()
    if invitation.accepted_at is not None:
        return
    contact = contact_for(invitation)
    if invitation.withdrawn_at is not None:
        raise InvitationUnusable(
            "This invitation has been withdrawn. If you think that is a mistake, "
            f"contact {contact}."
        )
    if now >= invitation.expires_at:
        raise InvitationUnusable(
            f"This invitation expired on {uk_datetime(invitation.expires_at)} (UK time). "
            f"Contact {contact} to ask for a new one."
        )
    if not user.is_authenticated:
        return
    addresses = EmailAddress.objects.filter(user=user, email__iexact=invitation.email)
    if addresses.filter(verified=True).exists():
        return
    if addresses.exists():
        raise InvitationForAnother(
            "Confirm your email address with the link we sent you, then open this invitation again."
        )
    raise InvitationForAnother(
        f"This invitation was sent to {masked(invitation.email)}, and you are signed in "
        f"with another address ({masked(user.email)}). Sign out, then sign in or create an "
        "account with the address the invitation was sent to."
    )


def join_panel(panel: Panel, user, now: datetime | None = None) -> PanelJudge:
    """Put ``user`` on ``panel`` (again, if they had left) and in the Judges group."""
    now = now or timezone.now()
    membership, created = PanelJudge.objects.get_or_create(
        panel=panel, judge=user, defaults={"added_at": now}
    )
    if not created and membership.left_at is not None:
        membership.left_at = None
        membership.added_at = now
        membership.save(update_fields=["left_at", "added_at"])
    group, _ = Group.objects.get_or_create(name=JUDGES_GROUP)
    user.groups.add(group)
    return membership


def accept(*, token: str, user, now: datetime | None = None) -> Panel:
    """Join the panel the invitation is for and receive entries to judge."""
    now = now or timezone.now()
    invitation = find_invitation(token)
    check_usable(invitation, user, now)
    if invitation.accepted_at is not None:
        return invitation.panel
    with transaction.atomic():
        invitation = JudgeInvitation.objects.select_for_update().get(pk=invitation.pk)
        check_usable(invitation, user, now)  # again, under the lock
        if invitation.accepted_at is None:
            join_panel(invitation.panel, user, now)
            invitation.accepted_at = now
            invitation.save(update_fields=["accepted_at"])
            assign(invitation.panel)
    return invitation.panel
