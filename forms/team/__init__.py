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

from ..models.team import INVITATION_LIFETIME
from .common import ROLE_DESCRIPTIONS, person_name, places_left, role_label, work_address
from .errors import (
    AlreadyInvited,
    AlreadyOnTeam,
    InvitationForAnother,
    InvitationNotFound,
    InvitationUnusable,
    InvitingYourself,
    NotOnTeam,
    NotTheOwner,
    TeamError,
    TeamFull,
    TeamsNotAllowed,
    TooManyInvitations,
)
from .invitations import (
    DAILY_INVITATIONS,
    RESEND_INTERVAL,
    accept,
    check_usable,
    find_invitation,
    invite,
    issue_link,
    resend,
    withdraw,
)
from .members import (
    change_role,
    hand_over,
    leave,
    member_of,
    pass_on_before_deletion,
    remove,
    successor,
)

__all__ = [
    "DAILY_INVITATIONS",
    "INVITATION_LIFETIME",
    "RESEND_INTERVAL",
    "ROLE_DESCRIPTIONS",
    "AlreadyInvited",
    "AlreadyOnTeam",
    "InvitationForAnother",
    "InvitationNotFound",
    "InvitationUnusable",
    "InvitingYourself",
    "NotOnTeam",
    "NotTheOwner",
    "TeamError",
    "TeamFull",
    "TeamsNotAllowed",
    "TooManyInvitations",
    "accept",
    "change_role",
    "check_usable",
    "find_invitation",
    "hand_over",
    "invite",
    "issue_link",
    "leave",
    "member_of",
    "pass_on_before_deletion",
    "person_name",
    "places_left",
    "remove",
    "resend",
    "role_label",
    "successor",
    "withdraw",
    "work_address",
]
