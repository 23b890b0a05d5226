"""The refusals of forms.team, each with the message the person reads and its status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exceptions import EntryError, NotAllowed

if TYPE_CHECKING:
    from ..models import Invitation


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
