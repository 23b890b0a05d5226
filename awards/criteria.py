"""A category's criteria, offered by name to the entry form it hosts.

The criteria are written once, as the category page's criteria sections.
An entry form section names the criteria it answers by heading
(forms/guidance.py); the category answers with its own text for that
heading, so the page and the form always say the same thing, and a form
shared by several categories shows each one's own.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from forms.hosting import criterion_key


def find_criterion(criteria, name: str):
    """The criteria section headed ``name`` (compared by ``criterion_key``), or None."""
    wanted = criterion_key(name)
    if not wanted:
        return None
    for block in criteria or []:
        if block.block_type == "section" and criterion_key(block.value["heading"]) == wanted:
            return block.value
    return None


def criterion_html(criteria, name: str) -> str | None:
    """The text and points of the criteria section headed ``name``, as HTML, or None."""
    section = find_criterion(criteria, name)
    if section is None or not (section["text"] or section["points"]):
        return None
    return render_to_string("awards/includes/criterion_guidance.html", {"section": section})


def criteria_headings(criteria) -> list[str]:
    return [block.value["heading"] for block in criteria or [] if block.block_type == "section"]
