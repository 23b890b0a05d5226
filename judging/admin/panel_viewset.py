"""Panels in the Wagtail admin: the list, the form to create or change one, and delete,
through Wagtail's ModelViewSet; each panel's own page (panel_views) hangs off it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AssignmentMode, Panel, ScoreSheet
from . import panel_views
from .panel_forms import PanelForm


def _categories(panel: Panel) -> str:
    return ", ".join(page.title for page in panel.categories.all()) or "None yet"


def _judges(panel: Panel) -> int:
    return panel.memberships.filter(left_at=None).count()


def _assignment(panel: Panel) -> str:
    if panel.assignment == AssignmentMode.SHARED:
        return f"{panel.judges_per_entry} judges per entry"
    return "Every judge, every entry"


class PanelIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("categories")

    @property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label="Panel",
                url_name="judging_panels:dashboard",
                sort_key="name",
            ),
            Column("categories", label="Categories", accessor=_categories),
            Column("judges", label="Judges", accessor=_judges),
            Column("assignment", label="Assignment", accessor=_assignment),
            Column("blind", label="Blind", accessor=lambda p: "Yes" if p.blind else "No"),
        ]


class BadInputStatus:
    """The form re-shown with its errors answers 400, as every refusal on the site does."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PanelCreateView(BadInputStatus, generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("judging_panels:dashboard", args=[self.object.pk])


class PanelEditView(BadInputStatus, generic.EditView):
    def get_success_url(self):
        return reverse("judging_panels:dashboard", args=[self.object.pk])


class PanelDeleteView(generic.DeleteView):
    """A panel whose judges have written scores is kept: deleting it would delete them."""

    def form_valid(self, form):
        if ScoreSheet.objects.filter(assignment__panel=self.object).exists():
            messages.error(
                self.request,
                f"“{self.object}” has score sheets, so it cannot be deleted: they would go "
                "with it. Remove its judges instead to stop further judging.",
            )
            return redirect("judging_panels:dashboard", self.object.pk)
        return super().form_valid(form)


class PanelViewSet(ModelViewSet):
    model = Panel
    icon = "group"
    menu_label = "Panels"
    name = "judging_panels"
    url_prefix = "judging/panels"
    form_fields = PanelForm.Meta.fields
    index_view_class = PanelIndexView
    add_view_class = PanelCreateView
    edit_view_class = PanelEditView
    delete_view_class = PanelDeleteView
    add_to_admin_menu = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return PanelForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + panel_views.urlpatterns()
