"""The Contacts page: the site's and each programme's contacts, grouped by the enquiry
they answer, linked from the header, and never out of date for anonymous visitors."""

import pytest

from awards.models import ContactsPage, ProgrammeContact
from awards.tests.builders import (
    build_contact,
    build_home,
    build_programme,
    load_demo_site,
    set_default_contacts,
)
from awards.tests.reading import text, visit

pytestmark = pytest.mark.django_db


def build_contacts_page(home, **fields) -> ContactsPage:
    fields.setdefault("title", "Contacts")
    return home.add_child(instance=ContactsPage(**fields))


def groups(soup) -> dict[str, list[str]]:
    """Each enquiry's heading and the cards under it, as read."""
    return {
        text(section.find("h2")): [text(card) for card in section.select(".contact-card")]
        for section in soup.select("section.enquiry-group")
    }


def test_demo_contacts_page_lists_each_person_under_the_enquiry_they_answer(client):
    load_demo_site()
    soup = visit(client, ContactsPage.objects.get())

    found = groups(soup)
    assert list(found) == [
        "Entries, attendance and sponsorship enquiries",
        "Media and marketing",
        "Judging and event management",
        "Entry enquiries",
    ]
    assert found["Entries, attendance and sponsorship enquiries"] == [
        "Awards Support Team Entries and sponsorship "
        "Email Awards Support Team: awards-support@example.org "
        "Call Awards Support Team: 020 7946 0001"
    ]
    assert [card.split(" Email")[0] for card in found["Media and marketing"]] == [
        "Honor Greaves Marketing manager"
    ]
    # The closed programme's own contact, for that programme only.
    assert found["Entry enquiries"][0].startswith(
        "Jamie Ellison Partnership awards lead For HSJ Partnership Awards 2024"
    )
    media = soup.find("a", href="mailto:honor.greaves@example.org")
    assert media is not None
    assert soup.find("a", href="tel:+442079460002") is not None


def test_a_person_is_listed_once_per_enquiry_with_the_programmes_they_answer_for(client):
    home = build_home()
    page = build_contacts_page(home)
    site_wide, shared, own = (build_contact(n) for n in (1, 2, 3))
    set_default_contacts(home, [site_wide])  # media, for every programme
    first = build_programme(home, title="Spring Awards", slug="spring")
    second = build_programme(home, title="Autumn Awards", slug="autumn")
    for programme in (first, second):
        ProgrammeContact.objects.create(page=programme, contact=shared, enquiry="judging")
        ProgrammeContact.objects.create(page=programme, contact=site_wide, enquiry="media")
    ProgrammeContact.objects.create(page=second, contact=own, enquiry="", enquiry_text="Tables")

    found = groups(visit(client, page))

    assert list(found) == ["Media and marketing", "Judging and event management", "Tables"]
    assert len(found["Media and marketing"]) == 1
    assert "For" not in found["Media and marketing"][0]  # a site default answers for all
    assert len(found["Judging and event management"]) == 1
    assert "For Spring Awards, Autumn Awards" in found["Judging and event management"][0]
    assert "Contact 3 Awards executive For Autumn Awards" in found["Tables"][0]


def test_a_link_without_an_enquiry_uses_the_contacts_own(client):
    home = build_home()
    page = build_contacts_page(home)
    programme = build_programme(home)
    press = build_contact(1, name="Priya Shah", role="Press officer", enquiry="media")
    ProgrammeContact.objects.create(page=programme, contact=press)

    assert list(groups(visit(client, page))) == ["Media and marketing"]


def test_unpublished_programmes_contacts_are_not_listed(client):
    home = build_home()
    page = build_contacts_page(home)
    hidden = build_programme(home, title="Secret Awards", slug="secret")
    ProgrammeContact.objects.create(
        page=hidden, contact=build_contact(1, name="Hidden Person"), enquiry="media"
    )
    hidden.unpublish()

    soup = visit(client, page)
    assert "Hidden Person" not in text(soup.find("main"))


def test_without_contacts_the_page_says_where_else_to_look(client):
    page = build_contacts_page(build_home(), intro="<p>Who to ask about what.</p>")

    main = visit(client, page).find("main")
    assert "Who to ask about what." in text(main)
    assert "Contact details will be published here soon" in text(main.select_one(".empty-state"))
    assert not main.select(".contact-card")


def test_the_header_links_to_the_contacts_page_on_every_page(client):
    home = build_home()
    programme = build_programme(home)
    assert visit(client, home).find("nav", attrs={"aria-label": "Site"}) is None  # none yet

    page = build_contacts_page(home)
    for shown in (home, programme, page):
        nav = visit(client, shown).find("nav", attrs={"aria-label": "Site"})
        assert nav.find("a", string="Contacts")["href"] == "/contacts/"
    current = visit(client, page).find("nav", attrs={"aria-label": "Site"}).find("a")
    assert current["aria-current"] == "page"


def test_a_contact_edit_shows_at_once_to_anonymous_visitors(client):
    home = build_home()
    page = build_contacts_page(home)
    contact = build_contact(1, name="Priya Shah")
    set_default_contacts(home, [contact])
    assert "Priya Shah" in client.get(page.url).text
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    contact.name = "Priya Shah-Jones"
    contact.phone = "020 7946 0999"
    contact.save()

    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Priya Shah-Jones" in response.text
    assert "020 7946 0999" in response.text


def test_a_programmes_contacts_change_with_its_publish_not_its_draft(client):
    home = build_home()
    page = build_contacts_page(home)
    programme = build_programme(home)
    assert "Draft Person" not in client.get(page.url).text

    programme.contact_links.add(
        ProgrammeContact(contact=build_contact(1, name="Draft Person"), enquiry="media")
    )
    revision = programme.save_revision()
    assert "Draft Person" not in client.get(page.url).text

    revision.publish()
    assert "Draft Person" in client.get(page.url).text
