"""The controls of questions answered by typing: short and long text, email, web address, number, date.

Part of drawing an entry form's questions (forms/question_html.py); a long
text with a word limit shows its count as the entrant types.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

from .answers import word_count
from .question_field import Field, attrs, described_by, flag


def word_count_message(count: int, min_words: int | None, max_words: int | None) -> str:
    if max_words and count > max_words:
        over = count - max_words
        return f"{count} of {max_words} words: {over} word{'s' if over != 1 else ''} too many"
    if max_words:
        return f"{count} of {max_words} words"
    if min_words and count < min_words:
        return f"{count} words: at least {min_words} needed"
    return f"{count} words"


def short_text(f: Field) -> str:
    return f.input("text", ("data-max-words", f.q.max_words))


def email(f: Field) -> str:
    return f.input("email", ("autocomplete", "email"), ("spellcheck", "false"))


def url(f: Field) -> str:
    return f.input("url", ("spellcheck", "false"))


def number(f: Field) -> str:
    return f.input("text", ("inputmode", "decimal"), css="input input--narrow")


def long_text(f: Field) -> str:
    q = f.q
    counted = bool(q.max_words or q.min_words)
    count_id = f"{f.fid}-count" if counted else None
    parts = [
        format_html('<div class="word-count"{}>', flag("data-word-count", counted)),
        format_html(
            '<textarea class="{}" id="{}" name="{}" rows="10"{}{}>{}</textarea>',
            "textarea input--error" if f.error else "textarea",
            f.fid,
            f.name,
            described_by(f.condition_id, f.hint_id, count_id, f.error_id),
            attrs(("data-max-words", q.max_words), ("data-min-words", q.min_words)),
            f.text_value,
        ),
    ]
    if counted:
        words = word_count(f.value)
        over = q.max_words and words > q.max_words
        parts.append(
            format_html(
                '<p class="word-count__message{}" id="{}" aria-live="polite">{}</p>',
                " word-count__message--over" if over else "",
                count_id,
                word_count_message(words, q.min_words, q.max_words),
            )
        )
    parts.append("</div>")
    return "\n".join(parts)


def date(f: Field) -> str:
    value = f.value if isinstance(f.value, dict) else {}
    items = format_html_join(
        "\n",
        '<div class="date-input__item"><label class="label label--small" for="{}-{}">{}</label>'
        '<input class="input input--{}" id="{}-{}" name="{}-{}" type="text" inputmode="numeric"'
        ' value="{}"></div>',
        (
            (f.fid, part, label, width, f.fid, part, f.name, part, value.get(part) or "")
            for part, label, width in (
                ("day", "Day", 2),
                ("month", "Month", 2),
                ("year", "Year", 4),
            )
        ),
    )
    return format_html('<div class="date-input" id="{}">\n{}\n</div>', f.fid, items)
