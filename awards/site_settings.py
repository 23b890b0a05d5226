"""Per-site settings editors change in Settings › Site settings."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .snippets import ContactLink

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour such as #c2185b.")


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    site_name = models.CharField(max_length=120, default="Awards")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accent_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[hex_colour],
        help_text="Calls to action. Must contrast with white text (4.5:1).",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("logo"), FieldPanel("accent_colour")],
            heading="Branding",
        ),
        InlinePanel("default_contacts", heading="Default contacts", label="Contact"),
        InlinePanel("footer_links", heading="Footer links", label="Link"),
    ]

    class Meta:
        verbose_name = "site settings"

    @cached_property
    def contact_links(self) -> list["SiteDefaultContact"]:
        """The default contacts with their people, read in one query and kept with the settings.

        Wagtail keeps one settings object per request, so pages without contacts
        of their own and the footer share this list.
        """
        return list(self.default_contacts.select_related("contact"))


class SiteDefaultContact(Orderable, ContactLink):
    setting = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="default_contacts")


class FooterLink(Orderable):
    setting = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    title = models.CharField(max_length=80)
    url = models.CharField(max_length=255, help_text="A full address or a path such as /privacy/.")

    panels = [FieldPanel("title"), FieldPanel("url")]
