"""Template helpers for team entries."""

from django import template

from ..team import work_address

register = template.Library()


@register.filter
def work_url(entry) -> str:
    """Where to work on ``entry``: its category page's form, naming the entry when it is
    shared with the person (their own draft there would be shown first)."""
    return work_address(entry)
