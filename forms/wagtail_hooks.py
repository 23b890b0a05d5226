from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from .admin import views as admin_views
from .admin.entries import EntryAdmin
from .admin.form_editor import EntryFormEditView
from .models import EntryForm


class EntryFormViewSet(SnippetViewSet):
    model = EntryForm
    icon = "form"
    menu_label = "Entry forms"
    list_display = ["title", LiveStatusTagColumn(), UpdatedAtColumn()]
    search_fields = ["title"]
    add_to_admin_menu = True
    menu_order = 200
    edit_view_class = EntryFormEditView


register_snippet(EntryFormViewSet)
modeladmin_register(EntryAdmin)


@hooks.register("register_admin_urls")
def entries_admin_urls():
    return [
        path("entries/<int:pk>/print/", admin_views.print_entry, name="entries_admin_print"),
        *[
            path(
                f"entries/<int:pk>/{action}/",
                admin_views.entry_action,
                {"action": action},
                name=f"entries_admin_{action}",
            )
            for action in admin_views.ACTIONS
        ],
        path("entries/files/<str:file_id>/", admin_views.download_file, name="entries_admin_file"),
        path(
            "entries/archive/<int:page_id>/",
            admin_views.files_archive,
            name="entries_admin_archive",
        ),
    ]
