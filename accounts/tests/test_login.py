"""Signing in and out: the form, going back to where the entrant was, and the
lock-out after too many failed attempts."""

import io
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accounts.tests.builders import PASSWORD, build_user, link_in_last_email, main_html

pytestmark = pytest.mark.django_db

CATEGORY_URL = "/hsj-awards-2024/performance-recovery-award/"
RATE_LIMITS_ON = {"login_failed": "10/m/ip,5/300s/key"}


def sign_in(client, email="jo.entrant@example.org", password=PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


def test_the_sign_in_page_has_labelled_fields_and_a_way_to_register_or_reset(client):
    response = client.get(reverse("account_login"))

    html = main_html(response)
    assert "<title>Sign in | " in response.text
    assert '<label class="label" for="id_login">Email address</label>' in html
    assert '<label class="label" for="id_password">Password</label>' in html
    assert '<button type="submit" class="button">Sign in</button>' in html
    assert f'href="{reverse("account_reset_password")}">Forgotten your password?</a>' in html
    assert f'href="{reverse("account_signup")}">Create an account</a>' in html


def test_signing_in_goes_back_to_the_page_named_in_next(client):
    user = build_user()
    form = client.get(reverse("account_login") + f"?next={quote(CATEGORY_URL)}")
    assert f'<input type="hidden" name="next" value="{CATEGORY_URL}">' in form.text
    assert f'href="{reverse("account_signup")}?next={quote(CATEGORY_URL, safe="")}"' in form.text

    response = sign_in(client, next=CATEGORY_URL)

    assert response.status_code == 302
    assert response.url == CATEGORY_URL
    assert client.get(reverse("account_profile")).wsgi_request.user == user


def test_without_next_signing_in_goes_to_the_home_page(client):
    build_user()

    response = sign_in(client)

    assert response.url == "/"


def test_a_next_address_on_another_site_is_ignored(client):
    build_user()

    response = sign_in(client, next="https://phishing.example/")

    assert response.url == "/"


def test_the_address_is_not_case_sensitive(client):
    build_user()

    response = sign_in(client, email="Jo.Entrant@Example.ORG")

    assert response.status_code == 302


def test_a_wrong_password_is_refused_with_an_error_summary(client):
    build_user()

    response = sign_in(client, password="not-my-password")

    assert response.status_code == 400  # the same page with its error summary, as a refusal
    assert "<title>Error: Sign in | " in response.text
    assert "There is a problem" in response.text
    assert '<a href="#id_login">The email address or password is not correct.</a>' in (
        response.text
    )
    assert 'value="jo.entrant@example.org"' in response.text
    assert not response.wsgi_request.user.is_authenticated


def test_empty_fields_are_named_in_the_summary(client):
    response = client.post(reverse("account_login"), {})

    assert '<a href="#id_login">Enter your email address</a>' in response.text
    assert '<a href="#id_password">Enter your password</a>' in response.text


@pytest.fixture
def empty_cache():
    # allauth counts attempts in the cache; start and end each test with none.
    cache.clear()
    yield
    cache.clear()


@override_settings(ACCOUNT_RATE_LIMITS=RATE_LIMITS_ON)
def test_too_many_failed_attempts_lock_the_account_for_a_while(client, empty_cache):
    build_user()
    for _ in range(5):
        response = sign_in(client, password="guess-again")
        assert "The email address or password is not correct." in response.text

    response = sign_in(client)  # even the right password, now

    assert "Too many failed attempts to sign in. Wait 5 minutes and try again" in response.text
    assert 'class="error-summary"' in response.text
    assert not response.wsgi_request.user.is_authenticated


def test_rate_limits_are_off_in_tests_unless_a_test_turns_them_on(client, empty_cache):
    build_user()
    for _ in range(8):
        sign_in(client, password="guess-again")

    assert sign_in(client).status_code == 302


def test_signing_out_needs_a_post_and_ends_the_session(client, home_page):
    build_user()
    sign_in(client)

    confirm = client.get(reverse("account_logout"))
    assert "Are you sure you want to sign out?" in confirm.text
    assert confirm.wsgi_request.user.is_authenticated

    response = client.post(reverse("account_logout"), follow=True)

    assert not response.wsgi_request.user.is_authenticated
    assert "You have signed out." in response.text


def test_the_header_shows_account_and_sign_out_once_signed_in(client):
    build_user()
    sign_in(client)

    response = client.get(reverse("account_profile"))

    assert f'<a href="{reverse("account_profile")}">Account</a>' in response.text
    assert "Sign out</button>" in response.text


@override_settings(ACCOUNT_RATE_LIMITS={"login": "2/m/ip"})
def test_too_many_requests_get_a_page_of_ours_saying_to_wait(client, empty_cache):
    # Only form posts count; reading the page never does.
    for _ in range(2):
        assert sign_in(client, password="guess").status_code == 400

    response = sign_in(client, password="guess")

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.text
    assert 'class="site-header"' in response.text


def test_an_address_never_confirmed_is_sent_a_new_link_instead_of_signing_in(client, mailoutbox):
    # Accounts made before confirmation was needed to sign in: the right password
    # sends a fresh link, which signs the entrant in (a wrong one says only "not correct").
    build_user(verified=False)

    response = client.post(
        reverse("account_login"),
        {"login": "jo.entrant@example.org", "password": PASSWORD},
        follow=True,
    )

    assert "Check your email" in response.text
    assert not response.wsgi_request.user.is_authenticated
    [message] = mailoutbox
    assert message.subject == "Confirm your email address"
    confirmed = client.post(link_in_last_email("/accounts/confirm-email/"), follow=True)
    assert confirmed.wsgi_request.user.email == "jo.entrant@example.org"


def test_the_local_admin_can_sign_in_through_the_sites_own_form(client, tmp_path, settings):
    settings.DEBUG = True  # the command is for local development only
    settings.BASE_DIR = tmp_path  # where the command keeps the password
    call_command("ensure_local_admin", stdout=io.StringIO())
    password = (tmp_path / ".dev-admin-password").read_text().strip()

    response = sign_in(client, email="admin@example.org", password=password)

    assert response.status_code == 302
    assert response.wsgi_request.user.is_authenticated
