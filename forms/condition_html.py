"""How a conditional question or section is marked on the entrant's page.

Every question is drawn, whatever the answers: static/js/conditions.js hides
those that do not apply as the entrant answers, from the ``data-show-when``
(the earlier question's field name) and ``data-show-values`` attributes.
Without JavaScript each shows a line saying when to answer it.
"""

from __future__ import annotations

from django.utils.html import format_html

from .conditions import Condition


def condition_attrs(condition: Condition | None) -> str:
    if condition is None:
        return ""
    return format_html(
        ' data-show-when="{}" data-show-values="{}"', condition.key, condition.values_json
    )


def condition_note(condition: Condition | None, note_id: str, what: str = "this") -> str:
    if condition is None:
        return ""
    return format_html(
        '<p class="condition-note" id="{}">Answer {} only if {}.</p>',
        note_id,
        what,
        condition.sentence,
    )
