"""Listing filters: status (with reopened drafts apart), category (the page an entry was
made on) and programme (its parent); and the check that a link's filters are ones the
listing offers (``refusal``)."""

from __future__ import annotations

from django.contrib.admin import SimpleListFilter
from django.db.models import Q
from django.http import QueryDict
from wagtail.models import Page

from forms.hosting import as_host
from forms.models import Entry, EntryStatus

# The "status" field filter's parameter, and the plain lookup links have long used.
STATUS_PARAMETERS = frozenset({"status__exact", "status"})
# The statuses the status filter offers: the model's, and reopened drafts apart.
STATUS_VALUES = frozenset({*EntryStatus.values, "reopened"})
# Search, ordering, page, the error flag and the export format: wagtail-modeladmin's own.
LISTING_PARAMETERS = frozenset({"q", "o", "ot", "p", "e", "export"})


def _page_id(raw: str) -> int | None:
    if raw.isascii() and raw.isdigit() and len(raw) <= 18:
        return int(raw)
    return None


def category_named(raw: str) -> Page | None:
    """The page a ``category`` value names, if it is the id of a page taking entries."""
    page_id = _page_id(raw)
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    return page if page is not None and as_host(page) is not None else None


def programme_named(raw: str) -> Page | None:
    """The page a ``programme`` value names, if it is the id of a page below the root."""
    page_id = _page_id(raw)
    return Page.objects.filter(pk=page_id, depth__gt=1).first() if page_id else None


class StatusFilter(SimpleListFilter):
    """Draft, reopened, submitted or withdrawn.

    A reopened entry is a draft that keeps the reference its first submit gave it,
    so "Draft" lists only entries never submitted, and "Reopened" those staff sent
    back that are not yet submitted again. The parameter is the one Django's own
    status filter used, so links and bookmarks to the listing keep working.
    """

    title = "status"
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [
            (EntryStatus.DRAFT.value, "Draft"),
            ("reopened", "Reopened"),
            (EntryStatus.SUBMITTED.value, "Submitted"),
            (EntryStatus.WITHDRAWN.value, "Withdrawn"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        no_reference = Q(reference__isnull=True) | Q(reference="")
        if value == EntryStatus.DRAFT:
            return queryset.filter(no_reference, status=EntryStatus.DRAFT)
        if value == "reopened":
            return queryset.filter(status=EntryStatus.DRAFT).exclude(no_reference)
        if value in (EntryStatus.SUBMITTED, EntryStatus.WITHDRAWN):
            return queryset.filter(status=value)
        return queryset


class CategoryFilter(SimpleListFilter):
    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        ids = Entry.objects.values("page_id").distinct()
        return [(str(p.pk), p.title) for p in Page.objects.filter(pk__in=ids).order_by("title")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        # Never "every entry" for a value that names no category.
        page_id = _page_id(value)
        return queryset.filter(page_id=page_id) if page_id else queryset.none()


class ProgrammeFilter(SimpleListFilter):
    title = "programme"
    parameter_name = "programme"

    def lookups(self, request, model_admin):
        paths = Page.objects.filter(pk__in=Entry.objects.values("page_id")).values_list(
            "path", flat=True
        )
        parent_paths = {path[: -Page.steplen] for path in paths}
        return [
            (str(p.pk), p.title)
            for p in Page.objects.filter(path__in=parent_paths).order_by("title")
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        programme = programme_named(value)
        if programme is None:
            return queryset.none()
        return queryset.filter(
            page__path__startswith=programme.path, page__depth=programme.depth + 1
        )


def refusal(query: QueryDict) -> str | None:
    """Why the Entries listing cannot apply a link's query, or None when it can.

    wagtail-modeladmin applies any parameter it does not know as a database lookup
    (``entrant__password__startswith=...``), and our filters would otherwise pass over
    a value they cannot use, listing or exporting every entry. Only the listing's own
    parameters and filters are accepted, each with a value that names something real.
    """
    named = {
        CategoryFilter.parameter_name: (category_named, "a category that takes entries"),
        ProgrammeFilter.parameter_name: (programme_named, "a programme"),
    }
    for key, values in query.lists():
        if key in LISTING_PARAMETERS:
            continue
        if key in STATUS_PARAMETERS:
            if any(value and value not in STATUS_VALUES for value in values):
                return "The link asked for entries with a status there is no filter for."
        elif key in named:
            find, what = named[key]
            if any(value and find(value) is None for value in values):
                return f"The link's {key} filter does not name {what}."
        else:
            return "The link asked for a filter the Entries listing does not offer."
    return None
