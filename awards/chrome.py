"""The site's header and footer (name, logo, accent colour, footer links, default
contacts, the Contacts page's address), read from the site settings once per content version.

Wagtail reads the settings row on every request, then the footer links and
the default contacts: three queries on every page for content that changes
when an editor saves the settings, which changes the content version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Site

from publishing.content_version import versioned
from publishing.restrictions import public
from publishing.routing import site_id_for_request

from .contacts_page import ContactsPage
from .site_settings import SiteDefaultContact, SiteSettings


@dataclass(frozen=True)
class Logo:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class ContactDetails:
    name: str
    role: str
    email: str
    phone: str
    phone_href: str


@dataclass(frozen=True)
class ContactCard:
    """A default contact as templates show it (includes/contact_cards.html): plain values,
    safe to share between requests, unlike the model rows they are read from."""

    enquiry_label: str
    contact: ContactDetails
    enquiry_key: str = ""

    @classmethod
    def from_link(cls, link: SiteDefaultContact) -> ContactCard:
        c = link.contact
        details = ContactDetails(c.name, c.role, c.email, c.phone, c.phone_href if c.phone else "")
        return cls(link.enquiry_label, details, link.enquiry_key)


@dataclass(frozen=True)
class SiteChrome:
    site_id: int | None = None
    site_name: str = "Awards"
    accent_colour: str = ""
    logo: Logo | None = None
    footer_links: tuple[tuple[str, str], ...] = ()
    contact_links: tuple[ContactCard, ...] = field(default_factory=tuple)
    contacts_url: str = ""  # the site's Contacts page, linked from the header


def _build(site: Site) -> SiteChrome:
    site_settings = SiteSettings.for_site(site)
    logo = None
    if site_settings.logo_id:
        rendition = site_settings.logo.get_rendition("height-48")
        logo = Logo(rendition.url, rendition.width, rendition.height)
    return SiteChrome(
        site_id=site.pk,
        site_name=site_settings.site_name or "Awards",
        accent_colour=site_settings.accent_colour,
        logo=logo,
        footer_links=tuple((link.title, link.url) for link in site_settings.footer_links.all()),
        contact_links=tuple(ContactCard.from_link(link) for link in site_settings.contact_links),
        contacts_url=_contacts_url(site),
    )


def _contacts_url(site: Site) -> str:
    root = site.root_page
    contacts_page = (
        public(ContactsPage.objects.live().filter(path__startswith=root.path))
        .order_by("path")
        .first()
    )
    return contacts_page.relative_url(site) if contacts_page else ""


def chrome_for_site(site: Site | None) -> SiteChrome:
    return chrome_for_site_id(site.pk if site is not None else None)


def chrome_for_site_id(site_id: int | None) -> SiteChrome:
    if site_id is None:
        return SiteChrome()
    return versioned(f"chrome:{site_id}", lambda: _build(Site.objects.get(pk=site_id)))


def chrome_for_request(request) -> SiteChrome:
    if not hasattr(request, "site_chrome"):
        request.site_chrome = chrome_for_site_id(site_id_for_request(request))
    return request.site_chrome
