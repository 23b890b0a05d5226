"""Admin home panel: each programme, its entry window, and "Add category" in one click."""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.admin.ui.components import Component

from .category_admin import add_category_url
from .models import CategoryPage, ProgrammePage


class ProgrammesPanel(Component):
    name = "programmes"
    order = 40
    template_name = "awards/admin/programmes_panel.html"

    def __init__(self, request):
        self.request = request

    @cached_property
    def rows(self) -> list[dict]:
        """The programmes this person may add categories to, in tree order."""
        return [
            {
                "programme": programme,
                "categories": CategoryPage.objects.child_of(programme).count(),
                "add_url": add_category_url(programme),
            }
            for programme in ProgrammePage.objects.order_by("path")
            if programme.permissions_for_user(self.request.user).can_add_subpage()
        ]

    def get_context_data(self, parent_context):
        return {"rows": self.rows}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.rows else ""
