"""Template helpers for awards pages: UK times written the GOV.UK way, page descriptions."""

from datetime import date, datetime

from django import template
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

register = template.Library()


def _clock(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    if moment.minute:
        return f"{hour}:{moment.minute:02d}{suffix}"
    return f"{hour}{suffix}"


@register.filter
def uk_date(value: date | datetime | None) -> str:
    """``Wednesday 6 January 2027``: the date in UK time, with no leading zero."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return dateformat.format(value, "l j F Y")


@register.filter
def uk_datetime(value: datetime | None) -> str:
    """``12pm on Wednesday 6 January 2027``: a deadline as GOV.UK writes one, in UK time."""
    if not value:
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{_clock(moment)} on {uk_date(moment)}"


@register.simple_tag
def page_description(page) -> str:
    """What search engines and link previews show: the editor's description, else the summary."""
    if not page:
        return ""
    text = getattr(page, "search_description", "") or getattr(page, "summary", "")
    if not text:
        text = strip_tags(getattr(page, "intro", "") or "")
    return Truncator(" ".join(text.split())).chars(300)
