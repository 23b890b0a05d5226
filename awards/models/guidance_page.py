"""Guidance pages, and which of them a page shows beside it."""

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from publishing.restrictions import public
from publishing.serving import ServedPage

from ..blocks import GuidanceStreamBlock


class GuidancePage(ServedPage, Page):
    """Free guidance content: how to enter, judging, FAQs."""

    summary = models.CharField(max_length=255, blank=True)
    body = StreamField(GuidanceStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "awards.ProgrammePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "guidance page"


def guidance_for(page: Page) -> list[GuidancePage]:
    """Guidance published beside a page or above it: the programme's own, then the site's.

    One query, whatever the depth: guidance pages are children of the home page
    or of a programme, so each ancestor from the home page down may hold some.
    """
    steplen = page.steplen
    nearby = Q(pk__in=[])
    for depth in range(2, page.depth + 1):
        ancestor_path = page.path[: depth * steplen]
        nearby |= Q(path__startswith=ancestor_path, depth=depth + 1)
    guides = public(GuidancePage.objects.live().filter(nearby)).defer_streamfields()
    # Deeper first (the programme's own guidance before the site's), in tree order.
    return sorted(guides, key=lambda guide: (-guide.depth, guide.path))
