"""Browser-security headers on real responses: HTTPS, cookies, framing, CSP and caching.

The production settings are read in a separate process (importing them here
would change the shared settings dictionaries of this test run), then applied
with override_settings to requests through the whole middleware stack.
"""

import base64
import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Site

from awards.models import SiteSettings
from awards.tests.builders import build_category, build_programme
from forms import services
from forms.tests.builders import build_entry_form, build_user
from site_config.cache_headers import PrivateWhenSignedInMiddleware
from site_config.csp import is_admin_request

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PASSWORD = "a-long-password-123"  # build_user's

SECURITY_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]

READ_PRODUCTION = f"""
import json
from site_config.settings import base, production as p
names = {SECURITY_SETTINGS!r}
values = {{name: getattr(p, name) for name in names}}
values["csp_is_base"] = p.CONTENT_SECURITY_POLICY == base.CONTENT_SECURITY_POLICY
values["middleware"] = p.MIDDLEWARE
values["installed_apps"] = p.INSTALLED_APPS
values["debug"] = p.DEBUG
print(json.dumps(values))
"""


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a deployment that sets only what it must."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))
    }
    env.pop("WAGTAILADMIN_BASE_URL", None)
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
        WAGTAILADMIN_BASE_URL="https://example.org",
    )
    env.update(overrides)
    return env


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=settings.BASE_DIR
    )


@pytest.fixture(scope="module")
def production():
    """The production settings' security values, as a deployment with defaults gets them."""
    result = run_python(["-c", READ_PRODUCTION], production_env(DJANGO_DEBUG="true"))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def as_production(production):
    with override_settings(**{name: production[name] for name in SECURITY_SETTINGS}):
        yield


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.fixture
def category(home_page):
    programme = build_programme(home_page)
    return build_category(programme, entry_form=build_entry_form())


@pytest.fixture
def entrant(db):
    return build_user()


@pytest.fixture
def entries_manager(db):
    from django.contrib.auth.models import Group

    user = build_user("manager@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Entries managers"))
    return user


@pytest.fixture
def draft_with_file(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={"context": "Our draft, for our eyes only."},
        base_version=entry.version,
        uploads={"evidence": SimpleUploadedFile("evidence.pdf", PDF)},
    )
    entry.refresh_from_db()
    return entry


# HTTPS, HSTS and the browser headers ------------------------------------------------


def test_production_settings_turn_every_https_and_cookie_protection_on(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["CSRF_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_REFERRER_POLICY"] == "same-origin"
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["debug"] is False  # even when DJANGO_DEBUG says true
    assert production["csp_is_base"] is True
    assert "csp" in production["installed_apps"]
    assert "site_config.csp.ContentSecurityPolicyMiddleware" in production["middleware"]
    assert "site_config.cache_headers.PrivateWhenSignedInMiddleware" in production["middleware"]
    assert "site_config.browser_features.PermissionsPolicyMiddleware" in production["middleware"]


def test_an_https_response_carries_hsts_and_the_browser_headers(client, home_page, as_production):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'none'"]


def test_plain_http_is_sent_to_https_and_the_proxy_header_is_trusted(
    client, home_page, as_production
):
    response = client.get("/hsj/?a=1")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/hsj/?a=1"
    assert "Strict-Transport-Security" not in response  # HSTS only ever over HTTPS
    behind_proxy = client.get("/", headers={"x-forwarded-proto": "https"})
    assert behind_proxy.status_code == 200
    assert "Strict-Transport-Security" in behind_proxy


def test_sign_in_sets_secure_httponly_samesite_session_and_csrf_cookies(
    client, entrant, home_page, as_production
):
    page = client.get(reverse("account_login"), secure=True)
    csrf = page.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        reverse("account_login"),
        {"login": entrant.email, "password": PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session.value
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["path"] == "/"
    assert not session["domain"]  # this host only


def test_production_refuses_to_start_without_a_long_secret_key():
    for key in ["", "short-and-guessable"]:
        result = run_python(["-c", READ_PRODUCTION], production_env(DJANGO_SECRET_KEY=key))
        assert result.returncode != 0
        assert "Set DJANGO_SECRET_KEY to a random string of at least 50 characters" in result.stderr


def test_djangos_deployment_check_finds_nothing_in_the_production_settings():
    env = production_env(DJANGO_SETTINGS_MODULE="site_config.settings.production")
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


# Content Security Policy -----------------------------------------------------------


def test_public_pages_allow_only_our_own_scripts(client, category):
    response = client.get(category.url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert "unsafe" not in response["Content-Security-Policy"]


def test_account_and_entrant_pages_have_the_public_policy(client, entrant, draft_with_file):
    for url in [reverse("account_login"), reverse("account_signup")]:
        assert directives(client.get(url)["Content-Security-Policy"])["script-src"] == ["'self'"]
    client.force_login(entrant)
    for url in [
        reverse("account_profile"),
        reverse("my_entries"),
        reverse("entry_review", args=[draft_with_file.public_id]),
        reverse("entry_detail", args=[draft_with_file.public_id]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"], url


def test_the_accent_colour_is_a_stylesheet_so_pages_need_no_nonce(client, category):
    """An inline <style> would need a fresh nonce on every response, and a page with a
    per-response nonce could never be cached: the colour is a stylesheet instead."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accent_colour = "#c2185b"
    site_settings.save()
    response = client.get(category.url)
    assert "<style" not in response.text
    assert '<link rel="stylesheet" href="/theme/c2185b.css">' in response.text
    assert "nonce-" not in response["Content-Security-Policy"]
    assert client.get("/theme/c2185b.css").text.strip() == ":root{--accent:#c2185b}"


def test_the_500_page_style_is_allowed_by_its_hash():
    """templates/500.html keeps its CSS inline (it must work when static files do not)."""
    html = (Path(settings.BASE_DIR) / "templates" / "500.html").read_text()
    style = re.search(r"<style>(.*?)</style>", html, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"], (
        "templates/500.html's <style> changed: put its new hash in ERROR_PAGE_STYLE_HASH"
    )


def test_templates_have_no_inline_scripts_or_handler_attributes():
    """Every script is a file under static/: the policy would refuse anything else."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.I)
    offenders = [
        f"{path}: {match.group(0)}"
        for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html")
        for match in inline.finditer(path.read_text())
    ]
    assert offenders == []


def test_the_wagtail_admin_gets_its_own_policy(client, entries_manager):
    client.force_login(entries_manager)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy == {
        name: list(values)
        for name, values in settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
    }
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # its own page previews only
    assert policy["base-uri"] == ["'self'"]


def test_page_previews_get_the_admin_policy():
    """Wagtail renders a preview through the middleware with a "dummy" request for the page."""
    request = RequestFactory().get("/hsj-awards-2024/performance-recovery-award/")
    assert not is_admin_request(request)
    request.is_dummy = True
    assert is_admin_request(request)


def test_documents_keep_wagtails_own_stricter_policy(client, db):
    document = Document.objects.create(title="Guide", file=ContentFile(PDF, name="guide.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


# Caching: nothing personal is stored by a browser or proxy -----------------------------


def no_store(response) -> bool:
    values = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= values


def test_the_category_page_is_cacheable_for_visitors_but_private_when_signed_in(
    client, category, entrant, draft_with_file
):
    anonymous = client.get(category.url)
    assert anonymous.status_code == 200
    assert not no_store(anonymous)
    client.force_login(entrant)
    signed_in = client.get(category.url)
    assert "Our draft, for our eyes only." in signed_in.text
    assert no_store(signed_in), signed_in.get("Cache-Control")


def test_entrant_pages_files_and_saves_are_never_stored(client, entrant, draft_with_file):
    client.force_login(entrant)
    entry = draft_with_file
    urls = [
        reverse("my_entries"),
        reverse("entry_review", args=[entry.public_id]),
        reverse("entry_detail", args=[entry.public_id]),
        reverse("entry_file", args=[entry.public_id, entry.files.get().public_id]),
        reverse("account_profile"),
        "/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), (url, response.get("Cache-Control"))
    saved = client.post(
        reverse("entry_save", args=[entry.public_id]),
        {"version": entry.version, "context": "More"},
        headers={"accept": "application/json"},
    )
    assert saved.status_code == 200 and no_store(saved)


def test_admin_listing_inspect_print_and_exports_are_never_stored(
    client, entries_manager, draft_with_file
):
    client.force_login(entries_manager)
    entry = draft_with_file
    listing = reverse("forms_entry_modeladmin_index")
    urls = [
        listing,
        listing + "?export=csv",
        listing + "?export=xlsx",
        reverse("forms_entry_modeladmin_inspect", args=[entry.pk]),
        reverse("entries_admin_print", args=[entry.pk]),
        reverse("entries_admin_file", args=[entry.files.get().public_id]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), (url, response.get("Cache-Control"))


def test_a_view_that_sets_its_own_caching_keeps_it(entrant):
    def view(request):
        response = HttpResponse("public, on purpose")
        response["Cache-Control"] = "max-age=60"
        return response

    request = RequestFactory().get("/")
    request.user = entrant
    response = PrivateWhenSignedInMiddleware(view)(request)
    assert response["Cache-Control"] == "max-age=60"
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert (
        PrivateWhenSignedInMiddleware(lambda r: HttpResponse())(request).get("Cache-Control")
        is None
    )
