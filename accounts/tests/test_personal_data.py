"""The personal-data download and account deletion as accounts alone does them,
and the signals other apps answer (accounts/signals.py). What happens to entries
is tested in forms/tests/test_privacy.py."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from accounts import personal_data, signals
from accounts.models import User
from accounts.tests.builders import PASSWORD, build_user

pytestmark = pytest.mark.django_db

SIGNALS = [
    signals.collect_personal_data,
    signals.account_deleting,
    signals.describe_account_deletion,
]


def what_goes(response) -> list[str]:
    """The items of the delete-account page's list of what deleting does."""
    html = response.text
    start = html.index("<ul>", html.index("If you delete your account:"))
    return re.findall(r"<li>(.*?)</li>", html[start : html.index("</ul>", start)], re.S)


@pytest.fixture
def no_receivers(monkeypatch):
    """Accounts on its own: whatever other apps connected is disconnected for the test."""
    for signal in SIGNALS:
        monkeypatch.setattr(signal, "receivers", [])
        monkeypatch.setattr(signal, "sender_receivers_cache", {})


@pytest.fixture
def only(no_receivers):
    """Connect one receiver to a signal for the test, on top of no others."""

    def connect(signal, receiver):
        signal.connect(receiver, weak=False)

    return connect


def test_without_receivers_the_download_holds_the_account(client, no_receivers):
    user = build_user(job_title="Head of Operations")
    EmailAddress.objects.create(user=user, email="jo@home.example.org", verified=False)
    client.force_login(user)

    response = client.get(reverse("account_my_data"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert list(data) == ["exported_at", "account"]
    assert data["exported_at"]
    account = data["account"]
    assert account["email"] == "jo.entrant@example.org"
    assert (account["first_name"], account["last_name"]) == ("Jo", "Entrant")
    assert (account["organisation"], account["job_title"]) == (
        "Northshire NHS Trust",
        "Head of Operations",
    )
    assert account["joined_at"] and account["last_signed_in_at"]
    assert account["email_addresses"] == [
        {"email": "jo.entrant@example.org", "verified": True, "primary": True},
        {"email": "jo@home.example.org", "verified": False, "primary": False},
    ]


def test_without_receivers_deleting_deletes_the_account_and_signs_out(client, no_receivers):
    user = build_user()
    client.force_login(user)

    page = client.get(reverse("account_delete"))
    response = client.post(reverse("account_delete"), {"password": PASSWORD})

    assert what_goes(page) == [
        "your name, email address, organisation and password are deleted, and you are signed out"
    ]
    assert (response.status_code, response.url) == (302, "/")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your account has been deleted."
    ]
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="jo.entrant@example.org").exists()


def test_receivers_add_sections_to_the_download(only):
    user = build_user()
    only(signals.collect_personal_data, lambda sender, user, **kw: {"notes": [user.email]})

    data = personal_data.export_user_data(user=user)

    assert list(data) == ["exported_at", "account", "notes"]
    assert data["notes"] == ["jo.entrant@example.org"]


def test_a_receiver_cannot_replace_the_account_part(only):
    user = build_user()
    only(signals.collect_personal_data, lambda sender, user, **kw: {"account": {}})

    with pytest.raises(ValueError, match="already in the download"):
        personal_data.export_user_data(user=user)


def test_receivers_act_in_the_deletion_transaction_before_the_account_goes(only):
    user = build_user()
    seen = []

    def receiver(sender, user, **kwargs):
        seen.append(
            (
                sender,
                User.objects.filter(pk=user.pk).exists(),
                transaction.get_connection().in_atomic_block,
            )
        )

    only(signals.account_deleting, receiver)

    personal_data.delete_account(user=user)

    assert seen == [(User, True, True)]
    assert not User.objects.filter(pk=user.pk).exists()


def test_a_receiver_that_fails_stops_the_deletion(client, only):
    user = build_user()

    def refuse(sender, user, **kwargs):
        User.objects.filter(pk=user.pk).update(first_name="Changed")
        raise RuntimeError("cannot let go of this account's data")

    only(signals.account_deleting, refuse)

    with pytest.raises(RuntimeError):
        personal_data.delete_account(user=user)

    user.refresh_from_db()
    assert user.first_name == "Jo"  # the receiver's change was rolled back too
    assert EmailAddress.objects.filter(user=user).exists()


def test_the_delete_page_lists_what_receivers_say(client, only):
    user = build_user()
    only(
        signals.describe_account_deletion,
        lambda sender, user, **kw: format_html("<li>your {} notes are deleted</li>", 3),
    )
    client.force_login(user)

    response = client.get(reverse("account_delete"))

    assert what_goes(response)[1:] == ["your 3 notes are deleted"]
