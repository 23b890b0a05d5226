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


@register.simple_tag
def category_results(page) -> str:
    """The results section of ``page`` as the public may see it now, or ""."""
    now = timezone.now()
    stage = stage_at(page, now)
    if stage is None:
        return ""

    def render() -> str:
        results = public_results(page, now)
        if results is None or not results.shortlist:
            return ""
        return render_to_string(
            "judging/results/category_results.html", {"results": results, "page": page}
        )

    return mark_safe(versioned(f"fragment:category_results:{page.pk}:{stage}", render))  # noqa: S308
