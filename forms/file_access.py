"""Who may download entry files: one rule for every download, the entrant's and staff's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .access import role_of
from .admin.permissions import EXPORT

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    from .models import Entry


def may_download_files(user: AbstractBaseUser | AnonymousUser, entry: Entry | None) -> bool:
    """Whether ``user`` may download the files of ``entry``.

    The rule: the entry's owner or anyone on its team (forms.access), or active staff with the Entries admin's
    export permission (``forms.export_entry``, "Can export entries and download
    their files", held by the "Entries managers" group). As everywhere in the
    Entries admin, the permission decides, not the ``is_staff`` flag. Seeing
    an entry in the admin (``forms.view_entry``) is not enough. ``entry=None`` asks about the files of many entries at once
    (a category's archive), which only staff with that permission may have.
    The entrant's download, the admin's download and the archive all ask here.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if entry is not None and entry.entrant_id is not None and entry.entrant_id == user.pk:
        return True
    if entry is not None and role_of(entry, user) is not None:
        return True  # anyone on the entry's team may read it, files and all
    return user.has_perm(EXPORT)
