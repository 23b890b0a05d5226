"""Sign-up, password reset and sign-in say nothing about whether an address has an
account (issue 13, item 3): the page is the same, and the owner is told by email."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import build_user, link_in_last_email, main_html, signup_data
from accounts.verification import has_verified_email

pytestmark = pytest.mark.django_db

KNOWN = "jo.entrant@example.org"
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
NEW = "new.person@example.org"


def answer(response, email: str) -> tuple:
    """What a stranger sees: status, where they were sent, the page, whether signed in."""
    return (
        response.status_code,
        [url for url, _ in response.redirect_chain],
        CSRF_TOKEN.sub("", main_html(response)).replace(email, "EMAIL"),
        response.wsgi_request.user.is_authenticated,
    )


def sign_up(email: str):
    return Client().post(reverse("account_signup"), signup_data(email=email), follow=True)


def test_signing_up_with_a_known_address_answers_as_for_a_new_one(mailoutbox):
    owner = build_user(KNOWN)

    known, new = sign_up(KNOWN), sign_up(NEW)

    assert answer(known, KNOWN) == answer(new, NEW)
    assert known.status_code == 200 and "Check your email" in known.text
    assert not known.wsgi_request.user.is_authenticated
    # No second account, and the first is unchanged.
    assert User.objects.filter(email=KNOWN).get() == owner
    owner.refresh_from_db()
    assert owner.first_name == "Jo"


def test_the_owner_of_a_known_address_is_emailed_how_to_sign_in(mailoutbox):
    build_user(KNOWN)

    sign_up(KNOWN)

    [message] = mailoutbox
    assert message.to == [KNOWN]
    assert message.subject == "You already have an account"
    assert reverse("account_login") in message.body
    assert reverse("account_reset_password") in message.body
    assert "/accounts/confirm-email/" not in message.body


def test_a_new_address_gets_a_confirmation_link_and_is_signed_in_by_it(mailoutbox):
    client = Client()
    response = client.post(reverse("account_signup"), signup_data(email=NEW), follow=True)

    assert not response.wsgi_request.user.is_authenticated
    [message] = mailoutbox
    assert message.to == [NEW] and message.subject == "Confirm your email address"

    confirmed = client.post(link_in_last_email("/accounts/confirm-email/"), follow=True)

    assert confirmed.wsgi_request.user.email == NEW
    assert has_verified_email(confirmed.wsgi_request.user)


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(mailoutbox):
    build_user(KNOWN)

    def reset(email):
        return Client().post(reverse("account_reset_password"), {"email": email}, follow=True)

    assert answer(reset(KNOWN), KNOWN) == answer(reset(NEW), NEW)


def test_sign_in_answers_the_same_for_a_wrong_password_and_an_unknown_address():
    build_user(KNOWN)

    def sign_in(email):
        return Client().post(
            reverse("account_login"), {"login": email, "password": "not-the-password"}, follow=True
        )

    assert answer(sign_in(KNOWN), KNOWN) == answer(sign_in(NEW), NEW)
