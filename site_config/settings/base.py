"""Settings shared by every environment.

Everything a deployment changes comes from the environment, and the defaults
are safe: DEBUG is off and there is no secret key here (dev.py and test.py
provide local ones; production.py refuses to start without one).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "awards",
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

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Published content kept in the cache (home/content_version.py): whole anonymous
# pages, routes, the header and footer. A publish anywhere clears it at once on
# every server that shares the cache; local memory is not shared between
# processes, so without Redis nothing is kept longer than a few seconds.
_shared_cache = bool(REDIS_URL)
PAGE_CACHE_SECONDS = int(
    os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600" if _shared_cache else "5")
)
CONTENT_CACHE_SECONDS = int(
    os.environ.get("DJANGO_CONTENT_CACHE_SECONDS", "3600" if _shared_cache else "5")
)
# How long a browser may keep an anonymous page without asking again, and a
# proxy or CDN (s-maxage). A publish purges the page's own URL from the proxy
# (DJANGO_FRONTEND_CACHE_URL), and any change to published content bans every
# page of the site from each Varnish (home/proxy_bans.py); a CDN without bans
# (Cloudflare) shows other pages with the change within this time.
BROWSER_CACHE_SECONDS = int(os.environ.get("DJANGO_BROWSER_CACHE_SECONDS", "60"))
PROXY_CACHE_SECONDS = int(os.environ.get("DJANGO_PROXY_CACHE_SECONDS", "120"))

# Accounts: email is the login.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1; accounts/hashers.py): about
# 45 ms of CPU per check where PBKDF2's 1,000,000 iterations took 650 ms (README,
# "Passwords"). The others still verify older hashes, which are rehashed with
# the first at their owner's next sign-in. Tests use a fast hasher (test.py).
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "add_email": "accounts.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up never says whether an address already has an account: it always answers
# "Check your email", and the owner of a known address is emailed how to sign in
# instead (allauth's enumeration prevention, which works only with mandatory
# verification). So a new entrant signs in by the link in that email, which brings
# them back to the page they came from; sign-in and password reset already answer
# the same for known and unknown addresses. Submitting an entry checks the address
# is verified too (accounts.verification.has_verified_email).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "account_profile"
# One address per account: a new address replaces the old one once it is verified.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# allauth's defaults, written out so they are visible and reviewed: failed sign-ins
# lock an email address out for five minutes after five attempts (10 a minute per IP).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/180s/key",
    "reauthenticate": "10/m/user",
}

# Which address is the client's, for those per-IP limits. Behind a TLS-terminating
# load balancer every request comes from the balancer: without this, ten failed
# sign-ins a minute from anyone would lock out everyone. Set one of these to match
# the deployment (README, "Deploying"): the number of proxies of ours that append
# to X-Forwarded-For, or a header the proxy sets to the client's address
# (X-Real-IP, CF-Connecting-IP). Neither: REMOTE_ADDR, and X-Forwarded-For is ignored.
_proxy_count = os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT") or "0"
if not (_proxy_count.isascii() and _proxy_count.isdigit()):
    raise ImproperlyConfigured("ALLAUTH_TRUSTED_PROXY_COUNT must be a whole number, like 1")
ALLAUTH_TRUSTED_PROXY_COUNT = int(_proxy_count)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None

SESSION_COOKIE_HTTPONLY = True
# Sessions end after this long without a request. A request (an autosave too)
# starts the window again by saving the session, but only once the last save is
# SESSION_REFRESH_SECONDS old (at most a tenth of the window), not on every
# request: so a session ends between SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS
# and SESSION_COOKIE_AGE after the last request (accounts/session_refresh.py).
# Entry pages warn five minutes before the real end
# (accounts.context_processors.session_timeout, static/js/session-timeout.js).
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(2 * 60 * 60)))
SESSION_REFRESH_SECONDS = int(os.environ.get("DJANGO_SESSION_REFRESH_SECONDS", str(5 * 60)))
SESSION_SAVE_EVERY_REQUEST = False
# Sessions live in PostgreSQL; with Redis shared by every app server they are
# also read from it (one query fewer on every signed-in request). Without
# Redis, local memory is not shared between processes, so a sign-out on one
# would not reach another's copy: the database alone then.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Two-factor authentication (allauth.mfa): an authenticator app (TOTP), with
# recovery codes. With STAFF_REQUIRE_2FA, anyone who can use the Wagtail admin
# must set it up before the admin opens (accounts.middleware), and signs in
# through allauth's sign-in, which asks for the code.
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Awards"
STAFF_REQUIRE_2FA = env_bool("DJANGO_STAFF_REQUIRE_2FA", False)
if STAFF_REQUIRE_2FA:
    WAGTAILADMIN_LOGIN_URL = "account_login"

# Internationalisation: entry windows are set and shown in UK time.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Entrants' uploads live outside MEDIA_ROOT and are served only through a view
# that checks who is asking.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "forms.storage.PrivateFileStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Personal data (forms.privacy): drafts of categories closed more than
# DRAFT_RETENTION_DAYS ago are deleted by `manage.py purge_drafts` (run it
# daily). When an entrant deletes their account, their drafts go, and each
# entry they ever submitted is either kept for the awards record without them
# ("anonymise": detached from the account, contact answers removed) or deleted.
DRAFT_RETENTION_DAYS = int(os.environ.get("DJANGO_DRAFT_RETENTION_DAYS", "90"))
SUBMITTED_ENTRY_RETENTION = os.environ.get("DJANGO_SUBMITTED_ENTRY_RETENTION", "anonymise")
if SUBMITTED_ENTRY_RETENTION not in {"anonymise", "delete"}:
    raise ImproperlyConfigured("DJANGO_SUBMITTED_ENTRY_RETENTION must be anonymise or delete")

# Requests. DATA_UPLOAD_MAX_MEMORY_SIZE bounds everything in a request but its files:
# 5 MB holds every answer of a long form (up to 50,000 characters each, several bytes
# a character in some scripts); Django refuses more with a 400. It is also all a
# request may send to any page but an entry's save and the Wagtail admin: bodies
# larger than that, or than a save's files plus that, are refused from their
# Content-Length before they are read (forms/upload_limits.py; the proxy's own limit
# is in the README). An upload over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is written
# to a temporary file while it is checked, not kept in the worker's memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

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

# Frontend cache (wagtail.contrib.frontend_cache): a publish or unpublish purges the
# page's URL from the caching proxy or CDN in front of the site. DJANGO_FRONTEND_CACHE_URL
# is a Varnish (or any HTTP PURGE) endpoint, comma-separated for several proxies, e.g.
# http://varnish1:6081,http://varnish2:6081 (deploy/varnish/default.vcl); Cloudflare
# with DJANGO_CLOUDFLARE_ZONE_ID and DJANGO_CLOUDFLARE_API_TOKEN. Neither: nothing purged.
WAGTAILFRONTENDCACHE = {
    f"proxy{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env_list("DJANGO_FRONTEND_CACHE_URL"), start=1)
}
if os.environ.get("DJANGO_CLOUDFLARE_ZONE_ID"):
    if not os.environ.get("DJANGO_CLOUDFLARE_API_TOKEN"):
        raise ImproperlyConfigured("DJANGO_CLOUDFLARE_ZONE_ID needs DJANGO_CLOUDFLARE_API_TOKEN")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["DJANGO_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ["DJANGO_CLOUDFLARE_API_TOKEN"],
    }

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Cookies: never readable by scripts, not sent on cross-site POSTs. Our JavaScript
# posts the form's own csrfmiddlewaretoken, so the CSRF cookie can be HttpOnly too.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Browser features nobody here uses, turned off for every page and frame
# (site_config/browser_features.py): an empty list allows no origin at all.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}
# Staff avatars are initials, not Gravatar: no staff email hashes sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content Security Policy (django-csp, see site_config/csp.py and docs/security.md).
# Public pages run only our own script files: no inline script, no eval, no
# handler attributes. The one inline <style> (the editor's accent colour in
# base.html) carries the request's nonce; the 500 page's <style> is allowed by hash.
ERROR_PAGE_STYLE_HASH = "'sha256-JVXh+f/UhrdZAaIMBeuyVh+/lPon5et8OdPHL10R2Vo='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE, ERROR_PAGE_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
# The Wagtail admin (under /admin/) gets its own policy: Wagtail 8 still writes a few
# inline scripts (date pickers, inline panels) and inline styles, and shows page
# previews in a same-origin frame. Plug-ins, other origins and framing by other
# sites stay blocked.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
