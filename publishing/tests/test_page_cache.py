"""Anonymous pages are cached whole, by us and by any proxy, and never outlive a change.

Issue #7: correct Cache-Control and Vary, nothing personal in an anonymous
response, the page cache purged on publish, signed-in pages never cached by
anything shared.
"""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageViewRestriction, Site

from awards.models import SiteSettings
from awards.tests.builders import (
    attach_contacts,
    build_category,
    build_home,
    build_programme,
)
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db


def cache_control(response) -> dict[str, str]:
    parts = [part.strip() for part in response["Cache-Control"].split(",")]
    return dict(part.split("=", 1) if "=" in part else (part, "") for part in parts)


@pytest.fixture
def category():
    return build_category(build_programme(build_home()))


def test_an_anonymous_page_is_public_for_proxies_and_served_from_the_cache(client, category):
    first = client.get(category.url)
    assert first.status_code == 200
    control = cache_control(first)
    assert "public" in control
    assert int(control["s-maxage"]) > 0
    assert 0 < int(control["max-age"]) <= 60
    assert "Cookie" in first["Vary"]
    assert not first.cookies  # no session, no CSRF cookie: nothing personal
    assert first["X-Page-Cache"] == "miss"

    second = client.get(category.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "Content-Security-Policy" in second  # added again, not stored


def test_a_published_change_shows_on_the_next_request(client, category):
    assert b"Performance Recovery Award" in client.get(category.url).content
    revision = category.save_revision()
    category.title = "Patient Safety Award"
    revision = category.save_revision()
    revision.publish()

    response = client.get(category.url)
    assert response["X-Page-Cache"] == "miss"
    assert b"Patient Safety Award" in response.content


def test_an_unpublished_page_is_gone_at_once(client, category):
    assert client.get(category.url).status_code == 200
    category.unpublish()
    assert client.get(category.url).status_code == 404


def test_a_changed_contact_or_footer_shows_at_once(client, category):
    contact = attach_contacts(category, 1)[0]
    assert b"Contact 1" in client.get(category.url).content
    contact.name = "Priya Shah"
    contact.save()
    assert b"Priya Shah" in client.get(category.url).content

    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.site_name = "Northshire Health Awards"
    site_settings.save()
    assert b"Northshire Health Awards" in client.get(category.url).content


def test_a_signed_in_page_is_private_and_never_from_the_cache(client, category):
    client.get(category.url)  # cached for visitors
    client.force_login(build_user())
    response = client.get(category.url)
    assert "X-Page-Cache" not in response
    assert "private" in cache_control(response) and "no-store" in cache_control(response)
    assert b"Sign out" in response.content


def test_a_signed_in_entrant_sees_changed_criteria_contacts_and_footer_at_once(client, category):
    # The parts of the page that are the same for everyone are rendered once per
    # content version ({% published_fragment %}); an editor's change retires them.
    contact = attach_contacts(category, 1)[0]
    client.force_login(build_user())
    assert b"Contact 1" in client.get(category.url).content
    contact.name = "Priya Shah"
    contact.save()
    category.title = "Patient Safety Award"
    category.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.site_name = "Northshire Health Awards"
    site_settings.save()

    page = client.get(category.url).content.decode()
    assert "Priya Shah" in page and "Contact 1" not in page
    assert "<h1>Patient Safety Award</h1>" in page
    assert "&copy; " in page and "Northshire Health Awards</p>" in page


def test_each_site_keeps_its_own_footer(client, category):
    home = category.get_site().root_page
    Site.objects.create(hostname="other.example.org", port=80, root_page=home, site_name="Other")
    other = SiteSettings.for_site(Site.objects.get(hostname="other.example.org"))
    other.site_name = "Other Region Awards"
    other.save()
    first = client.get("/", HTTP_HOST="localhost").content.decode()
    second = client.get("/", HTTP_HOST="other.example.org").content.decode()
    assert "Other Region Awards</p>" in second
    assert "Other Region Awards" not in first


def test_requests_with_a_query_string_are_not_cached(client, category):
    response = client.get(category.url, {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_page_is_not_kept_past_the_moment_entries_close(client):
    closes = timezone.now() + timedelta(seconds=90)
    category = build_category(build_programme(build_home()), closes=closes)
    response = client.get(category.url)
    assert int(cache_control(response)["s-maxage"]) <= 90
    assert b"Closing soon" in response.content

    with freeze_time(closes + timedelta(seconds=1)):
        after = client.get(category.url)
    assert after["X-Page-Cache"] == "miss"
    assert b"Entries are now closed" in after.content


def test_a_restricted_page_is_never_cached(client, category):
    client.get(category.url)
    PageViewRestriction.objects.create(page=category, restriction_type="login")
    response = client.get(category.url)
    assert response.status_code == 302  # to sign in: the restriction applies at once
    assert "X-Page-Cache" not in response


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_switched_off(client, category):
    client.get(category.url)
    assert "X-Page-Cache" not in client.get(category.url)


def test_the_accent_colour_is_a_stylesheet_not_an_inline_style(client, category):
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.accent_colour = "#00696B"
    site_settings.save()
    page = client.get(category.url).content.decode()
    assert "<style" not in page
    assert '<link rel="stylesheet" href="/theme/00696B.css">' in page

    css = client.get("/theme/00696B.css")
    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert css.content.decode().strip() == ":root{--accent:#00696b}"
    assert "immutable" in css["Cache-Control"]
    assert client.get("/theme/00696Z.css").status_code == 404
