"""Every account page is one of ours: the site layout, its stylesheet, one h1."""

import pytest
from django.urls import reverse

from accounts.tests.builders import build_user

pytestmark = pytest.mark.django_db

PUBLIC = [
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
    ("account_reset_password_done", {}),
    ("account_confirm_email", {"key": "no-such-key"}),
    ("account_email_verification_sent", {}),
]
SIGNED_IN = [
    ("account_profile", {}),
    ("account_email", {}),
    ("account_change_password", {}),
    ("account_logout", {}),
]


def assert_site_page(response) -> None:
    html = response.text
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'class="skip-link" href="#main"' in html
    assert 'class="site-header"' in html
    assert "/static/css/site.css" in html
    assert "/static/css/accounts.css" in html
    assert 'class="site-footer' in html
    # Not for search engines, but described (Wagtail's checker flags an empty description).
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="description" content="Register, sign in and manage' in html


@pytest.mark.parametrize(("name", "kwargs"), PUBLIC)
def test_public_account_pages_use_the_site_layout(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert_site_page(response)
    assert "account-page--entrance" in response.text


@pytest.mark.parametrize(("name", "kwargs"), SIGNED_IN)
def test_signed_in_account_pages_use_the_site_layout_and_account_navigation(client, name, kwargs):
    client.force_login(build_user())

    response = client.get(reverse(name, kwargs=kwargs))

    assert_site_page(response)
    assert 'aria-label="Your account"' in response.text


def test_the_current_account_page_is_marked_in_the_navigation(client):
    client.force_login(build_user())

    response = client.get(reverse("account_change_password"))

    assert (
        f'<a href="{reverse("account_change_password")}" aria-current="page">Password</a>'
        in response.text
    )
