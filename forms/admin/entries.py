"""The "Entries" listing, inspect view and exports (wagtail-modeladmin)."""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from wagtail.models import Page
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from forms.exports import csv_response, xlsx_response
from forms.file_access import may_download_files
from forms.models import Entry, EntryStatus
from forms.selectors import entry_view
from publishing.templatetags.uk_dates import uk_datetime

from .filters import (
    CategoryFilter,
    ProgrammeFilter,
    StatusFilter,
    category_named,
    programme_named,
    refusal,
)
from .permissions import EXPORT, MANAGE, VIEW, refuse_without


class EntryPermissionHelper(PermissionHelper):
    """Entries are read-only in the admin; changes go through the staff actions."""

    def user_can_list(self, user):
        return user.has_perm(VIEW)

    def user_can_inspect_obj(self, user, obj):
        return user.has_perm(VIEW)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class EntryIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        if denied := refuse_without(request, VIEW):
            return denied
        if reason := refusal(request.GET):
            return TemplateResponse(
                request,
                "forms/admin/filter_refused.html",
                {"reason": reason, "listing_url": self.url_helper.index_url},
                status=400,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["files_archive"] = self.files_archive()
        return context

    def files_archive(self) -> tuple[str, str] | None:
        """(address, category title) of the filtered category's files as one ZIP
        (entries.html): only with a category filter, for staff who may download files."""
        raw = self.request.GET.get(CategoryFilter.parameter_name, "")
        if not raw or not may_download_files(self.request.user, None):
            return None
        category = category_named(raw)
        if category is None:
            return None
        return reverse("entries_admin_archive", args=[category.pk]), category.title

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if denied := refuse_without(self.request, EXPORT):
            return denied
        # Named from the page the (already checked) filter found, never from the query.
        query = self.request.GET
        filename = "entries-all"
        if category := category_named(query.get(CategoryFilter.parameter_name, "")):
            filename = f"entries-{category.slug}"
        elif programme := programme_named(query.get(ProgrammeFilter.parameter_name, "")):
            filename = f"entries-{programme.slug}"
        if spreadsheet_format == "csv":
            return csv_response(queryset, filename)
        return xlsx_response(queryset, filename)


class EntryInspectView(InspectView):
    def dispatch(self, request, *args, **kwargs):
        return refuse_without(request, VIEW) or super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.instance
        user = self.request.user
        context.update(
            entry=entry,
            view_data=entry_view(entry, all_files=True),
            events=entry.events.select_related("actor"),
            can_manage=user.has_perm(MANAGE),
            can_export=user.has_perm(EXPORT),
            can_download_files=may_download_files(user, entry),
            print_url=reverse("entries_admin_print", args=[entry.pk]),
        )
        return context


def programme_title():
    parent_path = Substr(OuterRef("page__path"), 1, Length(OuterRef("page__path")) - Page.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


class EntryAdmin(ModelAdmin):
    model = Entry
    menu_label = "Entries"
    menu_icon = "form"
    menu_order = 150
    add_to_admin_menu = True
    permission_helper_class = EntryPermissionHelper
    index_view_class = EntryIndexView
    inspect_view_enabled = True
    inspect_view_class = EntryInspectView
    inspect_template_name = "forms/admin/inspect.html"
    index_template_name = "forms/admin/entries.html"
    list_display = [
        "reference_or_draft",
        "entry_title",
        "category",
        "entrant",
        "status_and_time",
    ]
    list_filter = [ProgrammeFilter, CategoryFilter, StatusFilter]
    search_fields = ["reference", "entrant__email", "entrant__organisation", "entrant__last_name"]
    ordering = ["-updated_at"]
    list_per_page = 50
    list_export = ["reference"]  # shows the export buttons; the export itself is ours

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("entrant", "page")
            .annotate(programme_name=programme_title(), page_title=F("page__title"))
        )

    def get_list_export(self, request):
        return self.list_export if request.user.has_perm(EXPORT) else []

    def reference_or_draft(self, entry):
        return entry.reference or "(draft)"

    reference_or_draft.short_description = "Reference"
    reference_or_draft.admin_order_field = "reference"

    def entry_title(self, entry):
        return (
            entry.answers.get("entry_title")
            or entry.answers.get("organisation_name")
            or (entry.entrant.organisation if entry.entrant else "")
            or ""
        )

    entry_title.short_description = "Title or organisation"

    # Five columns rather than eight: at 1280 px the listing, its Inspect button
    # and the filter sidebar all fit. The programme goes under its category, the
    # time of the last save or of the submission under the status.
    def category(self, entry):
        if not entry.programme_name:
            return entry.page_title
        return format_html("{}<br><small>{}</small>", entry.page_title, entry.programme_name)

    category.admin_order_field = "page__title"

    def status_and_time(self, entry):
        label = entry.status_label  # "Reopened" for a draft staff sent back
        if entry.status == EntryStatus.SUBMITTED and entry.submitted_at:
            return format_html("{}<br><small>{}</small>", label, uk_datetime(entry.submitted_at))
        return format_html("{}<br><small>saved {}</small>", label, uk_datetime(entry.updated_at))

    status_and_time.short_description = "Status"
    status_and_time.admin_order_field = "updated_at"


__all__ = ["EntryAdmin", "EntryStatus"]
