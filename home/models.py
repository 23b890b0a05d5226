from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from publishing.routing import route_below
from publishing.serving import ServedPage


class HomePage(ServedPage, Page):
    """The front page: a welcome, each programme with its open categories, then the sponsors."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["awards.ProgrammePage", "awards.GuidancePage", "awards.ContactsPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        # A page below the home page is found by its URL path, not level by level.
        if path_components:
            result = route_below(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from awards.models import guidance_for
        from awards.sponsors import sponsor_strip

        from .programmes import programme_summaries

        context = super().get_context(request, *args, **kwargs)
        summaries = programme_summaries(self)
        context["programmes"] = summaries
        context["guidance_pages"] = guidance_for(self)
        categories = [c for s in summaries for c in s.open_categories + s.other_categories]
        context.update(sponsor_strip(request, [s.page for s in summaries], categories))
        return context
