"""Every public page has a title, a description and Open Graph tags for link previews."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.models import CategoryPage, GuidancePage, ProgrammePage
from awards.tests.builders import build_category, load_demo_site
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY

pytestmark = pytest.mark.django_db


def head(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup: BeautifulSoup, **attrs) -> str:
    tag = soup.find("meta", attrs=attrs)
    assert tag is not None, f"no <meta {attrs}>"
    return tag["content"]


def demo_pages() -> dict[str, tuple[str, str]]:
    """Each demo page: its URL, and the title a browser tab shows."""
    return {
        "home": ("/", "HSJ Awards"),
        "programme": (
            ProgrammePage.objects.get(slug="hsj-awards-2024").url,
            "HSJ Awards 2024 | HSJ Awards",
        ),
        "open category": (
            CategoryPage.objects.get(title=PERFORMANCE_RECOVERY["title"]).url,
            f"{PERFORMANCE_RECOVERY['title']} | HSJ Awards",
        ),
        "closed category": (
            CategoryPage.objects.get(title=COMMUNITY_PARTNERSHIP["title"]).url,
            f"{COMMUNITY_PARTNERSHIP['title']} | HSJ Awards",
        ),
        "guidance": (GuidancePage.objects.get().url, "How to enter | HSJ Awards"),
    }


@pytest.mark.parametrize(
    "name", ["home", "programme", "open category", "closed category", "guidance"]
)
def test_each_demo_page_has_a_title_description_and_open_graph_tags(client, name):
    load_demo_site()
    url, title = demo_pages()[name]

    soup = head(client, url)
    assert soup.title.get_text() == title
    assert meta(soup, name="description")
    assert meta(soup, property="og:title") == title.split(" | ")[0]
    assert meta(soup, property="og:description") == meta(soup, name="description")
    assert meta(soup, property="og:url").endswith(url)
    assert meta(soup, property="og:site_name") == "HSJ Awards"


def test_category_description_falls_back_to_its_summary(client):
    category = build_category(summary="For teams restoring services.", search_description="")

    soup = head(client, category.url)
    assert meta(soup, name="description") == "For teams restoring services."


def test_editors_description_and_seo_title_win(client):
    category = build_category(
        summary="The summary.", search_description="Set by an editor.", seo_title="Better title"
    )

    soup = head(client, category.url)
    assert meta(soup, name="description") == "Set by an editor."
    assert soup.title.get_text() == "Better title | Awards"
    assert meta(soup, property="og:title") == "Better title"


def test_search_page_has_a_title_and_description(client):
    soup = head(client, reverse("search") + "?q=award")

    assert soup.title.get_text() == "Search results for “award” | Awards"
    assert meta(soup, name="description")
    assert meta(soup, property="og:title") == "Search"
