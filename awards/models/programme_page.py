"""An awards programme: the page, its key dates, contacts and sponsors.

Also what its categories share with it: the check on an entry window's own dates,
and the site's default contacts for a page with none of its own (a category
falls back to its programme's contacts, then to these)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from publishing.restrictions import public
from publishing.serving import ServedPage

from ..blocks import RICH_FEATURES
from ..chrome import chrome_for_request, chrome_for_site
from ..entry_window import EntryState, EntryWindow
from ..judged_category import AnnouncementTimes
from ..site_settings import SiteDefaultContact
from ..snippets import ContactLink, Sponsor
from .guidance_page import guidance_for


def clean_entry_window(opens: datetime | None, closes: datetime | None) -> None:
    """A programme's or a category's own dates: the window must close after it opens."""
    if opens and closes and closes <= opens:
        raise ValidationError(
            {"entries_close_at": "The closing time must be after the opening time."}
        )


class ProgrammePage(AnnouncementTimes, ServedPage, Page):
    """An awards programme (e.g. "HSJ Awards 2024") holding its categories and guidance."""

    intro = RichTextField(blank=True, features=RICH_FEATURES)
    entries_open_at = models.DateTimeField("entries open", null=True, blank=True)
    entries_close_at = models.DateTimeField(
        "entries close", null=True, blank=True, help_text="UK time. The default for every category."
    )
    reminder_days = models.PositiveSmallIntegerField(
        default=7, help_text="Email entrants with unfinished drafts this many days before closing."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("entries_open_at"), FieldPanel("entries_close_at")]),
                FieldPanel("reminder_days"),
            ],
            heading="Entry window",
        ),
        MultiFieldPanel(AnnouncementTimes.announcement_panels, heading="Results"),
        InlinePanel("key_dates", heading="Key dates", label="Key date"),
        InlinePanel("contact_links", heading="Contacts", label="Contact"),
        InlinePanel("sponsor_links", heading="Sponsors", label="Sponsor"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["awards.CategoryPage", "awards.GuidancePage"]

    class Meta:
        verbose_name = "awards programme"

    def clean(self):
        super().clean()
        clean_entry_window(self.entries_open_at, self.entries_close_at)

    @property
    def entry_window(self) -> EntryWindow:
        return EntryWindow(self.entries_open_at, self.entries_close_at)

    @property
    def entry_state(self) -> EntryState:
        return self.entry_window.state()

    def get_context(self, request, *args, **kwargs):
        from ..sponsors import sponsor_strip
        from .category_page import CategoryPage  # which imports this module

        context = super().get_context(request, *args, **kwargs)
        categories = list(
            public(CategoryPage.objects.child_of(self).live()).defer_streamfields().order_by("path")
        )
        for category in categories:
            category.programme = self  # the parent, already loaded
        context["categories"] = categories
        context["guidance_pages"] = guidance_for(self)
        context["key_dates"] = list(self.key_dates.all())
        context["contact_links"] = self.contacts_to_show(request)
        context.update(sponsor_strip(request, [self], categories, context["contact_links"]))
        return context

    def contacts_to_show(self, request=None):
        """The programme's own contacts, or the site's defaults when it has none."""
        links = list(self.contact_links.select_related("contact"))
        return links or default_contacts(self, request)


class KeyDate(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="key_dates")
    label = models.CharField(max_length=120)
    date = models.DateField()

    panels = [FieldPanel("label"), FieldPanel("date")]

    class Meta(Orderable.Meta):
        ordering = ["date", "sort_order"]


class ProgrammeContact(Orderable, ContactLink):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="contact_links")


class ProgrammeSponsor(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="sponsor_links")
    sponsor = models.ForeignKey(Sponsor, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("sponsor")]


def default_contacts(page: Page, request=None) -> list[SiteDefaultContact]:
    """The site's default contacts, for pages with none of their own.

    With a request, the settings object is the one the footer also renders from,
    so the contacts are read once per request.
    """
    if request is not None:
        return chrome_for_request(request).contact_links
    return chrome_for_site(page.get_site()).contact_links
