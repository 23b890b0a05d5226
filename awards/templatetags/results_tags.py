"""The category page's results: the shortlist and winners, from their announcement times.

The results are rendered once per content version and stage (marking or clearing
a result changes the content version: judging/apps.py), and the stage is worked
out afresh on every request from the clock, so no copy made before an
announcement can show after it, nor the other way round. Before the shortlist's
time the page carries nothing of the results: no markup, no stylesheet.
"""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from judging.results import public_results
from judging.results import results_stage as stage_at
from publishing.content_version import versioned

register = template.Library()


@register.simple_tag
def results_stage(page) -> str | None:
    """ "shortlist", "winners", or None: how much of ``page``'s results is public now."""
    return stage_at(page)


def rendered(page, template_name: str) -> str:
    """``template_name`` with the page's public results now, kept per content version and
    stage; "" before any announcement, or when no result is marked yet."""
    now = timezone.now()
    stage = stage_at(page, now)
    if stage is None:
        return ""

    def render() -> str:
        results = public_results(page, now)
        if results is None or not results.shortlist:
            return ""
        return render_to_string(template_name, {"results": results, "page": page})

    key = f"fragment:{template_name}:{page.pk}:{stage}"
    return mark_safe(versioned(key, render))  # noqa: S308 - a rendered template


@register.simple_tag
def category_results(page) -> str:
    """The results section of ``page`` as the public may see it now, or ""."""
    return rendered(page, "judging/results/category_results.html")


@register.simple_tag
def category_results_notice(page) -> str:
    """Near the top of the page: the results are out, and a link down to them; or ""."""
    return rendered(page, "judging/results/results_notice.html")


@register.simple_tag
def announced_results(categories) -> list[tuple]:
    """(category, stage) for each of ``categories`` whose results are public now, for the
    programme page's "Results" list; the stage names the section to link to."""
    now = timezone.now()
    found = []
    for category in categories:
        stage = stage_at(category, now)
        if stage is not None:
            found.append((category, stage))
    return found
