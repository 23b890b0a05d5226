from django import template

from forms.answers import word_count
from forms.uploads import CONTENT_TYPES, describe_types

register = template.Library()

GROUPED = {"date", "single_choice", "multiple_choice", "yes_no", "file"}


@register.filter
def is_grouped(question) -> bool:
    """Questions with several controls are a fieldset with a legend, not a label."""
    return question.type in GROUPED and not (
        question.type == "single_choice" and question.widget == "select"
    )


@register.filter
def words(value) -> int:
    return word_count(value)


@register.simple_tag
def word_count_message(count: int, min_words: int | None, max_words: int | None) -> str:
    if max_words and count > max_words:
        over = count - max_words
        return f"{count} of {max_words} words: {over} word{'s' if over != 1 else ''} too many"
    if max_words:
        return f"{count} of {max_words} words"
    if min_words and count < min_words:
        return f"{count} words: at least {min_words} needed"
    return f"{count} words"


@register.filter
def file_types_label(types) -> str:
    return describe_types(types)


@register.filter
def accept_attr(types) -> str:
    return ",".join(
        [f".{t}" for t in types] + [CONTENT_TYPES[t] for t in types if t in CONTENT_TYPES]
    )


@register.filter
def answer_text(value) -> str:
    """An answer as a person reads it in a summary."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        parts = [value.get("day", ""), value.get("month", ""), value.get("year", "")]
        return "/".join(p for p in parts if p)
    if value == "yes":
        return "Yes"
    if value == "no":
        return "No"
    return value or ""
