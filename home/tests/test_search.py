"""Site search finds programmes, categories and guidance by the words on them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.tests.builders import build_category, build_programme, load_demo_site
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY

pytestmark = pytest.mark.django_db


def search(client, query: str, **params) -> BeautifulSoup:
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(soup: BeautifulSoup) -> list[str]:
    return [" ".join(a.get_text().split()) for a in soup.select(".results h2 a")]


def test_a_word_only_in_a_categorys_criteria_finds_that_category(client):
    load_demo_site()

    soup = search(client, "replicated")
    assert result_titles(soup) == [PERFORMANCE_RECOVERY["title"]]
    link = soup.select_one(".results h2 a")
    assert link["href"] == "/hsj-awards-2024/performance-recovery-award/"
    assert "1 result for “replicated”" in soup.find(role="status").get_text()

    # The open Private Sector Partnership Award shares the partnership seed's criteria.
    assert sorted(result_titles(search(client, "disseminated"))) == sorted(
        [COMMUNITY_PARTNERSHIP["title"], "Private Sector Partnership Award"]
    )


def test_search_finds_guidance_by_its_body_text(client):
    load_demo_site()

    assert "How to enter" in result_titles(search(client, "testimonials"))


def test_every_word_must_match(client):
    load_demo_site()

    assert result_titles(search(client, "replicated disseminated")) == []


def test_search_shows_the_result_summary(client):
    load_demo_site()

    soup = search(client, "replicated")
    assert PERFORMANCE_RECOVERY["summary"] in soup.select_one(".results li").get_text()


def test_search_without_matches_says_so(client):
    load_demo_site()

    soup = search(client, "xylophone")
    assert "0 results for “xylophone”" in soup.find(role="status").get_text()
    assert "Nothing matched" in soup.find("main").get_text()


def test_search_page_without_a_query_shows_only_the_form(client):
    soup = search(client, "")

    assert soup.find("label", string="Search awards, categories, guidance, contacts and sponsors")
    assert soup.find(role="status") is None


def test_unpublished_categories_are_not_found(client):
    programme = build_programme()
    hidden = build_category(programme, title="Hidden Zebra Award", slug="hidden")
    hidden.unpublish()
    build_category(programme, title="Visible Zebra Award", slug="visible")

    assert result_titles(search(client, "zebra")) == ["Visible Zebra Award"]


def test_results_come_ten_to_a_page(client):
    programme = build_programme()
    for n in range(12):
        build_category(programme, title=f"Quokka Award {n}", slug=f"quokka-{n}")

    first = search(client, "quokka")
    assert len(result_titles(first)) == 10
    assert first.find("a", string="Next")
    second = search(client, "quokka", page=2)
    assert len(result_titles(second)) == 2
    assert "Page 2 of 2" in second.find("main").get_text()
