"""The sponsor strip: a programme's sponsors and its categories', each once."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Page

from .contacts import sponsorship_contact
from .models import ProgrammeSponsor
from .snippets import Sponsor


def sponsors_of(programmes: Iterable[Page], categories: Iterable[Page]) -> list[Sponsor]:
    """The sponsors of ``programmes`` (in their editors' order), then those of
    ``categories`` (pages already loaded, in the order given), each sponsor once.

    Two queries whatever the number of pages: the programmes' sponsor rows, then
    the sponsors with their logos and the logos' renditions.
    """
    programme_ids = [programme.pk for programme in programmes]
    ids = list(
        ProgrammeSponsor.objects.filter(page_id__in=programme_ids)
        .order_by("page__path", "sort_order", "pk")
        .values_list("sponsor_id", flat=True)
    )
    ids += [category.sponsor_id for category in categories if category.sponsor_id]
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    found = Sponsor.objects.filter(pk__in=unique).select_related("logo")
    by_id = {sponsor.pk: sponsor for sponsor in found.prefetch_related("logo__renditions")}
    return [by_id[pk] for pk in unique if pk in by_id]


def sponsor_strip(request, programmes: list[Page], categories: list[Page], links=()) -> dict:
    """The sponsor strip's context (includes/sponsor_strip.html): the sponsors of
    ``programmes`` and ``categories``, each once, and who to ask about sponsoring,
    from the contacts the page shows (``links``) or the site's."""
    return {
        "sponsors": sponsors_of(programmes, categories),
        "sponsorship_contact": sponsorship_contact(request, links),
    }
