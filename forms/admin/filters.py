"""Listing filters by category (the page an entry was made on) and programme (its parent)."""

from django.contrib.admin import SimpleListFilter
from wagtail.models import Page

from forms.models import Entry


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
