"""Who answers which enquiry: the Contacts page's groups and the sponsorship contact."""

from __future__ import annotations

from dataclasses import dataclass, field

from publishing.restrictions import public

from .chrome import chrome_for_request
from .models import ProgrammeContact, ProgrammePage
from .site_settings import SiteSettings
from .snippets import ENQUIRY_CHOICES, SPONSORSHIP, Contact, ContactLink

GENERAL = "general"


@dataclass
class Listed:
    """A contact on the Contacts page, with the programmes they answer for
    (none: the whole site)."""

    contact: Contact
    programmes: list[ProgrammePage] = field(default_factory=list)
    site_wide: bool = False

    @property
    def note(self) -> str:
        """``For HSJ Awards 2024``: the programmes they answer for, if not the whole site."""
        if self.site_wide or not self.programmes:
            return ""
        return "For " + ", ".join(programme.title for programme in self.programmes)


@dataclass
class EnquiryGroup:
    key: str
    label: str
    people: list[Listed] = field(default_factory=list)


def _group_key(link: ContactLink) -> str:
    if link.enquiry_key:
        return link.enquiry_key
    if link.enquiry_text:
        return "text:" + " ".join(link.enquiry_text.lower().split())
    return GENERAL


def enquiry_groups(root_path: str, request) -> list[EnquiryGroup]:
    """The site's default contacts and those of each published programme below
    ``root_path``, grouped by enquiry: the fixed enquiries in their order, then any
    an editor named in words. A person appears once in a group, with the programmes
    they answer for, or for all of them when they are one of the site's defaults."""
    site_links = SiteSettings.for_request(request).contact_links
    programmes = public(ProgrammePage.objects.live().filter(path__startswith=root_path))
    programme_links = (
        ProgrammeContact.objects.filter(page__in=programmes)
        .select_related("contact", "page")
        .order_by("page__path", "sort_order")
    )
    labels = dict(ENQUIRY_CHOICES)
    groups: dict[str, EnquiryGroup] = {
        key: EnquiryGroup(key, label) for key, label in ENQUIRY_CHOICES
    }
    listed: dict[tuple[str, int], Listed] = {}
    for link, programme in [(link, None) for link in site_links] + [
        (link, link.page) for link in programme_links
    ]:
        key = _group_key(link)
        group = groups.setdefault(key, EnquiryGroup(key, link.enquiry_label or labels[GENERAL]))
        person = listed.get((key, link.contact_id))
        if person is None:
            person = listed[(key, link.contact_id)] = Listed(link.contact)
            group.people.append(person)
        if programme is None:
            person.site_wide, person.programmes = True, []
        elif not person.site_wide and programme not in person.programmes:
            person.programmes.append(programme)
    return [group for group in groups.values() if group.people]


def sponsorship_contact(request, links=()) -> object | None:
    """Who to ask about sponsoring: the first of ``links`` (a page's contacts) answering
    sponsorship enquiries, else the first of the site's default contacts who does, else
    any contact who answers them. A ``Contact`` or, from the site's defaults, its
    ``ContactDetails``: either has a name, role, email, phone and ``phone_href``."""
    for link in [*links, *chrome_for_request(request).contact_links]:
        if getattr(link, "enquiry_key", "") == SPONSORSHIP:
            return link.contact
    return Contact.objects.filter(enquiry=SPONSORSHIP).first()
