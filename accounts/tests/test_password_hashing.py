"""The password hasher: Argon2id at OWASP's minimum for new passwords, and older
hashes (PBKDF2, Argon2 with Django's parameters) still accepted and rehashed at
the next sign-in. The tests' settings use a fast hasher; these use the real list."""

import pytest
from django.conf import settings
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    PBKDF2PasswordHasher,
    get_hasher,
    identify_hasher,
)
from django.test import override_settings
from django.urls import reverse

from accounts.hashers import Argon2idPasswordHasher
from accounts.models import User
from accounts.tests.builders import PASSWORD, build_user, signup_data

pytestmark = pytest.mark.django_db

OURS = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


def base_hashers() -> list[str]:
    """The list every deployment uses (test.py replaces it)."""
    import site_config.settings.base as base

    return base.PASSWORD_HASHERS


@pytest.fixture
def real_hashers():
    with override_settings(PASSWORD_HASHERS=base_hashers()):
        yield


def test_argon2id_comes_first_and_the_older_hashers_still_verify():
    hashers = base_hashers()
    assert hashers[0] == "accounts.hashers.Argon2idPasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in hashers
    assert "django.contrib.auth.hashers.ScryptPasswordHasher" in hashers
    # One hasher per algorithm name: ours reads every argon2 hash.
    assert "django.contrib.auth.hashers.Argon2PasswordHasher" not in hashers


def test_the_parameters_are_owasps_minimum():
    hasher = Argon2idPasswordHasher()
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (19 * 1024, 2, 1)
    assert hasher.encode(PASSWORD, hasher.salt()).startswith(OURS)


def test_the_tests_themselves_use_a_fast_hasher():
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_new_account_gets_an_argon2id_hash(client, real_hashers):
    assert get_hasher().algorithm == "argon2"

    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    user = User.objects.get(email=signup_data()["email"])
    assert user.password.startswith(OURS)
    assert user.check_password(PASSWORD)


def sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


@pytest.mark.parametrize(
    "old_hasher, prefix",
    [
        # Fewer iterations than Django's 1,000,000 keep the test quick; the count is in the hash.
        (
            lambda: PBKDF2PasswordHasher().encode(PASSWORD, "somesalt", iterations=1000),
            "pbkdf2_sha256$",
        ),
        (
            lambda: Argon2PasswordHasher().encode(PASSWORD, "somesaltsomesalt"),
            "argon2$argon2id$v=19$m=102400,t=2,p=8$",
        ),
    ],
    ids=["pbkdf2", "argon2-with-djangos-parameters"],
)
def test_an_older_hash_still_signs_in_and_is_rehashed_with_argon2id(
    client, real_hashers, old_hasher, prefix
):
    user = build_user()
    User.objects.filter(pk=user.pk).update(password=old_hasher())
    user.refresh_from_db()
    assert user.password.startswith(prefix)

    response = sign_in(client, user.email)

    assert response.status_code == 302
    assert client.get(reverse("account_profile")).status_code == 200
    user.refresh_from_db()
    assert user.password.startswith(OURS)
    assert identify_hasher(user.password).__class__ is Argon2idPasswordHasher
    # ...and the new hash works the next time.
    client.post(reverse("account_logout"))
    assert sign_in(client, user.email).status_code == 302


def test_a_wrong_password_does_not_rehash(client, real_hashers):
    user = build_user()
    old = PBKDF2PasswordHasher().encode(PASSWORD, "somesalt", iterations=1000)
    User.objects.filter(pk=user.pk).update(password=old)

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "not-the-password"}
    )

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.password == old
