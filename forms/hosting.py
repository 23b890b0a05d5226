"""What a page must offer to host an entry form.

The forms app never imports the pages that embed it: any Wagtail page with
these attributes can take entries (in this site, awards.CategoryPage).

A host may also ask who may enter before an entry starts
(``eligibility_questions`` and ``eligibility_refusal``, forms/eligibility.py).

A host may also offer its criteria by name (``criteria_for``): a form
section that names a criterion shows the host's text for it, so criteria
are written once, on the page, and a form shared by several pages shows
each page's own (forms/guidance.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from django.db.models import Q
from django.utils.text import slugify
from wagtail.models import Page, get_page_models

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

    def criteria_for(self, name: str) -> str | None:
        """The page's criteria called ``name`` as HTML, or None when it has none by that name.

        Optional: a page without it shows each form section's own guidance."""
        ...


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


def criterion_key(name: str) -> str:
    """How a criterion's name is compared: "Co-design & engagement" and
    "co-design and engagement " are the same criterion; case, spacing and
    punctuation are not what an editor means by a different one."""
    return slugify(name.replace("&", " and "))


def host_models() -> list[type[Page]]:
    """The page types that take entries and name their form in an ``entry_form`` field."""
    found = []
    for model in get_page_models():
        if model._meta.abstract or not all(hasattr(model, name) for name in HOST_MEMBERS):
            continue
        field_names = {field.name for field in model._meta.get_fields()}
        if "entry_form" in field_names:
            found.append(model)
    return found


def hosts_using(form: EntryForm, limit: int = 20) -> list[Page]:
    """The pages that use ``form``, published or in their latest draft, in tree order."""
    if form.pk is None:
        return []
    pages: list[Page] = []
    for model in host_models():
        uses = Q(entry_form=form.pk) | Q(latest_revision__content__entry_form=form.pk)
        pages.extend(model.objects.filter(uses).order_by("path")[:limit])
    return sorted(pages, key=lambda page: page.path)[:limit]


# What a host may also offer for team entries; a page without these takes no
# collaborators and needs no partner's confirmation.
DEFAULT_COLLABORATOR_LIMIT = 0


def collaborator_limit(host: EntryHost | None) -> int:
    """How many people besides the owner may work on one entry; 0: none."""
    return max(int(getattr(host, "collaborator_limit", DEFAULT_COLLABORATOR_LIMIT) or 0), 0)


def needs_partner_confirmation(host: EntryHost | None) -> bool:
    """Whether a partner organisation must confirm an entry before it is submitted."""
    return bool(getattr(host, "partner_confirmation_required", False))
