"""Dates and times written one way, the GOV.UK way, always in UK time (Europe/London).

- a moment: ``5pm on Friday 26 February 2027``, ``5:30pm on ...``, ``midday on ...``
- a date: ``26 February 2027``
- a time of day: ``2:32pm``, ``midday``, ``midnight``

Every template loads these (``{% load uk_dates %}``) instead of giving Django's
``|date`` a format of its own; ``|date:'c'`` stays for machine-readable
attributes such as ``<time datetime="...">``. Python code (admin columns,
JSON answers) imports the same functions. They live in ``publishing``, the app
every other app may import.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone

register = template.Library()

UK = ZoneInfo("Europe/London")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def in_uk(moment: datetime) -> datetime:
    """The moment on UK clocks; a moment without a time zone is taken as UK time already."""
    return moment.astimezone(UK) if timezone.is_aware(moment) else moment


def _day(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def uk_time(value: datetime | None) -> str:
    """``2:32pm``, ``5pm``, ``midday``, ``midnight``: the time of day on UK clocks."""
    if not value:
        return ""
    moment = in_uk(value)
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    if (moment.hour, moment.minute) == (0, 0):
        return "midnight"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}:{moment.minute:02d}{suffix}" if moment.minute else f"{hour}{suffix}"


@register.filter
def uk_date(value: date | datetime | None) -> str:
    """``26 February 2027``: the day, in UK time for a moment, with no leading zero."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = in_uk(value)
    return _day(value)


@register.filter
def uk_datetime(value: datetime | date | None) -> str:
    """``5pm on Friday 26 February 2027``: a deadline or any moment, in UK time."""
    if not value:
        return ""
    if not isinstance(value, datetime):
        return uk_date(value)
    moment = in_uk(value)
    return f"{uk_time(moment)} on {WEEKDAYS[moment.weekday()]} {_day(moment)}"
