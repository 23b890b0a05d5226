"""The Contacts page: who to call or email about what, for the site and each programme."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from publishing.serving import ServedPage

from .blocks import RICH_FEATURES


class ContactsPage(ServedPage, Page):
    """Lists the site's default contacts and every published programme's, grouped by
    the enquiry each answers. The contacts themselves are edited under Contacts and
    attached in Settings › Site settings and on each programme."""

    intro = RichTextField(blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "contacts page"

    def get_context(self, request, *args, **kwargs):
        from .contacts import enquiry_groups

        context = super().get_context(request, *args, **kwargs)
        context["enquiry_groups"] = enquiry_groups(self.path[: -self.steplen], request)
        return context
