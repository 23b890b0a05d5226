"""What a visitor sees on a programme page: its categories, key dates, guidance, contacts and sponsors."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from awards.models import KeyDate, ProgrammePage, ProgrammeSponsor
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


def test_open_demo_programme_lists_its_category_as_a_card_with_state_and_deadline(client):
    load_demo_site()
    programme = ProgrammePage.objects.get(slug="hsj-awards-2024")
    soup = visit(client, programme)

    assert text(soup.h1) == "HSJ Awards 2024"
    card = soup.select_one(".cards .card")
    assert text(card.h3) == PERFORMANCE_RECOVERY["title"]
    assert card.h3.a["href"] == "/hsj-awards-2024/performance-recovery-award/"
    assert PERFORMANCE_RECOVERY["summary"] in text(card)
    assert "Open for entries" in text(card)
    assert f"Closes {uk_datetime(programme.entries_close_at)}" in text(card)
    hero = text(soup.find(class_="hero__deadline"))
    assert f"Entries close at {uk_datetime(programme.entries_close_at)} (UK time)" in hero


def test_open_demo_programme_shows_key_dates_in_order_contacts_and_sponsors(client):
    load_demo_site()
    soup = visit(client, ProgrammePage.objects.get(slug="hsj-awards-2024"))

    timeline = soup.find(attrs={"aria-labelledby": "key-dates"})
    labels = [li.contents[-1].strip() for li in timeline.find_all("li")]
    assert labels == [
        "Entries open",
        "Entry deadline (12 noon)",
        "Shortlist announced",
        "Awards ceremony",
    ]
    contacts = soup.find(attrs={"aria-labelledby": "programme-contacts"})
    hrefs = {a["href"] for a in contacts.find_all("a")}
    assert {"mailto:awards-support@example.org", "tel:+442079460001"} <= hrefs
    assert {"mailto:honor.greaves@example.org", "mailto:samir.patil@example.org"} <= hrefs
    sponsors = soup.find(attrs={"aria-labelledby": "sponsors"})
    assert "Northwind Health Partners" in text(sponsors)


def test_closed_demo_programme_says_entries_are_closed_and_still_lists_the_category(client):
    load_demo_site()
    soup = visit(client, ProgrammePage.objects.get(slug="hsj-partnership-awards-2024"))

    assert "Entries are now closed" in text(soup.find(class_="hero__deadline"))
    card = soup.select_one(".cards .card")
    assert text(card.h3) == COMMUNITY_PARTNERSHIP["title"]
    assert "Closed" in text(card)
    assert "Closes" not in text(card)


def test_key_dates_show_the_date_as_every_date_is_written(client):
    programme = build_programme()
    KeyDate.objects.create(page=programme, label="Awards ceremony", date=date(2027, 4, 15))

    timeline = visit(client, programme).find(attrs={"aria-labelledby": "key-dates"})
    assert "15 April 2027" in text(timeline)
    assert timeline.find("time")["datetime"] == "2027-04-15"


def test_programme_without_categories_says_they_are_coming(client):
    soup = visit(client, build_programme())

    assert "Categories for this programme will be announced soon." in text(soup.find("main"))


def test_programme_lists_only_published_categories(client):
    programme = build_programme()
    build_category(programme, title="Published award")
    draft = build_category(programme, title="Draft award", slug="draft-award")
    draft.unpublish()

    titles = [text(h3) for h3 in visit(client, programme).select(".card h3")]
    assert titles == ["Published award"]


def test_programme_without_contacts_shows_the_site_default_contacts(client):
    home = build_home()
    set_default_contacts(home, [build_contact(7, name="Default Person")])
    programme = build_programme(home)

    contacts = visit(client, programme).find(attrs={"aria-labelledby": "programme-contacts"})
    assert "Default Person" in text(contacts)
    assert "mailto:contact7@example.org" in {a["href"] for a in contacts.find_all("a")}


def test_programme_with_contacts_shows_its_own_instead_of_the_sites(client):
    home = build_home()
    set_default_contacts(home, [build_contact(7, name="Default Person")])
    programme = build_programme(home)
    attach_contacts(programme, 2, first=1)

    contacts = text(visit(client, programme).find(attrs={"aria-labelledby": "programme-contacts"}))
    assert "Contact 1" in contacts and "Contact 2" in contacts
    assert "Default Person" not in contacts


def test_programme_lists_its_sponsors_with_links(client):
    programme = build_programme()
    for n in (1, 2):
        ProgrammeSponsor.objects.create(page=programme, sponsor=build_sponsor(n))

    sponsors = visit(client, programme).find(attrs={"aria-labelledby": "sponsors"})
    links = {text(a): a["href"] for a in sponsors.find_all("a")}
    assert links == {
        "Sponsor 1": "https://sponsor1.example.org/",
        "Sponsor 2": "https://sponsor2.example.org/",
    }


def test_programme_lists_its_own_guidance_and_the_sites(client):
    home = build_home()
    build_guidance(home, title="Site guidance", slug="site-guidance")
    programme = build_programme(home)
    build_guidance(programme, title="Judging explained", summary="How the judges score.")

    guidance = visit(client, programme).find(attrs={"aria-labelledby": "guidance"})
    assert [text(a) for a in guidance.find_all("a")] == ["Judging explained", "Site guidance"]
    assert "How the judges score." in text(guidance)


def test_programme_not_yet_open_says_when_entries_open(client):
    opens = timezone.now() + timedelta(days=3)
    programme = build_programme(entries_open_at=opens)

    hero = text(visit(client, programme).find(class_="hero__deadline"))
    assert f"Entries open at {uk_datetime(opens)} (UK time)" in hero
