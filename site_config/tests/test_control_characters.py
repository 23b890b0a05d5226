"""Control characters in a request's query never reach the database (issue 13, item 4).

A NUL in the site search was a 500 (PostgreSQL refuses NUL in a string; SQLite's
full-text search a syntax error), and a 503 with Retry-After under the production
error handler, which told monitoring the database was down. A query parameter, name
or value, holding a control character is now refused with a 400 page before any
view runs; the search also drops such characters itself.
"""

import pytest
from django.test import Client
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.tests.builders import build_entry_form, build_user

pytestmark = pytest.mark.django_db

CONTROLS = ["\x00", "award\x00", "\x01", "a\x1fb", "\x7f", "\x1b[31m"]


@pytest.fixture
def client():
    # Answer as the site would: a 500 or 503 page, not an exception in the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def entries_manager(db):
    from django.contrib.auth.models import Group

    user = build_user("manager@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Entries managers"))
    return user


@pytest.mark.parametrize("value", CONTROLS)
def test_a_control_character_in_the_site_search_is_a_400_not_a_database_error(
    client, home_page, value
):
    build_category(build_programme(home_page))
    response = client.get(reverse("search"), {"q": value})
    assert response.status_code == 400
    assert "Retry-After" not in response
    assert "cannot be used" in response.text


def test_a_control_character_in_a_parameter_name_or_an_unused_parameter_is_refused(
    client, home_page
):
    assert client.get(reverse("search") + "?q=award&x%00=1").status_code == 400
    assert client.get(reverse("search") + "?page=%00").status_code == 400


def test_ordinary_searches_still_work(client, home_page):
    build_category(build_programme(home_page))
    for query in ["award", "performance recovery", 'say "hi"', "tab\there", "ünïcode"]:
        assert client.get(reverse("search"), {"q": query}).status_code == 200, query


def test_the_search_drops_control_characters_itself():
    from home.views import search_terms

    assert search_terms("per\x00for\x01mance\x7f") == "performance"
    assert search_terms('  "recovery"\tand\r\nspread  ') == "recovery and spread"
    assert search_terms("\x00") == ""


@pytest.mark.parametrize(
    "params",
    [{"q": "\x00"}, {"q": "jo\x00"}, {"category": "1\x00"}, {"status__exact": "draft\x00"}],
)
def test_the_entries_listing_refuses_control_characters_in_its_search_and_filters(
    client, entries_manager, params
):
    client.force_login(entries_manager)
    for extra in ({}, {"export": "csv"}):
        response = client.get(reverse("forms_entry_modeladmin_index"), {**params, **extra})
        assert response.status_code == 400, (params, extra)


def test_wagtails_own_admin_searches_refuse_them_too(client):
    client.force_login(build_user("admin@example.org", is_staff=True, is_superuser=True))
    for url in ["/admin/pages/search/", "/admin/snippets/forms/entryform/", "/admin/users/"]:
        assert client.get(url, {"q": "\x00"}).status_code == 400, url


def test_a_control_character_in_a_page_address_is_refused_not_an_error(client, home_page):
    assert client.get("/some%00page/").status_code == 400
    assert client.get("/search%01/").status_code == 400
    assert client.get("/").status_code == 200


def test_a_file_id_with_a_nul_in_a_save_changes_nothing_and_is_no_error(client, home_page):
    entrant = build_user()
    category = build_category(build_programme(home_page), entry_form=build_entry_form())
    entry = services.start_entry(user=entrant, page=category)
    client.force_login(entrant)
    response = client.post(
        reverse("entry_save", args=[entry.public_id]),
        {"version": str(entry.version), "remove_file": ["\x00", "x" * 40]},
        headers={"Accept": "application/json"},
    )
    assert response.status_code < 500
