"""The sponsor strip on the home and programme pages: the programmes' sponsors and their
categories', each once, linking out; and whom to ask about becoming a sponsor."""

import pytest

from awards.models import ProgrammeContact, ProgrammeSponsor
from awards.tests.builders import (
    build_category,
    build_contact,
    build_home,
    build_programme,
    build_sponsor,
    load_demo_site,
)
from awards.tests.reading import text, visit
from home.models import HomePage

pytestmark = pytest.mark.django_db


def strip(soup):
    return soup.find("section", attrs={"aria-labelledby": "sponsors"})


def sponsor_links(soup) -> list[tuple[str, str]]:
    return [(text(a), a["href"]) for a in strip(soup).select(".sponsor-strip a")]


def cta(soup) -> str:
    return text(strip(soup).select_one(".sponsor-cta"))


@pytest.fixture
def programme_with_sponsors():
    """A programme sponsored by 1 and 2; its categories by 2 (again), 3, and nobody."""
    home = build_home()
    programme = build_programme(home)
    one, two, three = (build_sponsor(n) for n in (1, 2, 3))
    ProgrammeSponsor.objects.create(page=programme, sponsor=one, sort_order=0)
    ProgrammeSponsor.objects.create(page=programme, sponsor=two, sort_order=1)
    build_category(programme, title="First Award", slug="first", sponsor=two)
    build_category(programme, title="Second Award", slug="second", sponsor=three)
    build_category(programme, title="Third Award", slug="third")
    return programme


def test_programme_strip_adds_its_categories_sponsors_each_once(client, programme_with_sponsors):
    soup = visit(client, programme_with_sponsors)

    assert sponsor_links(soup) == [
        ("Sponsor 1", "https://sponsor1.example.org/"),
        ("Sponsor 2", "https://sponsor2.example.org/"),
        ("Sponsor 3", "https://sponsor3.example.org/"),
    ]
    for link in strip(soup).select(".sponsor-strip a"):
        assert "noopener" in link["rel"]
        assert link.find("img")["alt"] == ""  # the name beside the logo says who it is
        assert not link.get("target")  # opens in the same tab


def test_home_strip_shows_every_programmes_sponsors_each_once(client, programme_with_sponsors):
    home = HomePage.objects.get()
    other = build_programme(home, title="Other Awards", slug="other")
    ProgrammeSponsor.objects.create(page=other, sponsor=build_sponsor(4))
    build_category(other, title="Other Award", slug="other-award", sponsor=build_sponsor(5))
    closed = build_category(other, title="Closed Award", slug="closed", sponsor=build_sponsor(6))
    closed.entries_closed = True
    closed.save_revision().publish()

    names = [name for name, _href in sponsor_links(visit(client, home))]
    assert names == [f"Sponsor {n}" for n in (1, 2, 4, 3, 5, 6)]


def test_sponsors_of_unpublished_pages_are_left_out(client, programme_with_sponsors):
    second = programme_with_sponsors.get_children().get(slug="second")
    second.unpublish()

    names = [name for name, _ in sponsor_links(visit(client, programme_with_sponsors))]
    assert names == ["Sponsor 1", "Sponsor 2"]


def test_become_a_sponsor_names_the_sponsorship_contact(client):
    load_demo_site()
    home = HomePage.objects.get()

    soup = visit(client, home)
    assert [name for name, _ in sponsor_links(soup)] == [
        "Northwind Health Partners",
        "Brightwater Diagnostics",
        "Kestrel Community Care",
    ]
    assert "Become a sponsor" in cta(soup)
    assert "contact Awards Support Team, Entries and sponsorship." in cta(soup)
    ways = strip(soup).select_one(".sponsor-cta")
    assert ways.find("a", href=lambda h: h.startswith("mailto:awards-support@example.org"))
    assert ways.find("a", href="tel:+442079460001")


def test_a_programmes_own_sponsorship_contact_comes_first(client):
    home = build_home()
    programme = build_programme(home)
    build_contact(1, name="Site Person", enquiry="entries")
    ProgrammeContact.objects.create(
        page=programme, contact=build_contact(2, name="Programme Person"), enquiry="entries"
    )
    ProgrammeContact.objects.create(
        page=programme, contact=build_contact(3, name="Press Person"), enquiry="media"
    )

    assert "contact Programme Person" in cta(visit(client, programme))
    # Anyone who answers sponsorship enquiries, when no page names one.
    assert "contact Site Person" in cta(visit(client, home))


def test_without_sponsors_the_strip_only_invites_them(client):
    home = build_home()
    build_contact(1, name="Site Person", enquiry="entries")

    soup = visit(client, home)
    assert not strip(soup).select(".sponsor-strip")
    assert "Test Awards has no sponsors yet." in text(strip(soup))
    assert "contact Site Person" in cta(soup)


def test_without_sponsors_or_a_sponsorship_contact_there_is_no_strip(client):
    home = build_home()
    programme = build_programme(home)
    build_contact(1, enquiry="media")

    assert strip(visit(client, home)) is None
    assert strip(visit(client, programme)) is None


def test_a_sponsor_edit_shows_at_once(client, programme_with_sponsors):
    assert "Sponsor 3" in text(strip(visit(client, programme_with_sponsors)))
    sponsor = programme_with_sponsors.get_children().get(slug="second").specific.sponsor
    sponsor.name = "Renamed Sponsor"
    sponsor.save()

    assert "Renamed Sponsor" in text(strip(visit(client, programme_with_sponsors)))
