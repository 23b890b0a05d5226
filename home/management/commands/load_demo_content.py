"""Build the demo site from the home page down. Safe to run again: it updates in place."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.models.i18n import get_supported_content_language_variant

from awards.models import (
    CategoryContact,
    CategoryPage,
    Contact,
    ContactsPage,
    GuidancePage,
    KeyDate,
    ProgrammeContact,
    ProgrammePage,
    ProgrammeSponsor,
    SiteDefaultContact,
    SiteSettings,
    Sponsor,
)
from forms.demo import demo_entry_form
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY
from home.demo_logo import sponsor_logo_file
from home.models import HomePage


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def criteria(sections) -> list[tuple[str, dict]]:
    return [
        ("section", {"heading": h, "text": "", "points": list(points)}) for h, points in sections
    ]


def london(days_from_now: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_now)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


class Command(BaseCommand):
    help = "Load (or refresh) the demo awards content: programmes, categories, guidance, contacts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--categories",
            type=int,
            default=0,
            help="Also add N generated categories (load tests).",
        )

    @transaction.atomic
    def handle(self, *args, categories: int = 0, **options):
        home = self.home_page()
        contacts = self.contacts()
        sponsor = self.sponsor()
        self.site_settings(home, contacts)
        open_programme = self.open_programme(home, contacts, sponsor)
        self.performance_recovery(open_programme, contacts, self.category_sponsor("Brightwater"))
        closed_programme = self.closed_programme(home, contacts)
        self.community_partnership(closed_programme, contacts, self.category_sponsor("Kestrel"))
        self.guidance(home)
        self.contacts_page(home)
        for number in range(1, categories + 1):
            self.generated_category(open_programme, number)
        self.extend(home=home, open_programme=open_programme)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def extend(self, **pages) -> None:
        """Hook for later content (entry forms) built on the same pages."""

    # Pages ------------------------------------------------------------------

    def ensure_wagtail_roots(self) -> None:
        """What Wagtail's migrations create, and a flushed database (transactional tests) lacks."""
        if not Locale.objects.exists():
            Locale.objects.create(
                language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
            )
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")

    def home_page(self) -> HomePage:
        self.ensure_wagtail_roots()
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's initial "Welcome" page holds the slug we want.
            for page in root.get_children().not_type(HomePage):
                if page.slug == "home":
                    page.delete()
            home = root.add_child(instance=HomePage(title="HSJ Awards", slug="home"))
        home.title = "HSJ Awards"
        home.intro = (
            "<p>Celebrating the teams and partnerships improving health and care. "
            "Read the criteria, start your entry and save it as you go.</p>"
        )
        home.search_description = (
            "Enter the HSJ Awards: categories, criteria, deadlines and guidance."
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return home

    def child(self, parent: Page, model, slug: str, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        return page

    def open_programme(self, home, contacts, sponsor) -> ProgrammePage:
        programme = self.child(
            home,
            ProgrammePage,
            "hsj-awards-2024",
            title="HSJ Awards 2024",
            intro="<p>The HSJ Awards recognise the outstanding contribution of healthcare "
            "organisations, teams and individuals to health and care across the UK.</p>",
            entries_open_at=london(-30, 9),
            entries_close_at=london(45, 12),
            search_description="Categories, key dates and contacts for the HSJ Awards 2024.",
        )
        programme.key_dates.clear()
        for label, day in [
            ("Entries open", -30),
            ("Entry deadline (12 noon)", 45),
            ("Shortlist announced", 80),
            ("Awards ceremony", 140),
        ]:
            programme.key_dates.add(
                KeyDate(label=label, date=timezone.localdate() + timedelta(days=day))
            )
        self.set_contacts(programme, ProgrammeContact, contacts, ["entries", "media", "judging"])
        programme.sponsor_links.clear()
        programme.sponsor_links.add(ProgrammeSponsor(sponsor=sponsor))
        programme.save_revision().publish()
        return programme

    def closed_programme(self, home, contacts) -> ProgrammePage:
        programme = self.child(
            home,
            ProgrammePage,
            "hsj-partnership-awards-2024",
            title="HSJ Partnership Awards 2024",
            intro="<p>Celebrating the best partnerships between the NHS and the private sector.</p>",
            entries_open_at=london(-120, 9),
            entries_close_at=london(-10, 12),
            search_description="Categories and contacts for the HSJ Partnership Awards 2024.",
        )
        programme.key_dates.clear()
        programme.key_dates.add(
            KeyDate(label="Entries closed", date=timezone.localdate() - timedelta(days=10))
        )
        self.set_contacts(programme, ProgrammeContact, contacts, ["partnership"])
        programme.save_revision().publish()
        return programme

    def performance_recovery(self, programme, contacts, sponsor) -> CategoryPage:
        seed = PERFORMANCE_RECOVERY
        category = self.child(
            programme,
            CategoryPage,
            "performance-recovery-award",
            title=seed["title"],
            summary=seed["summary"],
            context=paragraphs(seed["context"]),
            who_can_enter=paragraphs(seed["who_can_enter"]),
            how_to_apply=[("step", step) for step in seed["how_to_apply"]],
            criteria=criteria(seed["criteria"]),
            sponsor=sponsor,
            reference_code="PRA",
            entry_form=demo_entry_form(
                "Performance Recovery Award entry form", seed["criteria"], max_words=500
            ),
            entries_closed=False,
            search_description=seed["summary"],
        )
        self.set_contacts(
            category, CategoryContact, contacts, ["category", "entries", "media", "judging"]
        )
        category.save_revision().publish()
        return category

    def community_partnership(self, programme, contacts, sponsor) -> CategoryPage:
        seed = COMMUNITY_PARTNERSHIP
        who = "".join(f"<li>{escape(point)}</li>" for point in seed["who_can_enter_points"])
        category = self.child(
            programme,
            CategoryPage,
            "best-community-services-partnership",
            title=seed["title"],
            summary=seed["summary"],
            context=paragraphs(seed["context"]),
            who_can_enter=f"<ul>{who}</ul>",
            how_to_apply=[],
            criteria=criteria(seed["criteria"]),
            sponsor=sponsor,
            reference_code="BCSP",
            search_description=seed["summary"],
        )
        self.set_contacts(category, CategoryContact, contacts, ["partnership"])
        category.save_revision().publish()
        return category

    def generated_category(self, programme, number: int) -> CategoryPage:
        category = self.child(
            programme,
            CategoryPage,
            f"generated-category-{number}",
            title=f"Generated Category {number}",
            summary="A generated category for load tests.",
            context=paragraphs(PERFORMANCE_RECOVERY["context"]),
            how_to_apply=[("step", step) for step in PERFORMANCE_RECOVERY["how_to_apply"]],
            criteria=criteria(PERFORMANCE_RECOVERY["criteria"]),
            reference_code=f"G{number}"[:8],
        )
        category.save_revision().publish()
        return category

    def contacts_page(self, home) -> ContactsPage:
        page = self.child(
            home,
            ContactsPage,
            "contacts",
            title="Contacts",
            intro="<p>Who to ask about entering, attending or sponsoring the awards, about "
            "press and marketing, and about judging and the ceremony.</p>",
            search_description="Who to contact about entries, sponsorship, media and judging.",
        )
        page.save_revision().publish()
        return page

    def guidance(self, home) -> GuidancePage:
        page = self.child(
            home,
            GuidancePage,
            "how-to-enter",
            title="How to enter",
            summary="Everything you need to know before you start an entry.",
            body=[
                ("heading", "Before you start"),
                (
                    "paragraph",
                    "<p>Read the category's criteria carefully: judges score each entry against "
                    "them. Each section of the entry form answers one group of criteria.</p>",
                ),
                (
                    "callout",
                    {
                        "heading": "Save as you go",
                        "text": "<p>Your entry saves to your account. Start on one device and "
                        "finish on another: nothing is lost if you close the page.</p>",
                        "important": False,
                    },
                ),
                ("heading", "Writing your entry"),
                (
                    "paragraph",
                    "<ul><li>Stay within the word limits shown under each question.</li>"
                    "<li>Use evidence: figures, before-and-after measures, testimonials.</li>"
                    "<li>Attach one supporting document if it helps the judges.</li></ul>",
                ),
                (
                    "faq",
                    {
                        "questions": [
                            {
                                "question": "Can I enter more than one category?",
                                "answer": "<p>Yes. Start a separate entry on each category page.</p>",
                            },
                            {
                                "question": "Can I change my entry after submitting it?",
                                "answer": "<p>No. Submitted entries are final. If something is "
                                "wrong, contact the awards team before the deadline.</p>",
                            },
                            {
                                "question": "What time is the deadline?",
                                "answer": "<p>Deadlines are in UK time and shown on every "
                                "category page.</p>",
                            },
                        ]
                    },
                ),
            ],
            search_description="How to enter the awards: criteria, saving, word limits and FAQs.",
        )
        page.save_revision().publish()
        return page

    # Snippets and settings --------------------------------------------------

    def contacts(self) -> dict[str, Contact]:
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

    def set_contacts(self, page, link_model, contacts, keys) -> None:
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

    def sponsor(self) -> Sponsor:
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

    def category_sponsor(self, short_name: str) -> Sponsor:
        name, url = self.CATEGORY_SPONSORS[short_name]
        sponsor = Sponsor.objects.filter(name=name).first()
        if sponsor is None:
            logo = Image.objects.create(title=f"{name} logo", file=sponsor_logo_file(short_name))
            sponsor = Sponsor.objects.create(name=name, logo=logo, url=url)
        return sponsor

    def site_settings(self, home, contacts) -> None:
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        site_settings.site_name = "HSJ Awards"
        site_settings.default_contacts.clear()
        for key in ["entries", "media", "judging"]:
            site_settings.default_contacts.add(
                SiteDefaultContact(contact=contacts[key], enquiry=key)
            )
        site_settings.save()
