"""Two-factor authentication for staff (allauth.mfa, an authenticator app).

With STAFF_REQUIRE_2FA on, anyone who can use the Wagtail admin must set up an
authenticator app before the admin opens, signs in through allauth's form
(which asks for the code), and cannot turn two-factor off. Wagtail's own
sign-in form, which would skip the code, sends people to ours."""

import time
from urllib.parse import quote

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from freezegun import freeze_time

from accounts.middleware import SETUP_MESSAGE
from accounts.tests.builders import PASSWORD, build_user

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
REQUIRED = override_settings(STAFF_REQUIRE_2FA=True)


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now, by allauth's own algorithm."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def build_staff(email="admin@example.org", **fields):
    fields.setdefault("is_staff", True)
    fields.setdefault("is_superuser", True)
    return build_user(email, **fields)


def with_authenticator_app(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in(client, email="admin@example.org", next_url=ADMIN):
    return client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD, "next": next_url}
    )


def is_signed_in(client) -> bool:
    return client.get(reverse("account_profile")).status_code == 200


@pytest.fixture(autouse=True)
def frozen_clock():
    # A TOTP code lasts 30 seconds; no test may straddle two.
    with freeze_time("2026-03-02 10:00:05"):
        yield


# Without an authenticator app.


@REQUIRED
def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client):
    client.force_login(build_staff())

    response = client.get(ADMIN, follow=True)

    assert response.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert SETUP_MESSAGE in response.text


@REQUIRED
@pytest.mark.parametrize("path", ["/admin/pages/", "/admin/users/", "/admin/forms/entry/"])
def test_every_admin_page_sends_them_there(client, path):
    client.force_login(build_staff())

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@REQUIRED
def test_an_editor_who_is_not_marked_staff_but_can_use_the_admin_must_set_it_up_too(client):
    editor = build_user("editor@example.org", is_staff=False)
    editor.groups.add(Group.objects.get(name="Awards editors"))
    client.force_login(editor)

    assert client.get(ADMIN).url == reverse("mfa_activate_totp")


@REQUIRED
def test_entrants_are_not_asked_to_set_it_up(client):
    client.force_login(build_user())

    response = client.get(ADMIN)

    assert response.url != reverse("mfa_activate_totp")
    assert client.get(reverse("account_profile")).status_code == 200


def test_with_the_setting_off_staff_use_the_admin_without_it(client, settings):
    assert settings.STAFF_REQUIRE_2FA is False  # the test settings' default
    client.force_login(build_staff())

    assert client.get(ADMIN).status_code == 200


@REQUIRED
def test_setting_up_the_app_opens_the_admin(client):
    build_staff()
    sign_in(client)
    assert client.get(ADMIN).url == reverse("mfa_activate_totp")

    # allauth asks for the password again before a change to two-factor settings.
    ask = client.get(reverse("mfa_activate_totp"))
    assert ask.url.startswith(reverse("account_reauthenticate"))
    again = client.post(ask.url, {"password": PASSWORD})
    assert again.url == reverse("mfa_activate_totp")

    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.text  # the QR code
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == 1
    assert client.get(ADMIN).status_code == 200


@REQUIRED
def test_a_wrong_code_does_not_set_it_up(client):
    build_staff()
    sign_in(client)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert response.status_code == 400
    assert "The code is not correct." in response.text
    assert not Authenticator.objects.exists()


# Signing in with an authenticator app.


@REQUIRED
def test_staff_with_an_app_are_asked_for_the_code_after_their_password(client):
    secret = with_authenticator_app(build_staff())

    response = sign_in(client)

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert not is_signed_in(client)  # the password alone is not enough
    assert client.get(ADMIN).status_code == 302

    page = client.get(reverse("mfa_authenticate"))
    assert 'autocomplete="one-time-code"' in page.text

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_the_code_is_asked_for_even_with_the_setting_off(client):
    # Anyone who has set up an app is asked for its code on our sign-in form.
    with_authenticator_app(build_user())

    response = sign_in(client, email="jo.entrant@example.org", next_url="/")

    assert response.url == reverse("mfa_authenticate")


@REQUIRED
def test_a_wrong_or_reused_code_is_refused(client):
    secret = with_authenticator_app(build_staff())
    sign_in(client)

    wrong = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert "The code is not correct." in wrong.text
    assert not is_signed_in(client)

    code = totp_code(secret)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).url == ADMIN
    client.post(reverse("account_logout"))

    # The same code, replayed within its 30 seconds, is refused.
    sign_in(client)
    replay = client.post(reverse("mfa_authenticate"), {"code": code})
    assert "The code is not correct." in replay.text
    assert not is_signed_in(client)


@REQUIRED
@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,5/300s/key"})
def test_guessing_codes_locks_the_account_like_guessing_passwords(client):
    from django.core.cache import cache

    cache.clear()
    secret = with_authenticator_app(build_staff())
    sign_in(client)
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        client.post(reverse("mfa_authenticate"), {"code": guess})

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert "Too many failed attempts to sign in. Wait 5 minutes" in response.text
    assert not is_signed_in(client)
    cache.clear()


@REQUIRED
def test_the_session_key_changes_when_the_code_completes_sign_in(client):
    secret = with_authenticator_app(build_staff())
    sign_in(client)
    before = client.cookies["sessionid"].value

    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert client.cookies["sessionid"].value != before


# Wagtail's own sign-in form.


@REQUIRED
def test_wagtails_sign_in_page_sends_staff_to_ours_keeping_where_they_were_going(client):
    response = client.get(reverse("wagtailadmin_login") + "?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote('/admin/pages/', safe='')}"


@REQUIRED
def test_a_password_posted_to_wagtails_form_does_not_sign_in(client):
    with_authenticator_app(build_staff())

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "admin@example.org", "password": PASSWORD}
    )

    assert response.url.startswith(reverse("account_login"))
    assert not is_signed_in(client)


@REQUIRED
def test_signed_out_admin_pages_send_people_to_our_sign_in(client):
    response = client.get(ADMIN, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


def test_with_the_setting_off_wagtails_sign_in_still_works(client):
    build_staff()

    page = client.get(reverse("wagtailadmin_login"))
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "admin@example.org", "password": PASSWORD}
    )

    assert page.status_code == 200
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


@REQUIRED
def test_staff_can_still_sign_out_of_the_admin_without_setting_it_up(client):
    client.force_login(build_staff())

    response = client.post(reverse("wagtailadmin_logout"))

    assert response.status_code == 302
    assert not is_signed_in(client)


# Turning it off.


@REQUIRED
def test_staff_cannot_turn_two_factor_off_when_it_is_required(client):
    secret = with_authenticator_app(build_staff())
    sign_in(client)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    page = client.get(reverse("mfa_deactivate_totp"))
    client.post(reverse("mfa_deactivate_totp"))

    assert "Staff accounts must use two-factor authentication" in page.text
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).exists()


def test_the_account_navigation_links_staff_to_two_factor_settings(client):
    client.force_login(build_staff())

    response = client.get(reverse("account_profile"))

    assert f'href="{reverse("mfa_index")}"' in response.text


def test_entrants_do_not_see_the_two_factor_link(client):
    client.force_login(build_user())

    response = client.get(reverse("account_profile"))

    assert reverse("mfa_index") not in response.text


@pytest.mark.parametrize(
    ("env", "required"), [(None, "True account_login"), ("false", "False None")]
)
def test_production_requires_it_unless_turned_off(env, required):
    import os
    import subprocess
    import sys

    from django.conf import settings

    environ = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x" * 50,
        "WAGTAILADMIN_BASE_URL": "https://awards.example.org",
    }
    environ.pop("DJANGO_STAFF_REQUIRE_2FA", None)
    if env is not None:
        environ["DJANGO_STAFF_REQUIRE_2FA"] = env
    code = (
        "from site_config.settings import production as p; "
        "print(p.STAFF_REQUIRE_2FA, getattr(p, 'WAGTAILADMIN_LOGIN_URL', None))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == required
