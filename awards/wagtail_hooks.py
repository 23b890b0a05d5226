from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import category_admin
from .dashboard import EntriesPanel
from .programmes_panel import ProgrammesPanel
from .snippets import Contact, Sponsor


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "user"
    menu_label = "Contacts"
    list_display = [
        "name",
        "role",
        Column("enquiry", label="Answers enquiries about", accessor="get_enquiry_display"),
        "email",
        "phone",
    ]
    list_filter = ["enquiry"]
    search_fields = ["name", "role", "email"]
    # Looked up in the database, not the site search index, which leaves email addresses
    # out (a search for the organisation's domain would list every contact).
    search_backend_name = None
    add_to_admin_menu = True
    menu_order = 300


class SponsorViewSet(SnippetViewSet):
    model = Sponsor
    icon = "pick"
    menu_label = "Sponsors"
    list_display = ["name", "url"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(ContactViewSet)
register_snippet(SponsorViewSet)


@hooks.register("construct_homepage_panels")
def add_entries_panel(request, panels):
    if request.user.has_perm("forms.view_entry"):
        panels.append(EntriesPanel())


@hooks.register("construct_homepage_panels")
def add_programmes_panel(request, panels):
    panels.append(ProgrammesPanel(request))


hooks.register("before_create_page", category_admin.offer_a_start)


@hooks.register("register_admin_urls")
def category_admin_urls():
    return [
        path(
            "categories/start/<int:parent_id>/",
            category_admin.start_category,
            name="awards_start_category",
        ),
        path(
            "categories/<int:page_id>/new-entry-form/",
            category_admin.new_entry_form,
            name="awards_new_entry_form",
        ),
    ]
