"""The demo's snippets and settings: its contacts, its sponsors (each with a generated
logo) and the site settings (the site's name and default contacts)."""

from wagtail.images.models import Image
from wagtail.models import Site

from awards.models import Contact, SiteDefaultContact, SiteSettings, Sponsor
from home.demo_logo import sponsor_logo_file


def contacts() -> dict[str, Contact]:
    # What each answers, unless a page says otherwise (Contact.enquiry).
    answers = {"entries": "entries", "media": "media", "judging": "judging"}
    people = {
        "entries": (
            "Awards Support Team",
            "Entries and sponsorship",
            "awards-support@example.org",
            "020 7946 0001",
        ),
        "media": (
            "Honor Greaves",
            "Marketing manager",
            "honor.greaves@example.org",
            "020 7946 0002",
        ),
        "judging": (
            "Samir Patil",
            "Judging and events manager",
            "samir.patil@example.org",
            "020 7946 0003",
        ),
        "category": (
            "Frances Wilde",
            "Awards executive",
            "frances.wilde@example.org",
            "020 7946 0004",
        ),
        "partnership": (
            "Jamie Ellison",
            "Partnership awards lead",
            "jamie.ellison@example.org",
            "020 7946 0005",
        ),
    }
    result = {}
    for key, (name, role, email, phone) in people.items():
        contact, _ = Contact.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "role": role,
                "phone": phone,
                "enquiry": answers.get(key, ""),
            },
        )
        result[key] = contact
    return result


def set_contacts(page, link_model, contacts, keys) -> None:
    enquiry = {"entries": "entries", "media": "media", "judging": "judging"}
    page.contact_links.clear()
    for key in keys:
        label = (
            ""
            if key in enquiry
            else ("Entry enquiries" if key == "partnership" else "Questions about this award")
        )
        page.contact_links.add(
            link_model(contact=contacts[key], enquiry=enquiry.get(key, ""), enquiry_text=label)
        )


def sponsor() -> Sponsor:
    sponsor = Sponsor.objects.filter(name="Northwind Health Partners").first()
    if sponsor is None:
        logo = Image.objects.create(
            title="Northwind Health Partners logo", file=sponsor_logo_file("Northwind Health")
        )
        sponsor = Sponsor.objects.create(
            name="Northwind Health Partners", logo=logo, url="https://www.example.org/"
        )
    return sponsor


# Fictional sponsors of single categories, shown in the programmes' sponsor strips.
CATEGORY_SPONSORS = {
    "Brightwater": ("Brightwater Diagnostics", "https://brightwater.example.org/"),
    "Kestrel": ("Kestrel Community Care", "https://kestrel-care.example.org/"),
}


def category_sponsor(short_name: str) -> Sponsor:
    name, url = CATEGORY_SPONSORS[short_name]
    sponsor = Sponsor.objects.filter(name=name).first()
    if sponsor is None:
        logo = Image.objects.create(title=f"{name} logo", file=sponsor_logo_file(short_name))
        sponsor = Sponsor.objects.create(name=name, logo=logo, url=url)
    return sponsor


def site_settings(home, contacts) -> None:
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    site_settings.site_name = "HSJ Awards"
    site_settings.default_contacts.clear()
    for key in ["entries", "media", "judging"]:
        site_settings.default_contacts.add(SiteDefaultContact(contact=contacts[key], enquiry=key))
    site_settings.save()
