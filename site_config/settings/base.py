"""Settings shared by every environment.

Everything a deployment changes comes from the environment, and the defaults
are safe: DEBUG is off and there is no secret key here (dev.py and test.py
provide local ones; production.py refuses to start without one).

This module holds the project's wiring (apps, middleware, templates, the
database) and the smaller settings; the larger groups live in a module each
and are all imported here, so every environment still starts from this one:

- ``caching.py``: the shared cache, how long content is cached, proxy purges;
- ``authentication.py``: accounts, passwords, allauth, sessions, two-factor;
- ``files.py``: static files, media, private uploads, request size limits;
- ``security.py``: security headers, cookies, browser features, the CSP.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .authentication import *  # noqa: F403
from .caching import *  # noqa: F403
from .environment import BASE_DIR, env_bool, env_list
from .files import *  # noqa: F403
from .security import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "awards",
    "judging",
    "forms",
    "accounts",
    "publishing",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",  # wagtail.users, with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "csp",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "site_config.browser_features.PermissionsPolicyMiddleware",
    "site_config.query_checks.ControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "site_config.csp.ContentSecurityPolicyMiddleware",
    "publishing.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.session_refresh.SessionRefreshMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "forms.upload_limits.RequestBodyLimitMiddleware",
    "site_config.cache_headers.PrivateWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.form_status.InvalidFormStatusMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "site_config.urls"
WSGI_APPLICATION = "site_config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.context_processors.session_timeout",
                "awards.context_processors.chrome",
            ],
        },
    },
]

# Database: a SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing, and take it at BEGIN, so a
    # read-then-write transaction never deadlocks against another writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Internationalisation: entry windows are set and shown in UK time.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Personal data (forms.privacy): drafts of categories closed more than
# DRAFT_RETENTION_DAYS ago are deleted by `manage.py purge_drafts` (run it
# daily). When an entrant deletes their account, their drafts go, and each
# entry they ever submitted is either kept for the awards record without them
# ("anonymise": detached from the account, contact answers removed) or deleted.
DRAFT_RETENTION_DAYS = int(os.environ.get("DJANGO_DRAFT_RETENTION_DAYS", "90"))
SUBMITTED_ENTRY_RETENTION = os.environ.get("DJANGO_SUBMITTED_ENTRY_RETENTION", "anonymise")
if SUBMITTED_ENTRY_RETENTION not in {"anonymise", "delete"}:
    raise ImproperlyConfigured("DJANGO_SUBMITTED_ENTRY_RETENTION must be anonymise or delete")

# Email: console in development unless configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Awards team <awards@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: immediate unless a deployment picks the database worker.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Wagtail.
WAGTAIL_SITE_NAME = "Awards"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
