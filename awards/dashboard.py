"""Admin home panel: for each open category, drafts and submitted entries and the deadline."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from forms.models import Entry, EntryStatus

from .models import CategoryPage


class EntriesPanel(Component):
    name = "entries_by_category"
    order = 50
    template_name = "awards/admin/entries_panel.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        categories = [
            c
            for c in CategoryPage.objects.live().defer_streamfields().order_by("path")
            if c.entry_state_at(now).accepts_entries
        ]
        counts = {
            row["page_id"]: row
            for row in Entry.objects.filter(page_id__in=[c.pk for c in categories])
            .values("page_id")
            .annotate(
                drafts=Count("pk", filter=Q(status=EntryStatus.DRAFT)),
                submitted=Count("pk", filter=Q(status=EntryStatus.SUBMITTED)),
            )
        }
        rows = [
            {
                "category": category,
                "drafts": counts.get(category.pk, {}).get("drafts", 0),
                "submitted": counts.get(category.pk, {}).get("submitted", 0),
            }
            for category in categories
        ]
        return {"rows": rows}
