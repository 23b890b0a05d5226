"""Registering: the form, the account it makes, the confirmation email, and
coming back to the page the entrant started from."""

from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import build_user, link_in_last_email, main_html, signup_data
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


def test_signing_up_saves_the_details_signs_in_and_sends_a_confirmation_link(client, mailoutbox):
    response = client.post(reverse("account_signup"), signup_data())

    user = User.objects.get(email="priya.shah@example.org")
    assert (user.first_name, user.last_name, user.organisation) == (
        "Priya",
        "Shah",
        "Riverside Community Health",
    )
    assert user.check_password(signup_data()["password1"])
    # Verification is optional: the entrant is signed in straight away...
    assert response.status_code == 302
    assert signed_in_user(client) == user
    # ...with an unverified address and a link to verify it.
    assert EmailAddress.objects.get(user=user).verified is False
    assert not has_verified_email(user)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["priya.shah@example.org"]
    assert mailoutbox[0].subject == "Confirm your email address"
    assert "Hello Priya," in mailoutbox[0].body
    assert reverse("account_confirm_email", args=["KEY"]).replace("KEY/", "") in (
        mailoutbox[0].body
    )


def test_the_link_in_the_email_confirms_the_address(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data())
    confirm_path = link_in_last_email("/accounts/confirm-email/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Confirm your email address" in page.text
    assert "priya.shah@example.org" in page.text

    response = client.post(confirm_path, follow=True)

    user = User.objects.get(email="priya.shah@example.org")
    assert has_verified_email(user)
    assert response.redirect_chain[-1][0] == reverse("account_profile")
    assert "You have confirmed priya.shah@example.org." in response.text
    assert "Not confirmed" not in response.text


def test_an_old_or_wrong_confirmation_link_says_so(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))

    assert response.status_code == 200
    assert "This confirmation link has expired or is not valid." in response.text


def test_signing_up_returns_the_entrant_to_the_page_they_came_from(client):
    form = client.get(reverse("account_signup") + f"?next={quote(CATEGORY_URL)}")
    assert f'<input type="hidden" name="next" value="{CATEGORY_URL}">' in form.text

    response = client.post(
        reverse("account_signup") + f"?next={quote(CATEGORY_URL)}",
        signup_data(next=CATEGORY_URL),
    )

    assert response.status_code == 302
    assert response.url == CATEGORY_URL


def test_a_next_address_on_another_site_is_ignored(client):
    response = client.post(
        reverse("account_signup"), signup_data(next="https://phishing.example/steal")
    )

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


def test_an_address_that_already_has_an_account_is_refused_with_a_way_in(client, mailoutbox):
    # With optional verification sign-up signs in at once, so allauth cannot
    # hide that the address is taken (it does only with mandatory verification).
    build_user("priya.shah@example.org")

    response = client.post(reverse("account_signup"), signup_data())

    assert User.objects.count() == 1
    assert (
        '<a href="#id_email">An account already uses this email address. Sign in, '
        "or reset your password if you have forgotten it.</a>"
    ) in response.text
    assert mailoutbox == []


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

    response = client.post(signup_link, signup_data(next=category.url), follow=True)

    assert response.redirect_chain[-1][0] == category.url
    assert response.status_code == 200
    assert response.wsgi_request.user.email == "priya.shah@example.org"
