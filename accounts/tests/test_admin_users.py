"""The Wagtail admin's Users section works with our user model (no username)."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import PASSWORD, build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(email="admin@example.org", password=PASSWORD)
    client.force_login(admin)
    return client


def test_the_user_list_shows_entrants(admin_client):
    build_user(first_name="Priya", last_name="Shah")

    response = admin_client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    assert "Priya Shah" in response.text
    assert "jo.entrant@example.org" in response.text


def test_the_create_form_has_no_username_and_asks_for_organisation(admin_client):
    response = admin_client.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    assert 'name="username"' not in response.text
    for name in ("email", "first_name", "last_name", "organisation", "job_title", "password1"):
        assert f'name="{name}"' in response.text


def test_an_admin_creates_a_user(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "New.Judge@Example.org",
            "first_name": "Nia",
            "last_name": "Judge",
            "organisation": "Awards panel",
            "job_title": "Chair of judges",
            "password1": "judge-password-2024",
            "password2": "judge-password-2024",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(first_name="Nia")
    assert user.email == "new.judge@example.org"
    assert (user.organisation, user.job_title) == ("Awards panel", "Chair of judges")
    assert user.check_password("judge-password-2024")
    assert not user.is_superuser


def test_an_address_already_in_use_is_refused_whatever_its_case(admin_client):
    build_user("jo.entrant@example.org")

    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "JO.ENTRANT@example.org",
            "first_name": "Jo",
            "last_name": "Again",
            "password1": "judge-password-2024",
            "password2": "judge-password-2024",
        },
    )

    assert response.status_code == 200
    assert User.objects.filter(email__iexact="jo.entrant@example.org").count() == 1


def test_an_admin_edits_an_entrants_organisation(admin_client):
    user = build_user()

    response = admin_client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "email": user.email,
            "first_name": "Jo",
            "last_name": "Entrant",
            "organisation": "Renamed Trust",
            "job_title": "",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation == "Renamed Trust"
    assert user.check_password(PASSWORD)
