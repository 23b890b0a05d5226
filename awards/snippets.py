"""People and organisations shown on programme and category pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

ENQUIRY_CHOICES = [
    ("entries", "Entries, attendance and sponsorship enquiries"),
    ("media", "Media and marketing"),
    ("judging", "Judging and event management"),
    ("general", "General enquiries"),
]
SPONSORSHIP = "entries"  # the enquiry that answers "how do we become a sponsor?"

# Words people search with that the labels above do not contain: site search finds a
# contact by the enquiry they answer (e.g. "press" finds the media contact).
ENQUIRY_SEARCH_WORDS = {
    "entries": "entry entries enter attend attendance tables tickets sponsor sponsors sponsorship",
    "media": "media press journalist journalists marketing publicity",
    "judging": "judge judges judging event events",
    "general": "general",
}


class Contact(index.Indexed, models.Model):
    """Someone visitors can call or email about the awards."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True, help_text="As it should be shown.")
    enquiry = models.CharField(
        "answers enquiries about",
        max_length=20,
        choices=ENQUIRY_CHOICES,
        blank=True,
        help_text=(
            "What visitors should contact them about, unless a page says otherwise. "
            "Site search finds them by it."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("enquiry"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("enquiry_search_text"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name

    def enquiry_search_text(self) -> str:
        """The enquiry's label and the words people use for it, for site search."""
        if not self.enquiry:
            return ""
        return f"{self.get_enquiry_display()} {ENQUIRY_SEARCH_WORDS.get(self.enquiry, '')}"

    @property
    def phone_href(self) -> str:
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+44" + digits[1:]
        return f"tel:{digits}"


class Sponsor(index.Indexed, models.Model):
    """An organisation that sponsors a programme or a category."""

    name = models.CharField(max_length=160)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField("link", blank=True)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("search_kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def search_kind(self) -> str:
        # So that searching for "sponsors" or "sponsorship" lists them all.
        return "sponsor sponsors sponsorship"


class ContactLink(models.Model):
    """A contact attached to a page (or the site) with the enquiry they answer."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    enquiry = models.CharField(max_length=20, choices=ENQUIRY_CHOICES, blank=True)
    enquiry_text = models.CharField(
        "other enquiry", max_length=160, blank=True, help_text="Used instead of the choice above."
    )

    panels = [FieldPanel("contact"), FieldPanel("enquiry"), FieldPanel("enquiry_text")]

    class Meta:
        abstract = True

    @property
    def enquiry_key(self) -> str:
        """The enquiry this link answers: its own choice, else the contact's own (unless
        the link names another enquiry in words)."""
        if self.enquiry or self.enquiry_text:
            return self.enquiry
        return self.contact.enquiry

    @property
    def enquiry_label(self) -> str:
        return self.enquiry_text or dict(ENQUIRY_CHOICES).get(self.enquiry_key, "")
