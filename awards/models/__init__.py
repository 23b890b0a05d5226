"""Awards content: programmes, their categories and guidance.

One module a page type (with the rows that belong to it); the snippets, the
site settings and the Contacts page keep their own modules beside this package.
Every model is imported here, so ``awards.models`` names them all as before.
"""

from ..contacts_page import ContactsPage
from ..site_settings import FooterLink, SiteDefaultContact, SiteSettings
from ..snippets import Contact, ContactLink, Sponsor
from .category_page import CategoryContact, CategoryPage
from .guidance_page import GuidancePage, guidance_for
from .programme_page import (
    KeyDate,
    ProgrammeContact,
    ProgrammePage,
    ProgrammeSponsor,
    default_contacts,
)

__all__ = [
    "CategoryContact",
    "CategoryPage",
    "Contact",
    "ContactLink",
    "ContactsPage",
    "FooterLink",
    "GuidancePage",
    "KeyDate",
    "ProgrammeContact",
    "ProgrammePage",
    "ProgrammeSponsor",
    "SiteDefaultContact",
    "SiteSettings",
    "Sponsor",
    "default_contacts",
    "guidance_for",
]
