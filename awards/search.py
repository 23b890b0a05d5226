"""Site search over the people and sponsors: contacts by name, role or the enquiry they
answer ("press" finds the media contact), sponsors by name or by "sponsor"."""

from __future__ import annotations

from wagtail.search.backends import get_search_backend

from publishing.restrictions import public

from .models import CategoryPage, ProgrammePage, ProgrammeSponsor
from .snippets import Contact, Sponsor

LIMIT = 12


def find_contacts(terms: str) -> list[Contact]:
    if not terms:
        return []
    return list(get_search_backend().search(terms, Contact, operator="and")[:LIMIT])


def find_sponsors(terms: str) -> list[tuple[Sponsor, list[ProgrammePage | CategoryPage]]]:
    """The sponsors found, each with the published programmes and categories it sponsors."""
    if not terms:
        return []
    found = get_search_backend().search(
        terms, Sponsor.objects.select_related("logo"), operator="and"
    )
    sponsors = list(found[:LIMIT])
    pages = _sponsored_pages([sponsor.pk for sponsor in sponsors])
    return [(sponsor, pages[sponsor.pk]) for sponsor in sponsors]


def _sponsored_pages(ids: list[int]) -> dict[int, list[ProgrammePage | CategoryPage]]:
    pages: dict[int, list] = {pk: [] for pk in ids}
    if not ids:
        return pages
    programme_rows = ProgrammeSponsor.objects.filter(
        sponsor_id__in=ids, page__in=public(ProgrammePage.objects.live())
    ).select_related("page")
    for row in programme_rows.order_by("page__path"):
        pages[row.sponsor_id].append(row.page)
    categories = public(CategoryPage.objects.live().filter(sponsor_id__in=ids))
    for category in categories.defer_streamfields().order_by("path"):
        pages[category.sponsor_id].append(category)
    return pages
