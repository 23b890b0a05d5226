from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: a welcome, then each programme with its open categories."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["awards.ProgrammePage", "awards.GuidancePage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from awards.models import guidance_for

        from .programmes import programme_summaries

        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = programme_summaries(self)
        context["guidance_pages"] = guidance_for(self)
        return context
