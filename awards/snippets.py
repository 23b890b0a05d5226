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


class Contact(index.Indexed, models.Model):
    """Someone visitors can call or email about the awards."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True, help_text="As it should be shown.")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name

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
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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
    def enquiry_label(self) -> str:
        return self.enquiry_text or self.get_enquiry_display()
