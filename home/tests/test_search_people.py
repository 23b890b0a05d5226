"""Site search finds the people to contact and the sponsors: by name, role, or the
enquiry a person answers, and shows their details at once."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.models import Contact, Sponsor
from awards.tests.builders import (
    build_category,
    build_contact,
    build_programme,
    build_sponsor,
    load_demo_site,
)
from awards.tests.reading import text

pytestmark = pytest.mark.django_db


def search(client, query: str, **params) -> BeautifulSoup:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def contacts_found(soup) -> list[str]:
    section = soup.find("section", attrs={"aria-labelledby": "found-contacts"})
    if section is None:
        return []
    return [text(card.select_one(".contact-card__name")) for card in section("li")]


def sponsors_found(soup) -> list[str]:
    section = soup.find("section", attrs={"aria-labelledby": "found-sponsors"})
    if section is None:
        return []
    return [text(link) for link in section.select(".sponsor-strip a, .sponsor-strip span")]


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("sponsorship", "Awards Support Team"),  # the enquiry's label
        ("sponsor", "Awards Support Team"),  # a word people use for it
        ("press", "Honor Greaves"),
        ("media", "Honor Greaves"),
        ("judging", "Samir Patil"),
        ("marketing manager", "Honor Greaves"),  # the role
        ("Greaves", "Honor Greaves"),  # the name
    ],
)
def test_search_finds_the_person_to_contact(client, query, person):
    load_demo_site()

    assert person in contacts_found(search(client, query))


def test_a_contact_found_shows_their_details_and_the_enquiry_they_answer(client):
    load_demo_site()

    soup = search(client, "press")
    assert contacts_found(soup) == ["Honor Greaves"]
    card = soup.find("section", attrs={"aria-labelledby": "found-contacts"}).li
    assert "Media and marketing" in text(card)
    assert "Marketing manager" in text(card)
    assert card.find("a", href="mailto:honor.greaves@example.org")
    assert card.find("a", href="tel:+442079460002")
    # And the Contacts page, whose introduction mentions the press.
    assert [text(a) for a in soup.select(".results h2 a")] == ["Contacts"]
    assert "2 results for “press”" in text(soup.find(role="status"))


def test_search_finds_sponsors_by_name_or_by_sponsor(client):
    load_demo_site()

    assert sponsors_found(search(client, "Brightwater")) == ["Brightwater Diagnostics"]
    assert sorted(sponsors_found(search(client, "sponsors"))) == [  # by relevance: all equal
        "Brightwater Diagnostics",
        "Kestrel Community Care",
        "Northwind Health Partners",
    ]


def test_a_sponsor_found_links_to_its_site_and_to_what_it_sponsors(client):
    programme = build_programme(title="Spring Awards", slug="spring")
    sponsor = build_sponsor(1, name="Quokka Medical")
    build_category(programme, title="Quokka Award", slug="quokka-award", sponsor=sponsor)
    hidden = build_category(programme, title="Hidden Award", slug="hidden", sponsor=sponsor)
    hidden.unpublish()

    soup = search(client, "quokka medical")
    section = soup.find("section", attrs={"aria-labelledby": "found-sponsors"})
    outbound = section.select_one(".sponsor-strip a")
    assert outbound["href"] == "https://sponsor1.example.org/"
    assert "noopener" in outbound["rel"]
    assert "Sponsor of Quokka Award" in text(section)
    assert section.find("a", string="Quokka Award")["href"] == "/spring/quokka-award/"
    assert "Hidden Award" not in text(section)


def test_an_edited_contact_is_found_by_their_new_enquiry(client):
    contact = build_contact(1, name="Priya Shah", role="Events")
    assert contacts_found(search(client, "press")) == []

    contact.enquiry = "media"
    contact.save()
    assert contacts_found(search(client, "press")) == ["Priya Shah"]

    Contact.objects.filter(pk=contact.pk).delete()
    assert contacts_found(search(client, "press")) == []


def test_people_and_pages_are_counted_and_shown_together(client):
    load_demo_site()

    soup = search(client, "Honor")
    # Honor Greaves, and no page (the footer's contacts are not the pages' text).
    assert contacts_found(soup) == ["Honor Greaves"]
    assert soup.select(".results") == []
    assert "1 result for “Honor”" in text(soup.find(role="status"))

    soup = search(client, "contacts")
    # The Contacts page itself (PostgreSQL's stemming also finds "contact" in the guidance),
    # and nobody called "contacts".
    pages = [text(a) for a in soup.select(".results h2 a")]
    assert pages[0] == "Contacts"
    assert contacts_found(soup) == []
    assert f"{len(pages)} result" in text(soup.find(role="status"))


def test_nothing_found_still_says_so(client):
    build_sponsor(1, name="Northwind", logo=False)
    assert Sponsor.objects.exists()

    soup = search(client, "xylophone")
    assert sponsors_found(soup) == contacts_found(soup) == []
    assert "Nothing matched" in text(soup.find("main"))
