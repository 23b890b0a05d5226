from django import template

from forms.answers import answer_text as as_text
from forms.answers import word_count
from forms.guidance import section_guidance as guidance_for
from forms.question_html import questions_html

register = template.Library()


@register.simple_tag
def question_fields(rows, *, show_all: bool, entry):
    """A section's questions as form groups (built in Python: see forms/question_html.py)."""
    return questions_html(rows, show_all=show_all, entry=entry)


@register.simple_tag
def section_guidance(page, section):
    """The host page's criteria for the section, or its own guidance (forms/guidance.py)."""
    return guidance_for(page, section)


@register.filter
def words(value) -> int:
    return word_count(value)


@register.filter
def answer_text(value) -> str:
    """An answer as a person reads it in a summary."""
    return as_text(value)
