"""Awards content: programmes, their categories and guidance."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from forms.embed import EntryFormPreviewModes, entry_panel_for
from publishing.content_version import versioned
from publishing.restrictions import public
from publishing.serving import ServedPage

from .admin_panels import EntryFormCriteriaPanel, ProgrammeWindowPanel
from .blocks import RICH_FEATURES, CriteriaStreamBlock, GuidanceStreamBlock, StepsStreamBlock
from .chrome import chrome_for_request, chrome_for_site
from .contacts_page import ContactsPage
from .criteria import criterion_html
from .entry_window import EntryState, EntryWindow
from .site_settings import FooterLink, SiteDefaultContact, SiteSettings
from .snippets import Contact, ContactLink, Sponsor

__all__ = [
    "CategoryPage",
    "Contact",
    "ContactsPage",
    "FooterLink",
    "GuidancePage",
    "ProgrammePage",
    "SiteDefaultContact",
    "SiteSettings",
    "Sponsor",
]


def _clean_window(opens: datetime | None, closes: datetime | None) -> None:
    if opens and closes and closes <= opens:
        raise ValidationError(
            {"entries_close_at": "The closing time must be after the opening time."}
        )


class ProgrammePage(ServedPage, Page):
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
        _clean_window(self.entries_open_at, self.entries_close_at)

    @property
    def entry_window(self) -> EntryWindow:
        return EntryWindow(self.entries_open_at, self.entries_close_at)

    @property
    def entry_state(self) -> EntryState:
        return self.entry_window.state()

    def get_context(self, request, *args, **kwargs):
        from .sponsors import sponsor_strip

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


class CategoryPage(EntryFormPreviewModes, ServedPage, Page):
    """One award category: what it recognises, who may enter, the criteria, and the entry form.

    It owns its entry window: its own dates when set, otherwise the programme's,
    and an editor's switch closes it at once whatever the dates say.
    """

    summary = models.CharField(max_length=255, help_text="One line, shown on cards.")
    context = RichTextField(
        blank=True, features=RICH_FEATURES, help_text="What the award is about."
    )
    who_can_enter = RichTextField(blank=True, features=RICH_FEATURES)
    how_to_apply = StreamField(StepsStreamBlock(), blank=True)
    criteria = StreamField(CriteriaStreamBlock(), blank=True)
    sponsor = models.ForeignKey(
        Sponsor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entries_open_at = models.DateTimeField(
        "entries open", null=True, blank=True, help_text="Leave empty to use the programme's."
    )
    entries_close_at = models.DateTimeField(
        "entries close",
        null=True,
        blank=True,
        help_text="UK time. Leave empty to use the programme's.",
    )
    entries_closed = models.BooleanField(
        "close entries now",
        default=False,
        help_text="Refuse new saves and submissions whatever the dates.",
    )
    entry_form = models.ForeignKey(
        "forms.EntryForm",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"live": True},
        help_text=(
            "The form entrants fill in. Several categories may share one. Only published "
            "forms are offered: publish a new form under Entry forms first."
        ),
    )
    entries_per_account = models.PositiveSmallIntegerField(
        default=1, help_text="How many entries one account may make in this category."
    )
    reference_code = models.CharField(
        max_length=8,
        blank=True,
        help_text="Starts each entry reference, e.g. PRA gives PRA-2024-0042. Initials if empty.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("context"),
        FieldPanel("who_can_enter"),
        FieldPanel("how_to_apply"),
        FieldPanel("criteria"),
        InlinePanel("contact_links", heading="Contacts", label="Contact"),
        FieldPanel("sponsor"),
        MultiFieldPanel(
            [
                ProgrammeWindowPanel(),
                FieldRowPanel([FieldPanel("entries_open_at"), FieldPanel("entries_close_at")]),
                FieldPanel("entries_closed"),
                FieldPanel("entry_form"),
                EntryFormCriteriaPanel(),
                FieldPanel("entries_per_account"),
                FieldPanel("reference_code"),
            ],
            heading="Entries",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("who_can_enter"),
        index.SearchField("criteria"),
    ]

    parent_page_types = ["awards.ProgrammePage"]
    subpage_types: list[str] = []
    serve_select_related = ("sponsor__logo",)
    # A copy starts with the programme's entry window, open, and its own references.
    exclude_fields_in_copy = [
        "entries_open_at",
        "entries_close_at",
        "entries_closed",
        "reference_code",
    ]

    class Meta:
        verbose_name = "award category"
        verbose_name_plural = "award categories"

    def clean(self):
        super().clean()
        _clean_window(self.entries_open_at, self.entries_close_at)
        if self.entry_form is not None and not self.entry_form.live:
            raise ValidationError(
                {
                    "entry_form": (
                        f"“{self.entry_form}” is not published, so entrants could not "
                        "see it. Publish it under Entry forms, then choose it here."
                    )
                }
            )

    @cached_property
    def programme(self) -> "ProgrammePage | None":
        """The parent programme, read once per request when something shows it."""
        return ProgrammePage.objects.filter(path=self.path[: -self.steplen]).first()

    @cached_property
    def programme_window(self) -> tuple[datetime | None, datetime | None, int]:
        """The programme's entry window and reminder days, as plain values kept per content
        version: every autosave asks for the deadline, without loading the programme.
        Read once per page object (each request loads its own)."""
        if "programme" in self.__dict__:  # already loaded for this request
            programme = self.programme
            return (
                (programme.entries_open_at, programme.entries_close_at, programme.reminder_days)
                if programme
                else (None, None, 7)
            )
        parent_path = self.path[: -self.steplen]
        return versioned(
            f"programme-window:{parent_path}",
            lambda: (
                ProgrammePage.objects.filter(path=parent_path)
                .values_list("entries_open_at", "entries_close_at", "reminder_days")
                .first()
                or (None, None, 7)
            ),
        )

    @property
    def entry_window(self) -> EntryWindow:
        programme_opens, programme_closes, _days = self.programme_window
        opens = self.entries_open_at or programme_opens
        closes = self.entries_close_at or programme_closes
        return EntryWindow(opens, closes, closed_by_switch=self.entries_closed)

    def entry_state_at(self, now: datetime | None = None) -> EntryState:
        return self.entry_window.state(now or timezone.now())

    @property
    def entry_state(self) -> EntryState:
        return self.entry_state_at()

    @property
    def deadline(self) -> datetime | None:
        return self.entry_window.closes

    # The entry-host interface the forms app relies on (see forms/hosting.py).

    def accepts_entries(self, now: datetime | None = None) -> bool:
        return self.entry_state_at(now).accepts_entries

    @property
    def reminder_days(self) -> int:
        return self.programme_window[2]

    def entry_reference_prefix(self) -> str:
        code = self.reference_code or "".join(w[0] for w in self.title.split() if w[:1].isalpha())
        year = (
            self.deadline.astimezone(timezone.get_current_timezone()).year
            if self.deadline
            else timezone.localdate().year
        )
        return f"{code.upper()[:8]}-{year}"

    def criteria_for(self, name: str) -> str | None:
        """This category's criteria headed ``name``, for the form section that answers them."""
        return criterion_html(self.criteria, name)

    def contacts_to_show(self, request=None):
        """The category's own contacts, else its programme's, else the site's defaults."""
        links = list(self.contact_links.select_related("contact"))
        if links:
            return links
        if self.programme is not None:
            return self.programme.contacts_to_show(request)
        return default_contacts(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_state"] = self.entry_state
        # Read only when a cached fragment of the template is missing (category_page.html).
        context["contact_links"] = SimpleLazyObject(lambda: self.contacts_to_show(request))
        context["guidance_pages"] = SimpleLazyObject(lambda: guidance_for(self))
        context["programme"] = SimpleLazyObject(lambda: self.programme)
        context["entry_panel"] = entry_panel_for(request, self)
        return context


class CategoryContact(Orderable, ContactLink):
    page = ParentalKey(CategoryPage, on_delete=models.CASCADE, related_name="contact_links")


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


def default_contacts(page: Page, request=None) -> list[SiteDefaultContact]:
    """The site's default contacts, for pages with none of their own.

    With a request, the settings object is the one the footer also renders from,
    so the contacts are read once per request.
    """
    if request is not None:
        return chrome_for_request(request).contact_links
    return chrome_for_site(page.get_site()).contact_links


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
