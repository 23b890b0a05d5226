"""Accounts and sign-in: the user model, passwords, allauth, rate limits and the
client's address behind a proxy, sessions, and two-factor authentication."""

import os

from django.core.exceptions import ImproperlyConfigured

from .caching import REDIS_URL
from .environment import env_bool

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
