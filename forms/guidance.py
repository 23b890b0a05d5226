"""What an entrant reads above a form section's questions: the host page's criteria.

Criteria are written once, on the page that hosts the form (a category's
criteria sections). A form section names the criteria it answers
(``Section.criterion``); the page offers its text by that name
(``EntryHost.criteria_for``), so the page and the form show the same words,
edited in one place, and a form shared by several pages shows each page's
own. The section's own guidance is the fallback, for a section that names
no criterion or a page that has none by that name.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from .definitions import Section


def criteria_text(page, section: Section) -> str | None:
    """The host page's criteria for ``section`` as HTML, or None."""
    if not section.criterion or page is None:
        return None
    offer = getattr(getattr(page, "specific", page), "criteria_for", None)
    return offer(section.criterion) if offer is not None else None


def section_guidance(page, section: Section) -> SafeString:
    """The page's criteria for the section, else the section's own guidance, else ""."""
    text = criteria_text(page, section)
    if text:
        return mark_safe(text)  # noqa: S308 - HTML the host page rendered from its own rich text
    if section.guidance:
        return mark_safe(expand_db_html(section.guidance))  # noqa: S308 - Wagtail rich text
    return mark_safe("")
