"""What a visitor sees on a category page: criteria, contacts, the entry window and the call to action."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from awards.models import CategoryPage
from awards.tests.builders import (
    attach_contacts,
    build_category,
    build_contact,
    build_guidance,
    build_home,
    build_programme,
    build_sponsor,
    load_demo_site,
    set_default_contacts,
)
from awards.tests.reading import text, visit
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY
from publishing.templatetags.uk_dates import uk_datetime

pytestmark = pytest.mark.django_db


def section(soup: BeautifulSoup, heading_id: str):
    """The part of the page a heading introduces (a <section> labelled by it)."""
    found = soup.find(attrs={"aria-labelledby": heading_id})
    assert found is not None, f"no section headed #{heading_id}"
    return found


def contact_hrefs(tag) -> set[str]:
    return {a["href"] for a in tag.find_all("a", href=True)}


def seed_category(title: str) -> CategoryPage:
    return CategoryPage.objects.get(title=title)


# The demo content: the two seed pages ----------------------------------------------


def test_open_seed_category_shows_every_criteria_section_and_bullet(client):
    load_demo_site()
    soup = visit(client, seed_category(PERFORMANCE_RECOVERY["title"]))

    criteria = section(soup, "criteria")
    headings = [text(h) for h in criteria.find_all("h3")]
    assert headings == [heading for heading, _ in PERFORMANCE_RECOVERY["criteria"]]
    for heading, points in PERFORMANCE_RECOVERY["criteria"]:
        block = criteria.find("h3", string=heading).find_parent(class_="criteria-section")
        assert [text(li) for li in block.find_all("li")] == points


def test_closed_seed_category_shows_every_criteria_bullet(client):
    load_demo_site()
    soup = visit(client, seed_category(COMMUNITY_PARTNERSHIP["title"]))

    shown = [text(li) for li in section(soup, "criteria").find_all("li")]
    assert shown == [point for _, points in COMMUNITY_PARTNERSHIP["criteria"] for point in points]


def test_open_seed_category_shows_its_text_steps_and_who_can_enter(client):
    load_demo_site()
    soup = visit(client, seed_category(PERFORMANCE_RECOVERY["title"]))

    assert text(soup.h1) == PERFORMANCE_RECOVERY["title"]
    steps = section(soup, "how-to-apply").find("ol")
    assert [text(li) for li in steps.find_all("li")] == PERFORMANCE_RECOVERY["how_to_apply"]
    about = text(section(soup, "about-award"))
    for paragraph in PERFORMANCE_RECOVERY["context"]:
        assert paragraph in about
    assert PERFORMANCE_RECOVERY["who_can_enter"][0] in text(section(soup, "who-can-enter"))


def test_open_seed_category_lists_its_contacts_as_email_and_phone_links(client):
    load_demo_site()
    category = seed_category(PERFORMANCE_RECOVERY["title"])
    soup = visit(client, category)

    contacts = section(soup, "category-contacts")
    hrefs = contact_hrefs(contacts)
    for link in category.contact_links.select_related("contact"):
        person = link.contact
        assert person.name in text(contacts)
        assert f"mailto:{person.email}" in hrefs
        assert person.phone_href in hrefs
    assert "mailto:frances.wilde@example.org" in hrefs
    assert "tel:+442079460004" in hrefs
    # "For any questions, please contact ..." names the first contact, with links.
    how_to_apply = section(soup, "how-to-apply")
    assert "For any questions, please contact Frances Wilde on 020 7946 0004." in text(how_to_apply)
    assert {"mailto:frances.wilde@example.org", "tel:+442079460004"} <= contact_hrefs(how_to_apply)


def test_open_seed_category_says_it_is_open_with_the_deadline_date_and_time(client):
    load_demo_site()
    category = seed_category(PERFORMANCE_RECOVERY["title"])
    soup = visit(client, category)

    deadline = timezone.localtime(category.deadline)
    hero = text(soup.find(class_="hero__deadline"))
    assert "Open for entries" in hero
    expected = f"midday on {deadline:%A} {deadline.day} {deadline:%B %Y}"
    assert f"Deadline: {expected} (UK time)" in hero
    time = soup.find(class_="hero__deadline").find("time")
    assert time["datetime"] == deadline.isoformat()


def test_open_category_invites_visitors_to_register_or_sign_in(client):
    load_demo_site()
    category = seed_category(PERFORMANCE_RECOVERY["title"])
    soup = visit(client, category)

    main = soup.find("main")
    register = main.find("a", string="Register to enter")
    assert register["href"].startswith(reverse("account_signup"))
    assert main.find("a", string="Sign in")["href"].startswith(reverse("account_login"))
    assert "Entries are now closed" not in text(main)


def test_closed_seed_category_says_entries_are_closed_and_offers_no_way_to_enter(client):
    load_demo_site()
    soup = visit(client, seed_category(COMMUNITY_PARTNERSHIP["title"]))

    main = soup.find("main")
    assert "Entries are now closed" in text(soup.find(class_="hero__deadline"))
    assert "Entries are now closed" in text(section(soup, "how-to-apply"))
    account_urls = (reverse("account_signup"), reverse("account_login"))
    entry_links = [a for a in main.find_all("a", href=True) if a["href"].startswith(account_urls)]
    assert entry_links == []
    assert not main.find(string=lambda s: s and "Register" in s)
    assert not main.find(string=lambda s: s and "Start your entry" in s)
    assert main.find("form") is None


def test_closed_seed_category_lists_its_own_contact(client):
    load_demo_site()
    soup = visit(client, seed_category(COMMUNITY_PARTNERSHIP["title"]))

    contacts = section(soup, "category-contacts")
    assert "Jamie Ellison" in text(contacts)
    assert "Entry enquiries" in text(contacts)
    assert {"mailto:jamie.ellison@example.org", "tel:+442079460005"} <= contact_hrefs(contacts)


def test_open_seed_category_shows_its_sponsor_and_links_to_the_guidance(client):
    load_demo_site()
    soup = visit(client, seed_category(PERFORMANCE_RECOVERY["title"]))

    sponsor = section(soup, "category-sponsor")
    link = sponsor.find("a")
    assert text(link) == "Brightwater Diagnostics"
    assert link["href"] == "https://brightwater.example.org/"
    assert link.find("img")["alt"] == ""  # the name beside it says who it is
    guidance = section(soup, "how-to-apply").find("a", string="How to enter")
    assert guidance["href"] == "/how-to-enter/"


# Contacts fall back: the category's own, the programme's, then the site's ---------------


def test_category_without_contacts_shows_its_programmes_contacts(client):
    home = build_home()
    set_default_contacts(home, [build_contact(1, name="Site Default")])
    programme = build_programme(home)
    attach_contacts(programme, 1, first=2)
    category = build_category(programme)

    contacts = text(section(visit(client, category), "category-contacts"))
    assert "Contact 2" in contacts
    assert "Site Default" not in contacts


def test_category_and_programme_without_contacts_show_the_site_default_contacts(client):
    home = build_home()
    set_default_contacts(
        home, [build_contact(1, name="Default Person", email="default@example.org")]
    )
    category = build_category(build_programme(home))

    soup = visit(client, category)
    contacts = section(soup, "category-contacts")
    assert "Default Person" in text(contacts)
    assert {"mailto:default@example.org", "tel:+442079460001"} <= contact_hrefs(contacts)
    assert "For any questions, please contact Default Person" in text(section(soup, "how-to-apply"))


def test_category_with_no_contacts_anywhere_shows_no_contacts_section(client):
    category = build_category()

    soup = visit(client, category)
    assert soup.find(id="category-contacts") is None
    assert "For any questions" not in text(soup.find("main"))


# The entry window --------------------------------------------------------------------


def test_category_closing_within_a_week_says_closing_soon(client):
    category = build_category(closes=timezone.now() + timedelta(days=3))

    hero = text(visit(client, category).find(class_="hero__deadline"))
    assert "Closing soon" in hero
    assert f"Deadline: {uk_datetime(category.deadline)} (UK time)" in hero


def test_category_not_yet_open_says_when_entries_open(client):
    opens = timezone.now() + timedelta(days=5)
    category = build_category(build_programme(entries_open_at=opens))

    soup = visit(client, category)
    hero = text(soup.find(class_="hero__deadline"))
    assert "Not yet open" in hero
    assert f"Entries open at {uk_datetime(opens)} (UK time)" in hero
    assert soup.find("main").find("a", string="Register to enter") is None


def test_category_with_its_own_deadline_shows_it_instead_of_the_programmes(client):
    own = timezone.now() + timedelta(days=20)
    category = build_category(closes=own)

    assert uk_datetime(own) in text(visit(client, category).find(class_="hero__deadline"))


def test_closing_a_category_by_switch_closes_it_whatever_the_dates(client):
    category = build_category(entries_closed=True)

    soup = visit(client, category)
    assert "Entries are now closed" in text(soup.find(class_="hero__deadline"))
    assert soup.find("main").find("a", string="Register to enter") is None


def test_category_without_a_sponsor_or_guidance_shows_neither(client):
    category = build_category()

    soup = visit(client, category)
    assert soup.find(id="category-sponsor") is None
    assert "read the guidance" not in text(soup.find("main"))


def test_category_links_to_its_programmes_guidance_before_the_sites(client):
    home = build_home()
    build_guidance(home, title="Site guidance", slug="site-guidance")
    programme = build_programme(home)
    build_guidance(programme, title="Programme guidance", slug="programme-guidance")
    category = build_category(programme, sponsor=build_sponsor(1))

    links = section(visit(client, category), "how-to-apply").select(".link-list a")
    assert [text(a) for a in links] == ["Programme guidance", "Site guidance"]


def test_category_page_shows_breadcrumbs_back_to_its_programme(client):
    category = build_category()

    crumbs = visit(client, category).find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [text(a) for a in crumbs.find_all("a")] == ["Test Awards", "Test Awards 2024"]
    assert text(crumbs.find(attrs={"aria-current": "page"})) == category.title
