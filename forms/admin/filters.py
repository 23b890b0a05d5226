"""Listing filters: status (with reopened drafts apart), category (the page an entry was
made on) and programme (its parent)."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Q
from wagtail.models import Page

from forms.models import Entry, EntryStatus


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
        return queryset.filter(page_id=value) if value and value.isdigit() else queryset


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
        if not (value and value.isdigit()):
            return queryset
        programme = Page.objects.filter(pk=value).first()
        if programme is None:
            return queryset.none()
        return queryset.filter(
            page__path__startswith=programme.path, page__depth=programme.depth + 1
        )
