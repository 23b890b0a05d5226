"""The controls of questions answered by choosing: yes or no, one choice, several choices.

Part of drawing an entry form's questions (forms/question_html.py): radios,
a select, or checkboxes.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import format_html, format_html_join

from .question_field import Field, described_by, flag


def options(f: Field, kind: str, choices: Iterable[tuple[str, str, str, bool]]) -> str:
    """Radios or checkboxes: (id suffix, value, label, checked) for each."""
    input_type = "radio" if kind == "radios" else "checkbox"
    return format_html_join(
        "\n",
        '<div class="{}__item"><input class="{}__input" id="{}-{}" name="{}" type="{}"'
        ' value="{}"{}> <label class="{}__label" for="{}-{}">{}</label></div>',
        (
            (kind, kind, f.fid, suffix, f.name, input_type, value, flag("checked", checked))
            + (kind, f.fid, suffix, label)
            for suffix, value, label, checked in choices
        ),
    )


def yes_no(f: Field) -> str:
    choices = [(v, v, v.capitalize(), f.value == v) for v in ("yes", "no")]
    return format_html(
        '<div class="radios radios--inline" id="{}">\n{}\n</div>',
        f.fid,
        options(f, "radios", choices),
    )


def single_choice(f: Field) -> str:
    q = f.q
    if q.widget == "select":
        select_options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((c, flag("selected", f.value == c), c) for c in q.choices),
        )
        return format_html(
            '<select class="{}" id="{}" name="{}"{}><option value="">Choose one</option>{}'
            "</select>",
            "select input--error" if f.error else "select",
            f.fid,
            f.name,
            described_by(f.condition_id, f.hint_id, f.error_id),
            select_options,
        )
    choices = [(str(n), c, c, f.value == c) for n, c in enumerate(q.choices, 1)]
    return format_html(
        '<div class="radios" id="{}">\n{}\n</div>', f.fid, options(f, "radios", choices)
    )


def multiple_choice(f: Field) -> str:
    chosen = f.value if isinstance(f.value, list | tuple) else ()
    choices = [(str(n), c, c, c in chosen) for n, c in enumerate(f.q.choices, 1)]
    # The empty value lets a save clear every box (an unticked box sends nothing).
    return format_html(
        '<input type="hidden" name="{}" value="">\n<div class="checkboxes" id="{}">\n{}\n</div>',
        f.name,
        f.fid,
        options(f, "checkboxes", choices),
    )
