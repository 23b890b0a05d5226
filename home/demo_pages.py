"""The demo's pages, from the home page down: two programmes (one open, one closed),
a category in each, generated categories for load tests, guidance and the Contacts page.

A page that is already there (found by its slug under its parent) is updated in place,
so loading the demo again changes nothing.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Collection, Locale, Page, Site
from wagtail.models.i18n import get_supported_content_language_variant

from awards.models import (
    CategoryContact,
    CategoryPage,
    ContactsPage,
    GuidancePage,
    KeyDate,
    ProgrammeContact,
    ProgrammePage,
    ProgrammeSponsor,
)
from forms.demo import demo_entry_form, demo_partnership_form
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY
from home.demo_snippets import set_contacts
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


def ensure_wagtail_roots() -> None:
    """What Wagtail's migrations create, and a flushed database (transactional tests) lacks."""
    if not Locale.objects.exists():
        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def home_page() -> HomePage:
    ensure_wagtail_roots()
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
    home.search_description = "Enter the HSJ Awards: categories, criteria, deadlines and guidance."
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def child(parent: Page, model, slug: str, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return page


def open_programme(home, contacts, sponsor) -> ProgrammePage:
    programme = child(
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
    set_contacts(programme, ProgrammeContact, contacts, ["entries", "media", "judging"])
    programme.sponsor_links.clear()
    programme.sponsor_links.add(ProgrammeSponsor(sponsor=sponsor))
    programme.save_revision().publish()
    return programme


def closed_programme(home, contacts) -> ProgrammePage:
    programme = child(
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
    set_contacts(programme, ProgrammeContact, contacts, ["partnership"])
    programme.save_revision().publish()
    return programme


def performance_recovery(programme, contacts, sponsor) -> CategoryPage:
    seed = PERFORMANCE_RECOVERY
    category = child(
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
    set_contacts(category, CategoryContact, contacts, ["category", "entries", "media", "judging"])
    category.save_revision().publish()
    return category


def community_partnership(programme, contacts, sponsor, *, open_for_entries=False) -> CategoryPage:
    """The Partnership Awards category: a short form, and the partner must confirm each entry.

    Closed with its programme, as the seed page is; ``open_for_entries`` gives it its own
    entry window, open now, so the partner co-sign can be tried (``make run`` does).
    """
    seed = COMMUNITY_PARTNERSHIP
    who = "".join(f"<li>{escape(point)}</li>" for point in seed["who_can_enter_points"])
    category = child(
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
        entry_form=demo_partnership_form("Community Services Partnership entry form"),
        partner_confirmation_required=True,
        entries_open_at=london(-30, 9) if open_for_entries else None,
        entries_close_at=london(45, 12) if open_for_entries else None,
        entries_closed=False,
    )
    set_contacts(category, CategoryContact, contacts, ["partnership"])
    category.save_revision().publish()
    return category


def generated_category(programme, number: int) -> CategoryPage:
    category = child(
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


def contacts_page(home) -> ContactsPage:
    page = child(
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


def guidance(home) -> GuidancePage:
    page = child(
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
