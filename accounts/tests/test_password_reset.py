"""Forgotten and changed passwords."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import PASSWORD, build_user, link_in_last_email, main_html

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-77"


def test_the_reset_page_asks_for_the_email_address(client):
    response = client.get(reverse("account_reset_password"))

    html = main_html(response)
    assert "Reset your password" in html
    assert '<label class="label" for="id_email">Email address</label>' in html
    assert "Send reset link</button>" in html


def test_a_reset_link_is_emailed_and_sets_a_new_password(client, mailoutbox):
    build_user()

    response = client.post(
        reverse("account_reset_password"), {"email": "jo.entrant@example.org"}, follow=True
    )

    assert "Check your email" in response.text
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["jo.entrant@example.org"]
    assert mailoutbox[0].subject == "Reset your password"

    # The link carries a key that allauth swaps for a session-bound URL.
    page = client.get(link_in_last_email("/accounts/password/reset/key/"), follow=True)
    assert "Choose a new password" in page.text
    assert '<label class="label" for="id_password1">New password</label>' in page.text

    done = client.post(
        page.request["PATH_INFO"],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )

    assert "Your password has been changed" in done.text
    assert User.objects.get().check_password(NEW_PASSWORD)
    signed_in = client.post(
        reverse("account_login"), {"login": "jo.entrant@example.org", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_reset_link(client, mailoutbox):
    response = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True
    )

    assert "Check your email" in response.text
    assert all("/password/reset/key/" not in message.body for message in mailoutbox)


def test_a_used_or_wrong_reset_link_says_it_has_expired(client):
    user = build_user()

    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "1z", "key": "set-password"}),
        follow=True,
    )

    assert "This link has expired" in response.text
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)


def test_a_signed_in_entrant_can_change_their_password(client, mailoutbox):
    user = build_user()
    client.force_login(user)

    page = client.get(reverse("account_change_password"))
    assert '<label class="label" for="id_oldpassword">Current password</label>' in page.text
    assert 'aria-label="Your account"' in page.text

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "Your password has been changed." in response.text
    # Still signed in, and told by email (EMAIL_NOTIFICATIONS).
    assert response.wsgi_request.user.is_authenticated
    assert [message.to for message in mailoutbox] == [["jo.entrant@example.org"]]


def test_changing_the_password_needs_the_current_one(client):
    user = build_user()
    client.force_login(user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert '<a href="#id_oldpassword">Your current password is not correct.</a>' in response.text
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
