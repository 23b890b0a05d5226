"""Which parts of the site have view restrictions, read once per content version.

Wagtail asks the database on every page view (the page's ancestors, then their
restrictions), and again for every ``.public()`` listing. Restrictions are
rare and change only when an editor sets one, which changes the content
version, so the set of restricted paths is kept in the cache instead.
"""

from __future__ import annotations

from wagtail.models import PageViewRestriction

from .content_version import versioned


def restricted_paths() -> tuple[str, ...]:
    return versioned(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_restricted(page) -> bool:
    """Whether the page, or a page above it, has a view restriction."""
    return any(page.path.startswith(path) for path in restricted_paths())


def public(queryset):
    """``queryset.public()`` without asking the database for the restrictions."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
