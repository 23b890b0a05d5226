"""What a page must offer to host an entry form.

The forms app never imports the pages that embed it: any Wagtail page with
these attributes can take entries (in this site, awards.CategoryPage).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .published import is_published

if TYPE_CHECKING:
    from .models import EntryForm


@runtime_checkable
class EntryHost(Protocol):
    entry_form: EntryForm | None
    entries_per_account: int

    @property
    def deadline(self) -> datetime | None: ...

    def accepts_entries(self, now: datetime | None = None) -> bool: ...

    def entry_reference_prefix(self) -> str: ...


HOST_MEMBERS = ("entry_form", "entries_per_account", "deadline", "accepts_entries")


def as_host(page) -> EntryHost | None:
    """The page as an entry host, or None.

    The check is on the page's class: ``isinstance`` with a runtime protocol
    reads every member on the instance, which loads the entry form and the
    programme from the database just to answer yes or no.
    """
    specific = getattr(page, "specific", page)
    cls = type(specific)
    return specific if all(hasattr(cls, name) for name in HOST_MEMBERS) else None


def has_entry_form(host: EntryHost) -> bool:
    """Whether the host has a published form, from the cache of published forms."""
    form_id = getattr(host, "entry_form_id", None)
    if form_id is None and getattr(host, "entry_form", None) is not None:
        form_id = host.entry_form.pk
    return is_published(form_id)
