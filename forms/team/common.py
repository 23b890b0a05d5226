"""What the team services share: the words for roles and people, the owner check, the
entry's row lock, and how many places are left."""

from __future__ import annotations

from datetime import datetime

from publishing.routing import page_by_id

from ..access import role_of
from ..exceptions import NotOwner
from ..hosting import as_host, collaborator_limit
from ..models import OWNER, Entry, Role
from .errors import NotTheOwner, TeamError

# What each role lets a person do, in the words the Team page and the email use.
ROLE_DESCRIPTIONS = {
    Role.VIEW: "Can read the entry and its files, but cannot change anything.",
    Role.EDIT: "Can change the answers and upload files, but cannot submit the entry.",
    Role.SUBMIT: "Can change the answers and upload files, and submit the entry.",
}


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


def require_owner(entry: Entry, by, doing: str) -> None:
    role = role_of(entry, by)
    if role is None:
        raise NotOwner()
    if role != OWNER:
        raise NotTheOwner(f"Only the entry's owner can {doing}.")


def locked(entry: Entry) -> Entry:
    fresh = Entry.objects.select_for_update().get(pk=entry.pk)
    fresh.page = getattr(entry, "page", None) or page_by_id(fresh.page_id)
    return fresh


def clean_role(role: str) -> Role:
    if role not in Role.values:
        raise TeamError("Choose what they may do: view, edit, or edit and submit.")
    return Role(role)


def places_left(entry: Entry, now: datetime | None = None) -> int:
    """How many more people may be invited: the category's limit less the team and
    the invitations still waiting."""
    limit = collaborator_limit(as_host(entry.page))
    taken = entry.collaborators.count() + entry.invitations.pending(now).count()
    return max(limit - taken, 0)
