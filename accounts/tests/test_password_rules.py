"""AUTH_PASSWORD_VALIDATORS, as an entrant meets them on the sign-up form:
common and short passwords are refused, each with a message saying why."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import signup_data

pytestmark = pytest.mark.django_db


def sign_up_with(client, password: str):
    return client.post(
        reverse("account_signup"), signup_data(password1=password, password2=password)
    )


def password_errors(response) -> str:
    """The error message shown by the password field."""
    html = response.text
    start = html.index('id="id_password1-error"')
    return html[start : html.index("</p>", start)]


def test_a_common_password_is_refused_and_the_form_says_why(client):
    response = sign_up_with(client, "password")

    assert not User.objects.exists()
    assert response.status_code == 400
    errors = password_errors(response)
    assert "This password is too common." in errors
    assert "This password is too short. It must contain at least 10 characters." in errors
    # Listed in the error summary too, linked to the field.
    assert '<a href="#id_password1">This password is too common.</a>' in response.text


def test_a_short_password_is_refused_and_the_form_says_how_long_it_must_be(client):
    response = sign_up_with(client, "short1")

    assert not User.objects.exists()
    errors = password_errors(response)
    assert "This password is too short. It must contain at least 10 characters." in errors


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("1234567890123", "This password is entirely numeric."),
        ("qwertyuiop", "This password is too common."),
        ("priya.shah.example", "The password is too similar to the email address."),
    ],
)
def test_numeric_common_and_personal_passwords_are_refused(client, password, message):
    response = sign_up_with(client, password)

    assert not User.objects.exists()
    assert message in password_errors(response)


def test_the_form_says_what_a_good_password_is_before_anyone_gets_it_wrong(client):
    response = client.get(reverse("account_signup"))

    assert "Use at least 10 characters. Do not use a common password" in response.text


def test_a_long_unusual_password_is_accepted(client):
    response = sign_up_with(client, "Bright-harbour-72-lanterns")

    assert response.status_code == 302
    assert User.objects.filter(email="priya.shah@example.org").exists()
