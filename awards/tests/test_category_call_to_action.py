"""The call to action a category page repeats after its criteria, as the seed page does:
whoever has read the criteria finds the next step there, without scrolling back up."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from awards.tests.builders import build_category, build_programme
from awards.tests.reading import text
from forms.models import EntryStatus
from forms.tests.builders import build_entry, build_entry_form, build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(home_page):
    return build_category(build_programme(home_page), entry_form=build_entry_form())


@pytest.fixture
def entrant(client):
    user = build_user()
    client.force_login(user)
    return user


def page_soup(client, category) -> BeautifulSoup:
    response = client.get(category.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def after_criteria(soup: BeautifulSoup) -> list:
    """What follows the criteria section (not inside it) in the page's main content, in
    document order."""
    criteria = soup.find(attrs={"aria-labelledby": "criteria"})
    assert criteria is not None, "the page shows no criteria"
    main = soup.find("main")
    return [
        tag
        for tag in criteria.find_all_next()
        if main in tag.parents and criteria not in tag.parents
    ]


def start_buttons(tags) -> list:
    return [t for t in tags if t.name == "button" and text(t) == "Start your entry"]


def links(tags, words: str) -> list:
    return [t for t in tags if t.name == "a" and text(t) == words]


def test_a_visitor_finds_register_and_sign_in_again_after_the_criteria(client, category):
    soup = page_soup(client, category)

    following = after_criteria(soup)
    register = links(following, "Register to enter")
    sign_in = links(following, "Sign in")
    assert len(register) == 1 and len(sign_in) == 1
    assert register[0]["href"] == f"{reverse('account_signup')}?next={category.url}"
    assert sign_in[0]["href"] == f"{reverse('account_login')}?next={category.url}"
    # The first call to action, above the criteria, is still there too.
    assert len(links(soup.find("main").find_all("a"), "Register to enter")) == 2


def test_an_entrant_who_can_start_finds_the_start_button_after_the_criteria(
    client, category, entrant
):
    soup = page_soup(client, category)

    buttons = start_buttons(after_criteria(soup))
    assert len(buttons) == 1
    form = buttons[0].find_parent("form")
    assert form["action"] == reverse("entry_start", args=[category.pk])
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert len(start_buttons(soup.find_all("button"))) == 2


def test_an_entrant_with_a_draft_gets_the_form_after_the_criteria_once(client, category, entrant):
    build_entry(entrant, category)

    soup = page_soup(client, category)

    following = after_criteria(soup)
    assert start_buttons(following) == []
    # The draft form itself follows the criteria: the page shows it once.
    assert len(soup.find_all(id="entry")) == 1
    assert [t for t in following if t.get("id") == "entry"]
    assert len([b for b in soup.find_all("button") if text(b) == "Save and come back later"]) == 1


def test_a_submitted_entrant_who_cannot_start_another_gets_no_start_button(
    client, category, entrant
):
    build_entry(
        entrant,
        category,
        status=EntryStatus.SUBMITTED,
        reference="PRA-2027-0001",
        submitted_at=timezone.now(),
    )

    soup = page_soup(client, category)

    assert start_buttons(soup.find_all("button")) == []
    assert links(after_criteria(soup), "Register to enter") == []
    assert "PRA-2027-0001" in text(soup.find("main"))


def test_a_submitted_entrant_who_may_enter_twice_can_start_again_after_the_criteria(
    client, category, entrant
):
    category.entries_per_account = 2
    category.save_revision().publish()
    build_entry(
        entrant,
        category,
        status=EntryStatus.SUBMITTED,
        reference="PRA-2027-0001",
        submitted_at=timezone.now(),
    )

    soup = page_soup(client, category)

    assert len(start_buttons(after_criteria(soup))) == 1


def test_a_closed_category_repeats_no_way_to_enter(client, home_page):
    category = build_category(
        build_programme(home_page),
        entry_form=build_entry_form(),
        closes=timezone.now() - timezone.timedelta(days=1),
    )

    soup = page_soup(client, category)

    following = after_criteria(soup)
    assert links(following, "Register to enter") == [] and links(following, "Sign in") == []
    assert start_buttons(following) == []
