"""The site opens in a real Chromium: home page and the Wagtail admin login."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_and_admin_login_open_in_chromium(live_server, page, home_page):
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == home_page.title
    assert page.get_by_role("link", name="Skip to main content").count() == 1

    response = page.goto(live_server.url + "/admin/")
    assert response.status == 200
    assert "/admin/login/" in page.url
    assert page.get_by_label("Email").is_visible()
    assert page.get_by_role("button", name="Sign in").is_visible()
