"""A new category started from an existing one: Wagtail's page copy, made ready to edit.

The copy keeps what a new category usually shares with an old one (the
criteria, how to apply, who may enter, contacts, sponsor and the entry form)
and starts as an unpublished draft with no dates of its own, so the
programme's entry window applies until the editor sets one, entries are not
closed by a switch, and its references are its own (``CategoryPage.
exclude_fields_in_copy``). The source's drafts and history stay behind.
"""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Page

from .models import CategoryPage, ProgrammePage


def available_slug(parent: Page, title: str) -> str:
    """A slug made from ``title`` that no sibling under ``parent`` has yet."""
    base = slugify(title)[:240] or "category"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def start_category_from(
    *, source: CategoryPage, parent: ProgrammePage, title: str, user
) -> CategoryPage:
    """A draft copy of ``source`` under ``parent`` called ``title``, ready to edit.

    Raises ``wagtail.actions.copy_page.CopyPagePermissionError`` when ``user``
    may not copy ``source`` there.
    """
    title = title.strip()
    copied = CopyPageAction(
        source,
        to=parent,
        update_attrs={
            "title": title,
            "draft_title": title,
            "slug": available_slug(parent, title),
            "seo_title": "",
            "search_description": "",
        },
        recursive=False,
        copy_revisions=False,
        keep_live=False,
        user=user,
    ).execute()
    return copied.specific
