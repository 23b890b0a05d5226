"""Registering: the form, the account it makes, the confirmation email, and
coming back to the page the entrant started from."""

from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import link_in_last_email, main_html, signup_data
from accounts.verification import has_verified_email

pytestmark = pytest.mark.django_db

CATEGORY_URL = "/hsj-awards-2024/performance-recovery-award/"


def signed_in_user(client):
    return client.get(reverse("account_profile")).wsgi_request.user


def test_the_form_asks_for_name_organisation_email_and_password(client):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    assert "<h1" in response.text and "Create an account" in response.text
    for field_id, label in [
        ("id_first_name", "First name"),
        ("id_last_name", "Last name"),
        ("id_organisation", "Organisation"),
        ("id_email", "Email address"),
        ("id_password1", "Create a password"),
        ("id_password2", "Confirm your password"),
    ]:
        assert f'<label class="label" for="{field_id}">{label}</label>' in response.text
    # Labels, not placeholders.
    assert "placeholder=" not in main_html(response)
    assert 'class="button"' in response.text


def test_signing_up_saves_the_details_and_sends_a_confirmation_link(client, mailoutbox):
    response = client.post(reverse("account_signup"), signup_data())

    user = User.objects.get(email="priya.shah@example.org")
    assert (user.first_name, user.last_name, user.organisation) == (
        "Priya",
        "Shah",
        "Riverside Community Health",
    )
    assert user.check_password(signup_data()["password1"])
    # Not signed in yet: the page says only "Check your email", as it does for an
    # address that already has an account (accounts/tests/test_enumeration.py).
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert not signed_in_user(client).is_authenticated
    assert EmailAddress.objects.get(user=user).verified is False
    assert not has_verified_email(user)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["priya.shah@example.org"]
    assert mailoutbox[0].subject == "Confirm your email address"
    assert "Hello Priya," in mailoutbox[0].body
    assert reverse("account_confirm_email", args=["KEY"]).replace("KEY/", "") in (
        mailoutbox[0].body
    )


def test_the_link_in_the_email_confirms_the_address_and_signs_in(client, mailoutbox, home_page):
    client.post(reverse("account_signup"), signup_data())
    confirm_path = link_in_last_email("/accounts/confirm-email/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Confirm your email address" in page.text
    assert "priya.shah@example.org" in page.text

    response = client.post(confirm_path, follow=True)

    user = User.objects.get(email="priya.shah@example.org")
    assert has_verified_email(user)
    assert response.wsgi_request.user == user
    assert response.redirect_chain[-1][0] == "/"
    assert "You have confirmed priya.shah@example.org." in response.text


def test_the_link_opened_in_another_browser_confirms_and_asks_to_sign_in(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data())
    confirm_path = link_in_last_email("/accounts/confirm-email/")

    elsewhere = Client()
    response = elsewhere.post(confirm_path, follow=True)

    assert has_verified_email(User.objects.get(email="priya.shah@example.org"))
    assert not response.wsgi_request.user.is_authenticated
    assert "You have confirmed priya.shah@example.org." in response.text


def test_an_old_or_wrong_confirmation_link_says_so(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))

    assert response.status_code == 200
    assert "This confirmation link has expired or is not valid." in response.text


def confirm(client) -> object:
    """Open the link in the confirmation email in the same browser, and confirm."""
    return client.post(link_in_last_email("/accounts/confirm-email/"))


def test_signing_up_returns_the_entrant_to_the_page_they_came_from(client, mailoutbox):
    form = client.get(reverse("account_signup") + f"?next={quote(CATEGORY_URL)}")
    assert f'<input type="hidden" name="next" value="{CATEGORY_URL}">' in form.text

    client.post(
        reverse("account_signup") + f"?next={quote(CATEGORY_URL)}",
        signup_data(next=CATEGORY_URL),
    )
    response = confirm(client)

    assert response.status_code == 302
    assert response.url == CATEGORY_URL


def test_a_next_address_on_another_site_is_ignored(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data(next="https://phishing.example/steal"))
    response = confirm(client)

    assert response.status_code == 302
    assert response.url == "/"


def test_missing_details_are_listed_in_an_error_summary_and_by_each_field(client):
    response = client.post(reverse("account_signup"), {"email": "not-an-email"})

    assert not User.objects.exists()
    assert "<title>Error: Create an account" in response.text
    assert 'class="error-summary" role="alert" tabindex="-1"' in response.text
    assert "There is a problem" in response.text
    assert '<a href="#id_first_name">Enter your first name</a>' in response.text
    assert '<a href="#id_organisation">Enter your organisation</a>' in response.text
    assert (
        '<a href="#id_email">Enter an email address in the correct format, like name@example.com</a>'
        in response.text
    )
    assert 'id="id_first_name-error"' in response.text
    assert 'aria-describedby="id_first_name-error"' in response.text
    # What was typed comes back.
    assert 'value="not-an-email"' in response.text


def test_a_password_that_is_too_short_is_refused(client):
    response = client.post(
        reverse("account_signup"), signup_data(password1="short", password2="short")
    )

    assert not User.objects.exists()
    assert "This password is too short." in response.text


def test_passwords_that_do_not_match_are_refused(client):
    response = client.post(reverse("account_signup"), signup_data(password2="something-else-1"))

    assert not User.objects.exists()
    assert '<a href="#id_password2">You must type the same password each time.</a>' in (
        response.text
    )


def test_the_sign_in_link_on_the_form_keeps_the_page_to_return_to(client):
    response = client.get(reverse("account_signup") + f"?next={quote(CATEGORY_URL)}")

    assert f'href="{reverse("account_login")}?next={quote(CATEGORY_URL, safe="")}"' in (
        response.text
    )


def test_registering_from_a_category_page_comes_back_to_it(client):
    from awards.tests.builders import build_category

    category = build_category()
    page = client.get(category.url)
    signup_link = f"{reverse('account_signup')}?next={quote(category.url)}"
    assert f'href="{signup_link}"' in page.text

    sent = client.post(signup_link, signup_data(next=category.url), follow=True)
    assert "Check your email" in sent.text
    response = client.post(link_in_last_email("/accounts/confirm-email/"), follow=True)

    assert response.redirect_chain[-1][0] == category.url
    assert response.status_code == 200
    assert response.wsgi_request.user.email == "priya.shah@example.org"
