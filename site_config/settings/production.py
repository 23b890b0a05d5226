"""Production: refuses to start without a secret key or the site's https:// address;
HTTPS everywhere."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to a random string of at least 50 characters."
    )

# Links in emails (sent by background tasks, with no request to ask) start with this.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
_address = urlsplit(WAGTAILADMIN_BASE_URL)
if _address.scheme != "https" or not _address.netloc:
    _found = repr(WAGTAILADMIN_BASE_URL) if WAGTAILADMIN_BASE_URL else "not set"
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL to the site's public address, starting https:// "
        f"(e.g. https://awards.example.org): links in emails are built from it. It is {_found}."
    )

DATABASES["default"]["CONN_MAX_AGE"] = int(  # noqa: F405
    os.environ.get("DATABASE_CONN_MAX_AGE", "60")
)

# TLS is terminated by the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Staff must use two-factor authentication in production unless turned off.
STAFF_REQUIRE_2FA = env_bool("DJANGO_STAFF_REQUIRE_2FA", True)
if STAFF_REQUIRE_2FA:
    WAGTAILADMIN_LOGIN_URL = "account_login"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}
