"""Sign-in limits count each client, not the load balancer (issue 13, item 2).

allauth counts attempts per client address. Behind a TLS-terminating proxy every
request comes from the proxy's address, so the deployment says, in the
environment, how to find the client's: ``ALLAUTH_TRUSTED_PROXY_COUNT`` (how many
proxies of ours append to ``X-Forwarded-For``) or ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER``
(a header the proxy sets, such as ``X-Real-IP``). Without either, a client's own
``X-Forwarded-For`` is ignored, so nobody escapes the limit by inventing one.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from accounts.tests.builders import PASSWORD, build_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the load balancer: every request's REMOTE_ADDR
PER_IP_ONLY = {"login_failed": "3/m/ip"}
LOCKED = "Too many failed attempts to sign in"
NAMES = ["ALLAUTH_TRUSTED_PROXY_COUNT", "ALLAUTH_TRUSTED_CLIENT_IP_HEADER"]


def settings_from(**environ: str) -> dict:
    """The two settings as the site reads them from this environment (in a new process)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALLAUTH_", "PYTEST"))}
    env.update(environ, DJANGO_SETTINGS_MODULE="site_config.settings.base")
    code = (
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{n: getattr(settings, n, 'unset') for n in {NAMES!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=settings.BASE_DIR
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def failed_sign_in(client: Client, n: int, **headers: str):
    # A different address each time, so only the per-IP limit can lock anyone out.
    return client.post(
        reverse("account_login"),
        {"login": f"guess{n}@example.org", "password": "wrong-password"},
        REMOTE_ADDR=PROXY,
        headers=headers,
    )


def sign_in(client: Client, **headers: str):
    return client.post(
        reverse("account_login"),
        {"login": "jo.entrant@example.org", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        headers=headers,
    )


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # allauth counts attempts in the cache
    yield
    cache.clear()


def test_by_default_no_proxy_is_trusted():
    assert settings_from() == {
        "ALLAUTH_TRUSTED_PROXY_COUNT": 0,
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": None,
    }


def test_the_environment_says_how_to_find_the_client_behind_the_proxy():
    assert settings_from(ALLAUTH_TRUSTED_PROXY_COUNT="1")["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    header = settings_from(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert header["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"


def test_a_proxy_count_that_is_not_a_number_stops_the_site_starting():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        ALLAUTH_TRUSTED_PROXY_COUNT="one", DJANGO_SETTINGS_MODULE="site_config.settings.base"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "from django.conf import settings; settings.DEBUG"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode != 0
    assert "ALLAUTH_TRUSTED_PROXY_COUNT must be a whole number" in result.stderr


@override_settings(ACCOUNT_RATE_LIMITS=PER_IP_ONLY)
def test_without_a_trusted_proxy_a_spoofed_forwarded_for_is_ignored():
    build_user()
    client = Client()
    for n in range(3):
        failed_sign_in(client, n, X_Forwarded_For=f"198.51.100.{n}")

    # A new invented address does not start a new count: this is still the proxy's.
    response = sign_in(client, X_Forwarded_For="198.51.100.99")
    assert response.status_code == 429 or LOCKED in response.text
    assert not response.wsgi_request.user.is_authenticated


def proxy_count_one():
    return settings_from(ALLAUTH_TRUSTED_PROXY_COUNT="1")


def test_behind_one_trusted_proxy_two_clients_have_separate_limits():
    build_user()
    with override_settings(**proxy_count_one(), ACCOUNT_RATE_LIMITS=PER_IP_ONLY):
        noisy, neighbour = Client(), Client()
        for n in range(3):
            # The noisy client also invents an address; the proxy appends the real one.
            failed_sign_in(noisy, n, X_Forwarded_For=f"198.51.100.{n}, 203.0.113.5")
        locked = sign_in(noisy, X_Forwarded_For="203.0.113.5")
        assert locked.status_code == 429 or LOCKED in locked.text

        response = sign_in(neighbour, X_Forwarded_For="203.0.113.77")
        assert response.status_code == 302
        assert response.wsgi_request.user.is_authenticated


def test_behind_a_proxy_that_sets_a_client_header_two_clients_have_separate_limits():
    build_user()
    header = settings_from(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    with override_settings(**header, ACCOUNT_RATE_LIMITS=PER_IP_ONLY):
        noisy, neighbour = Client(), Client()
        for n in range(3):
            failed_sign_in(noisy, n, X_Real_IP="203.0.113.5", X_Forwarded_For=f"198.51.100.{n}")
        locked = sign_in(noisy, X_Real_IP="203.0.113.5")
        assert locked.status_code == 429 or LOCKED in locked.text

        response = sign_in(neighbour, X_Real_IP="2001:db8::77")
        assert response.status_code == 302


def test_fewer_forwarded_addresses_than_trusted_proxies_counts_the_connection_not_a_500():
    # Two proxies are trusted, but this request came through one (or none) of them.
    build_user()
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2, ACCOUNT_RATE_LIMITS=PER_IP_ONLY):
        client = Client()
        response = failed_sign_in(client, 0, X_Forwarded_For="203.0.113.5")
        assert response.status_code == 400  # the form with its error, as any wrong password
        assert sign_in(client, X_Forwarded_For="203.0.113.5").status_code == 302
