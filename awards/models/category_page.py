"""An award category: the page that takes entries, with its own contacts."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from forms.embed import EntryFormPreviewModes, entry_panel_for
from publishing.content_version import versioned
from publishing.serving import ServedPage

from ..admin_panels import EntryFormCriteriaPanel, ProgrammeWindowPanel
from ..blocks import RICH_FEATURES, CriteriaStreamBlock, StepsStreamBlock
from ..criteria import criterion_html
from ..eligibility import EligibilityCheck
from ..entry_window import EntryState, EntryWindow
from ..judged_category import JudgedCategory
from ..snippets import ContactLink, Sponsor
from .guidance_page import guidance_for
from .programme_page import ProgrammePage, clean_entry_window, default_contacts


class CategoryPage(EntryFormPreviewModes, JudgedCategory, EligibilityCheck, ServedPage, Page):
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
        help_text=(
            "The form entrants fill in. Several categories may share one. It must be "
            "published: publish a new form under Entry forms first."
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
    collaborator_limit = models.PositiveSmallIntegerField(
        "colleagues per entry",
        default=5,
        help_text=(
            "How many people besides its owner may work on one entry: colleagues and "
            "partners the owner invites. 0: entrants work alone."
        ),
    )
    partner_confirmation_required = models.BooleanField(
        "partner must confirm",
        default=False,
        help_text=(
            "Before an entry is submitted, the partner organisation it names confirms, "
            "from a link we email them, that it describes the partnership accurately."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("context"),
        FieldPanel("who_can_enter"),
        EligibilityCheck.eligibility_panel,
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
                FieldRowPanel(
                    [FieldPanel("collaborator_limit"), FieldPanel("partner_confirmation_required")]
                ),
            ],
            heading="Entries",
        ),
        JudgedCategory.results_panel,
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
        clean_entry_window(self.entries_open_at, self.entries_close_at)
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
