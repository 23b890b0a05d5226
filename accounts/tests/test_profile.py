"""Your account: the entrant's details and the state of their email address."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.tests.builders import build_user, main_html

pytestmark = pytest.mark.django_db


def test_the_page_needs_a_signed_in_entrant(client):
    response = client.get(reverse("account_profile"))

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('account_profile')}"


def test_the_page_shows_the_details_to_edit(client):
    client.force_login(build_user(job_title="Head of Operations"))

    response = client.get(reverse("account_profile"))

    html = main_html(response)
    assert response.status_code == 200
    assert "<title>Your account | " in response.text
    assert "jo.entrant@example.org" in html
    assert '<strong class="badge badge--success">Confirmed</strong>' in html
    for field_id, label, value in [
        ("id_first_name", "First name", "Jo"),
        ("id_last_name", "Last name", "Entrant"),
        ("id_organisation", "Organisation", "Northshire NHS Trust"),
        (
            "id_job_title",
            'Job title <span class="optional">(optional)</span>',
            "Head of Operations",
        ),
    ]:
        assert f'<label class="label" for="{field_id}">{label}</label>' in html
        assert f'value="{value}"' in html
    assert f'href="{reverse("account_email")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html


def test_an_unconfirmed_address_is_pointed_out(client):
    client.force_login(build_user(verified=False))

    html = main_html(client.get(reverse("account_profile")))

    assert "Not confirmed" in html
    assert "Confirm your email address before you submit an entry" in html


def test_saving_changes_the_account(client):
    user = build_user()
    client.force_login(user)

    response = client.post(
        reverse("account_profile"),
        {
            "first_name": "Joanne",
            "last_name": "Entrant-Smith",
            "organisation": "Southshire ICB",
            "job_title": "Programme Director",
        },
        follow=True,
    )

    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.organisation, user.job_title) == (
        "Joanne",
        "Entrant-Smith",
        "Southshire ICB",
        "Programme Director",
    )
    assert response.redirect_chain == [(reverse("account_profile"), 302)]
    assert "Your details have been saved." in response.text


def test_required_details_cannot_be_emptied(client):
    user = build_user()
    client.force_login(user)

    response = client.post(
        reverse("account_profile"),
        {"first_name": "", "last_name": "Entrant", "organisation": "", "job_title": "Nurse"},
    )

    assert response.status_code == 400
    assert "<title>Error: Your account | " in response.text
    assert '<a href="#id_first_name">Enter your first name</a>' in response.text
    assert '<a href="#id_organisation">Enter your organisation</a>' in response.text
    assert 'value="Nurse"' in response.text
    user.refresh_from_db()
    assert (user.first_name, user.organisation, user.job_title) == (
        "Jo",
        "Northshire NHS Trust",
        "",
    )


def test_the_email_address_cannot_be_changed_here(client):
    user = build_user()
    client.force_login(user)

    client.post(
        reverse("account_profile"),
        {
            "first_name": "Jo",
            "last_name": "Entrant",
            "organisation": "Northshire NHS Trust",
            "email": "someone.else@example.org",
        },
    )

    assert User.objects.get(pk=user.pk).email == "jo.entrant@example.org"


def test_the_header_account_link_leads_here(client, home_page):
    client.force_login(build_user())

    response = client.get(home_page.url)

    assert f'<a href="{reverse("account_profile")}">Account</a>' in response.text
