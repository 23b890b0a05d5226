"""Confirming an email address brings the entrant back to the page they registered from."""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import link_in_last_email, signup_data
from accounts.verification import has_verified_email

pytestmark = pytest.mark.django_db


def sign_up_from(client, next_url: str):
    url = f"{reverse('account_signup')}?next={quote(next_url)}"
    response = client.post(url, signup_data(next=next_url))
    assert response.status_code == 302
    return User.objects.get(email=signup_data()["email"])


def confirm(client):
    """Open the link in the confirmation email, and press "Confirm email address"."""
    link = link_in_last_email("/accounts/confirm-email/")
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm email address" in page.text
    return client.post(link)


def test_confirming_in_the_same_browser_goes_back_to_the_category(client, mailoutbox):
    from awards.tests.builders import build_category

    category = build_category()
    user = sign_up_from(client, category.url)

    response = confirm(client)

    assert response.status_code == 302
    assert response["Location"] == category.url
    assert has_verified_email(user)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "You have confirmed priya.shah@example.org." in page.text


def test_the_page_to_return_to_is_used_once(client, mailoutbox):
    sign_up_from(client, "/hsj-awards-2024/performance-recovery-award/")
    assert confirm(client)["Location"] == "/hsj-awards-2024/performance-recovery-award/"

    # Changing the address later confirms back on the account page.
    client.post(reverse("account_email"), {"action_add": "", "email": "priya@new.example.org"})
    assert mailoutbox[-1].to == ["priya@new.example.org"]
    assert confirm(client)["Location"] == reverse("account_profile")


def test_a_page_on_another_site_is_never_returned_to(client, mailoutbox):
    sign_up_from(client, "https://evil.example/")

    response = confirm(client)

    assert response.status_code == 302
    assert response["Location"] == settings.LOGIN_REDIRECT_URL  # signed in, on this site


@pytest.mark.parametrize("forged", ["//evil.example/", "/\\evil.example/", "javascript:alert(1)"])
def test_other_disguised_addresses_fall_back_to_this_site(client, mailoutbox, forged):
    sign_up_from(client, forged)

    assert confirm(client)["Location"] == settings.LOGIN_REDIRECT_URL


def test_confirming_in_another_browser_goes_to_the_account_page(client, mailoutbox):
    user = sign_up_from(client, "/hsj-awards-2024/performance-recovery-award/")
    other_browser = Client()
    other_browser.force_login(user)

    response = confirm(other_browser)

    assert response["Location"] == reverse("account_profile")
    assert has_verified_email(user)
