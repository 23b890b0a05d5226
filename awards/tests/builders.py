"""Small builders for awards pages, shared by every app's tests."""

from datetime import datetime, timedelta
from io import BytesIO, StringIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.models.i18n import get_supported_content_language_variant

from awards.models import (
    CategoryPage,
    Contact,
    GuidancePage,
    ProgrammePage,
    SiteDefaultContact,
    SiteSettings,
    Sponsor,
)
from home.models import HomePage


def build_home() -> HomePage:
    """A home page as the default site's root, whatever state the tree is in."""
    home = HomePage.objects.first()
    if home:
        return home
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Locale.objects.exists():
        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="Test Awards", slug="home"))
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    SiteSettings.for_site(site)  # a running site has its settings row
    return home


def build_programme(home: HomePage | None = None, **fields) -> ProgrammePage:
    home = home or build_home()
    now = timezone.now()
    fields.setdefault("title", "Test Awards 2024")
    fields.setdefault("entries_open_at", now - timedelta(days=10))
    fields.setdefault("entries_close_at", now + timedelta(days=30))
    programme = home.add_child(instance=ProgrammePage(**fields))
    return programme


def build_category(
    programme: ProgrammePage | None = None,
    *,
    sections: int = 2,
    closes: datetime | None = None,
    **fields,
) -> CategoryPage:
    programme = programme or build_programme()
    fields.setdefault("title", "Performance Recovery Award")
    fields.setdefault("summary", "For teams restoring services.")
    fields.setdefault("reference_code", "PRA")
    fields.setdefault(
        "criteria",
        [
            ("section", {"heading": f"Section {n}", "text": "", "points": [f"Point {n}.1"]})
            for n in range(1, sections + 1)
        ],
    )
    if closes is not None:
        fields["entries_close_at"] = closes
    return programme.add_child(instance=CategoryPage(**fields))


def build_guidance(parent: Page | None = None, **fields) -> GuidancePage:
    parent = parent or build_home()
    fields.setdefault("title", "How to enter")
    fields.setdefault("body", [("heading", "Before you start")])
    return parent.add_child(instance=GuidancePage(**fields))


def build_contact(n: int = 1, **fields) -> Contact:
    fields.setdefault("name", f"Contact {n}")
    fields.setdefault("role", "Awards executive")
    fields.setdefault("email", f"contact{n}@example.org")
    fields.setdefault("phone", f"020 7946 0{n:03d}")
    return Contact.objects.create(**fields)


def attach_contacts(
    page: CategoryPage | ProgrammePage, count: int, first: int = 1
) -> list[Contact]:
    """Give a category or programme ``count`` new contacts, numbered from ``first``."""
    contacts = [build_contact(n) for n in range(first, first + count)]
    link_model = page.contact_links.model  # CategoryContact or ProgrammeContact
    for contact in contacts:
        link_model.objects.create(page=page, contact=contact, enquiry="entries")
    return contacts


def build_image(title: str = "Logo") -> Image:
    buffer = BytesIO()
    PillowImage.new("RGB", (120, 40), "#00696b").save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="logo.png"))


def build_sponsor(n: int = 1, *, logo: bool = True, **fields) -> Sponsor:
    fields.setdefault("name", f"Sponsor {n}")
    fields.setdefault("url", f"https://sponsor{n}.example.org/")
    if logo:
        fields.setdefault("logo", build_image(f"Sponsor {n} logo"))
    return Sponsor.objects.create(**fields)


def set_default_contacts(home: HomePage, contacts: list[Contact]) -> None:
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for contact in contacts:
        site_settings.default_contacts.add(SiteDefaultContact(contact=contact, enquiry="media"))
    site_settings.save()


def load_demo_site() -> None:
    """The demo content (home, two programmes, the two seed categories, guidance), quietly."""
    call_command("load_demo_content", stdout=StringIO())
