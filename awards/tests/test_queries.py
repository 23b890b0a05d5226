"""Rendering a page costs the same number of queries however much content it holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import ProgrammeSponsor
from awards.tests.builders import (
    attach_contacts,
    build_category,
    build_contact,
    build_home,
    build_programme,
    build_sponsor,
    set_default_contacts,
)

pytestmark = pytest.mark.django_db


def queries_to_render(client, url: str) -> int:
    """Queries for a page once warm: image renditions exist and live in the cache."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_category_page_queries_do_not_grow_with_sections_or_contacts(client):
    home = build_home()
    set_default_contacts(home, [build_contact(90)])
    programme = build_programme(home)
    small = build_category(programme, title="Small", sections=1, sponsor=build_sponsor(1))
    attach_contacts(small, 1)
    large = build_category(programme, title="Large", sections=10, sponsor=build_sponsor(2))
    attach_contacts(large, 10, first=20)

    assert queries_to_render(client, large.url) == queries_to_render(client, small.url)


def test_category_page_queries_do_not_grow_with_site_default_contacts(client):
    home = build_home()
    programme = build_programme(home)
    category = build_category(programme)
    set_default_contacts(home, [build_contact(1)])
    one_contact = queries_to_render(client, category.url)

    set_default_contacts(home, [build_contact(n) for n in range(2, 11)])
    assert queries_to_render(client, category.url) == one_contact


def test_category_page_renders_within_a_fixed_budget(client, django_assert_max_num_queries):
    home = build_home()
    set_default_contacts(home, [build_contact(n) for n in range(50, 55)])
    category = build_category(build_programme(home), sections=10, sponsor=build_sponsor(1))
    attach_contacts(category, 10)
    client.get(category.url)  # makes the sponsor logo's rendition
    with django_assert_max_num_queries(18):
        response = client.get(category.url)
    assert response.status_code == 200


def test_programme_page_queries_do_not_grow_with_categories_contacts_or_sponsors(client):
    home = build_home()
    small = build_programme(home, title="Small Awards", slug="small")
    build_category(small)
    ProgrammeSponsor.objects.create(page=small, sponsor=build_sponsor(1))
    large = build_programme(home, title="Large Awards", slug="large")
    for n in range(10):
        build_category(large, title=f"Category {n}", slug=f"category-{n}")
    for n in range(2, 12):
        ProgrammeSponsor.objects.create(page=large, sponsor=build_sponsor(n))
    attach_contacts(large, 10)
    attach_contacts(small, 1, first=30)

    assert queries_to_render(client, large.url) == queries_to_render(client, small.url)


def test_home_page_queries_do_not_grow_with_categories(client):
    home = build_home()
    programme = build_programme(home)
    build_category(programme, title="Only category", slug="only")
    one_category = queries_to_render(client, home.url)

    for n in range(10):
        build_category(programme, title=f"Category {n}", slug=f"category-{n}")
    build_category(build_programme(home, title="Other Awards", slug="other"))
    assert queries_to_render(client, home.url) == one_category
