from django import template

from forms.answers import word_count
from forms.question_html import questions_html
from forms.validation import parse_date_answer
from publishing.templatetags.uk_dates import uk_date

register = template.Library()


@register.simple_tag
def question_fields(rows, *, show_all: bool, entry):
    """A section's questions as form groups (built in Python: see forms/question_html.py)."""
    return questions_html(rows, show_all=show_all, entry=entry)


@register.filter
def words(value) -> int:
    return word_count(value)


@register.filter
def answer_text(value) -> str:
    """An answer as a person reads it in a summary."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        day = parse_date_answer(value)
        if day is not None:
            return uk_date(day)
        parts = [value.get("day", ""), value.get("month", ""), value.get("year", "")]
        return "/".join(str(p) for p in parts if p)  # as typed, until it is a real date
    if value == "yes":
        return "Yes"
    if value == "no":
        return "No"
    return value or ""
