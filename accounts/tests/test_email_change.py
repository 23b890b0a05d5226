"""Changing the email address: the new one replaces the old once verified."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import build_user, link_in_last_email, main_html
from accounts.verification import has_verified_email

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_current_address_and_a_form_to_change_it(client):
    client.force_login(build_user())

    response = client.get(reverse("account_email"))

    html = main_html(response)
    assert "Your email address" in html
    assert "jo.entrant@example.org" in html
    assert "Confirmed" in html
    assert '<label class="label" for="id_email">New email address</label>' in html


def test_a_new_address_replaces_the_old_one_only_once_confirmed(client, mailoutbox):
    user = build_user()
    client.force_login(user)

    response = client.post(
        reverse("account_email"),
        {"email": "jo@newtrust.example.org", "action_add": ""},
        follow=True,
    )

    # Until the new address is confirmed the old one stays in use (and verified).
    user.refresh_from_db()
    assert user.email == "jo.entrant@example.org"
    assert has_verified_email(user)
    assert "We have sent a link to jo@newtrust.example.org" in response.text
    assert mailoutbox[-1].to == ["jo@newtrust.example.org"]

    client.post(link_in_last_email("/accounts/confirm-email/"))

    user = User.objects.get(pk=user.pk)
    assert user.email == "jo@newtrust.example.org"
    assert has_verified_email(user)
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "jo@newtrust.example.org"
    ]


def test_an_unconfirmed_address_can_have_its_link_sent_again(client, mailoutbox):
    client.force_login(build_user(verified=False))

    page = client.get(reverse("account_email"))
    assert "Not confirmed" in page.text

    response = client.post(
        reverse("account_email"),
        {"email": "jo.entrant@example.org", "action_send": ""},
        follow=True,
    )

    assert "We have sent a confirmation link to jo.entrant@example.org." in response.text
    assert mailoutbox[-1].to == ["jo.entrant@example.org"]
    assert "/accounts/confirm-email/" in mailoutbox[-1].body


def test_a_badly_typed_address_is_refused(client):
    user = build_user()
    client.force_login(user)

    response = client.post(reverse("account_email"), {"email": "jo@", "action_add": ""})

    assert "There is a problem" in response.text
    assert (
        '<a href="#id_email">Enter an email address in the correct format, like name@example.com</a>'
        in response.text
    )
    assert EmailAddress.objects.filter(user=user).count() == 1
