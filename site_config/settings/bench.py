"""Benchmarks (`make bench`): production settings, served over plain HTTP on loopback.

Only what a loopback benchmark needs differs from production:

- a fixed dummy secret key (the server listens on 127.0.0.1 only and guards nothing),
  and the site's address, http://127.0.0.1:8700;
- no HTTPS redirect, HSTS or secure-only cookies (there is no TLS proxy in front);
- the ``bench`` app (seed_bench) and its query-count middleware, first in
  MIDDLEWARE, which adds ``X-DB-Queries`` to every response like the peers';
- allauth's per-IP rate limits lifted, because every simulated entrant comes
  from 127.0.0.1 (the per-address and per-user limits stay as configured);
- static files collected into ``BENCH_STATIC_ROOT`` (a temporary folder).

Everything else, the password hasher included, is production's: PostgreSQL
from DATABASE_URL with persistent connections (CONN_MAX_AGE 60, as the peers
run), DEBUG off, WhiteNoise, Redis when REDIS_URL is set.
"""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY",
    "bench-only-secret-key-loopback-benchmarks-guard-nothing-000000000000",
)
# Production insists on an https:// address; the benchmark serves plain HTTP (below).
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "https://127.0.0.1:8700")

from .base import ACCOUNT_RATE_LIMITS as _BASE_RATE_LIMITS  # noqa: E402
from .production import *  # noqa: E402, F403
from .production import CACHES, DATABASES, INSTALLED_APPS, MIDDLEWARE  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]

# Plain HTTP on loopback: nothing to redirect to, nothing for HSTS to protect.
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8700"  # bench/run.sh serves here
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Persistent connections, as the peers run (their CONN_MAX_AGE default is 60).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

if CACHES["default"]["BACKEND"].startswith("django_redis"):
    CACHES["default"]["KEY_PREFIX"] = "awards-bench"

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

# Every simulated entrant signs in from 127.0.0.1: keep the limits per address
# and per user, drop the per-IP parts that would throttle the whole benchmark.
ACCOUNT_RATE_LIMITS = {
    action: ",".join(rule for rule in rules.split(",") if not rule.endswith("/ip"))
    for action, rules in _BASE_RATE_LIMITS.items()
}

STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405

# Emails queue as tasks in the database (production's backend); nothing sends them here.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
