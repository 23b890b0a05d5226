"""An entrant registers, confirms their email, signs out and in again, in a
real Chromium; the account pages pass axe-core's serious and critical checks."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from accounts.verification import has_verified_email

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-and-unusual-passphrase"


def confirm_link(outbox) -> str:
    [message] = outbox
    return re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)


def test_register_confirm_sign_out_and_sign_in_again(live_server, page, axe):
    from awards.tests.builders import build_home

    build_home()
    mail.outbox.clear()

    # Register from the header.
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    assert axe(page) == []

    # Sending the form empty lists every problem and moves focus to the list.
    page.get_by_role("button", name="Create account").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Enter your first name").click()
    expect(page.get_by_label("First name")).to_be_focused()
    assert axe(page) == []

    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Organisation").fill("Riverside Community Health")
    page.get_by_label("Email address").fill("priya.shah@example.org")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # Not signed in yet: the page says to check the email, whoever owns the address.
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    header = page.get_by_role("navigation", name="Account")
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    user = User.objects.get(email="priya.shah@example.org")
    assert not has_verified_email(user)
    assert axe(page) == []

    # The link in the email confirms the address and signs in, back where they started.
    page.goto(confirm_link(mail.outbox))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    page.get_by_role("button", name="Confirm email address").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_text("You have confirmed priya.shah@example.org.")).to_be_visible()
    assert has_verified_email(user)
    header.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_text("Confirmed", exact=True)).to_be_visible()
    expect(page.get_by_label("Organisation")).to_have_value("Riverside Community Health")
    assert axe(page) == []

    # Sign out, then in again.
    header.get_by_role("button", name="Sign out").click()
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()

    header.get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert axe(page) == []
    page.get_by_label("Email address").fill("priya.shah@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_text("You are signed in as Priya Shah.")).to_be_visible()
    header.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
