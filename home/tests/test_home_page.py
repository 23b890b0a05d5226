"""The home page: each programme with its open categories and the headline deadline."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from awards.models import ProgrammePage
from awards.tests.builders import (
    build_category,
    build_guidance,
    build_home,
    build_programme,
    load_demo_site,
)
from home.demo_data import PERFORMANCE_RECOVERY
from home.models import HomePage
from publishing.templatetags.uk_dates import uk_datetime

pytestmark = pytest.mark.django_db


def visit(client) -> BeautifulSoup:
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(tag) -> str:
    return " ".join(tag.get_text().split())


def programme_section(soup: BeautifulSoup, title: str):
    for heading in soup.select("main h2"):
        if text(heading) == title:
            return heading.find_parent("section")
    raise AssertionError(f"no programme headed {title!r}")


def test_demo_home_page_shows_each_programme_with_its_open_categories(client):
    load_demo_site()
    soup = visit(client)

    assert text(soup.h1) == HomePage.objects.get().title
    open_programme = programme_section(soup, "HSJ Awards 2024")
    assert open_programme.h2.a["href"] == "/hsj-awards-2024/"
    assert [text(h3) for h3 in open_programme.select(".card h3")] == [
        PERFORMANCE_RECOVERY["title"],
        "Private Sector Partnership Award",
    ]
    closes = ProgrammePage.objects.get(slug="hsj-awards-2024").entries_close_at
    assert f"Entry deadline: {uk_datetime(closes)} (UK time)" in text(open_programme)

    closed_programme = programme_section(soup, "HSJ Partnership Awards 2024")
    assert "Closed" in text(closed_programme)
    assert closed_programme.select(".card") == []
    see_all = closed_programme.find("a", string="See all HSJ Partnership Awards 2024 categories")
    assert see_all["href"] == "/hsj-partnership-awards-2024/"


def test_demo_home_page_links_to_the_guidance(client):
    load_demo_site()
    guidance = visit(client).find(attrs={"aria-labelledby": "guidance"})

    link = guidance.find("a", string="How to enter")
    assert link["href"] == "/how-to-enter/"
    assert "Everything you need to know before you start an entry." in text(guidance)


def test_headline_deadline_is_the_soonest_open_category_deadline(client):
    home = build_home()
    programme = build_programme(home)
    soon = timezone.now() + timedelta(days=4)
    build_category(programme, title="Later award", slug="later")
    build_category(programme, title="Sooner award", slug="sooner", closes=soon)

    section = programme_section(visit(client), programme.title)
    assert "Closing soon" in text(section)
    assert f"Entry deadline: {uk_datetime(soon)} (UK time)" in text(section)


def test_programme_with_open_and_closed_categories_shows_only_the_open_ones(client):
    home = build_home()
    programme = build_programme(home)
    build_category(programme, title="Open award", slug="open")
    build_category(programme, title="Closed award", slug="closed", entries_closed=True)

    section = programme_section(visit(client), programme.title)
    assert [text(h3) for h3 in section.select(".card h3")] == ["Open award"]
    assert section.find("a", string=f"See all {programme.title} categories")


def test_home_page_without_programmes_says_so(client):
    build_home()
    assert "No awards programmes have been published yet." in text(visit(client).find("main"))


def test_home_page_guidance_lists_only_the_sites_own_guidance(client):
    home = build_home()
    build_guidance(home, title="Site guidance", slug="site-guidance")
    build_guidance(build_programme(home), title="Programme guidance", slug="programme-guidance")

    guidance = visit(client).find(attrs={"aria-labelledby": "guidance"})
    assert [text(a) for a in guidance.find_all("a")] == ["Site guidance"]
