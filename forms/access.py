"""Who may do what with an entry: its owner, and the collaborators the owner invited.

Every entrant URL asks ``entry_for(user, public_id, need)`` for the entry with
the asker's role on it, in one query. Anyone without the role asked for
gets the same 404 as for an entry that does not exist, so an entry's
existence is never given away. Services check the role again (``require``):
a view that forgot to ask cannot write.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404

from .exceptions import NotAllowed, NotOwner
from .models import OWNER, Collaborator, Entry, Role
from .models.team import RANKS

VIEW, EDIT, SUBMIT = Role.VIEW, Role.EDIT, Role.SUBMIT

# What a role may do, in words an entrant reads when they may not.
NEEDS = {
    VIEW: "read this entry",
    EDIT: "change this entry",
    SUBMIT: "submit this entry",
    OWNER: "manage who works on this entry",
}


def entries_for(user):
    """The entries ``user`` owns or collaborates on, each with ``role`` set."""
    if not user.is_authenticated:
        return Entry.objects.none()
    shared = Collaborator.objects.filter(user_id=user.pk)
    return Entry.objects.filter(
        Q(entrant_id=user.pk) | Q(pk__in=Subquery(shared.values("entry_id")))
    ).annotate(
        collaborator_role=Subquery(shared.filter(entry_id=OuterRef("pk")).values("role")[:1])
    )


def with_role(entry: Entry, user) -> Entry:
    """Set ``entry.role`` for ``user`` from the row read with it (``collaborator_role``),
    and whose role it is, so ``role_of`` answers for that person without a query."""
    if entry.entrant_id is not None and entry.entrant_id == user.pk:
        entry.role = OWNER
    else:
        entry.role = getattr(entry, "collaborator_role", None)
    entry.role_user_id = user.pk
    return entry


def find_entry(user, public_id: str) -> Entry | None:
    """The entry with this public id with ``user``'s role on it, or None if they have none.

    Every autosave asks this, so it is the plainest query there is: the entry by
    its unique id, then, only if the person is not its owner, their role on it.
    """
    entry = Entry.objects.filter(public_id=public_id).first()
    if entry is None:
        return None
    if entry.entrant_id is None or entry.entrant_id != user.pk:
        entry.collaborator_role = (
            Collaborator.objects.filter(entry_id=entry.pk, user_id=user.pk)
            .values_list("role", flat=True)
            .first()
        )
        if entry.collaborator_role is None:
            return None
    return with_role(entry, user)


def role_of(entry: Entry, user) -> str | None:
    """``user``'s role on ``entry``: OWNER, a Role, or None."""
    if not user.is_authenticated:
        return None
    if entry.entrant_id is not None and entry.entrant_id == user.pk:
        return OWNER
    if getattr(entry, "role_user_id", None) == user.pk:
        return entry.role
    return (
        Collaborator.objects.filter(entry_id=entry.pk, user_id=user.pk)
        .values_list("role", flat=True)
        .first()
    )


def at_least(role: str | None, need: str) -> bool:
    return role is not None and RANKS[role] >= RANKS[need]


def require(entry: Entry, user, need: str) -> str:
    """``user``'s role if it allows ``need``. No role at all is NotOwner (a 404); too
    small a role is NotAllowed (a 403 that says what the role does not allow)."""
    role = role_of(entry, user)
    if role is None:
        raise NotOwner()
    if not at_least(role, need):
        raise NotAllowed(f"Your role on this entry does not let you {NEEDS[need]}.")
    return role


def entry_for(user, public_id: str, need: str = VIEW) -> Entry:
    """The entry if ``user`` may ``need`` it; 404 for no role, 403 for too small a one."""
    entry = find_entry(user, public_id) if user.is_authenticated else None
    if entry is None:
        raise Http404("Entry not found")
    if not at_least(entry.role, need):
        # Shown on the 403 page: the person knows the entry, so say what their role lacks.
        raise PermissionDenied(f"Your role on this entry does not let you {NEEDS[need]}.")
    return entry
