from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EntryForm


class EntryFormViewSet(SnippetViewSet):
    model = EntryForm
    icon = "form"
    menu_label = "Entry forms"
    list_display = ["title", "live", "latest_revision_created_at"]
    search_fields = ["title"]
    add_to_admin_menu = True
    menu_order = 200


register_snippet(EntryFormViewSet)
