"""What a page must offer to host an entry form.

The forms app never imports the pages that embed it: any Wagtail page with
these attributes can take entries (in this site, awards.CategoryPage).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

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


def as_host(page) -> EntryHost | None:
    specific = getattr(page, "specific", page)
    return specific if isinstance(specific, EntryHost) else None
