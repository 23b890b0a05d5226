"""One token that changes whenever published content may have changed.

Every cache of published content (whole anonymous pages, routes, the site's
header and footer, view restrictions) puts this token in its keys, so a
publish, an unpublish, a move, a deletion or a change to a snippet or the
site settings makes them all miss at once, on every app server: the token
lives in Django's cache, which is Redis when ``REDIS_URL`` is set.

Entrants' saves never change it: only content models are watched.

A request reads the token once (``request_version``, set by the page cache
middleware) and sees one consistent version throughout. Values cached under
a version never change, so ``versioned`` also keeps them in the process,
beside the shared cache: after the first request, a route or the footer costs
a dictionary lookup, not a round trip to Redis.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from .proxy_bans import ban_site_pages

KEY = "content-version"

# Models whose changes show on public pages. Wagtail's own bookkeeping
# (revisions, logs, the reference index, workflow states) and image renditions
# (derived, created while pages render) are left out: a publish sends its
# own signal.
WATCHED_APPS = {"awards", "home", "wagtailcore", "wagtailimages", "wagtailredirects"}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailimages.rendition",
    "wagtailimages.uploadedimage",
}
EXTRA_MODELS = {"forms.entryform"}


_request_version: ContextVar[str | None] = ContextVar("content_version", default=None)
# (key with its version) -> (expires at, value); cleared when it grows past LOCAL_LIMIT.
_local: dict[str, tuple[float, Any]] = {}
LOCAL_LIMIT = 2000


@contextmanager
def request_version():
    """Within a request: one read of the token, the same answer everywhere."""
    marker = _request_version.set(_shared_version())
    try:
        yield _request_version.get()
    finally:
        _request_version.reset(marker)


def content_version() -> str:
    return _request_version.get() or _shared_version()


def versioned(name: str, build: Callable[[], Any], timeout: int | None = None) -> Any:
    """``build()``, kept under ``name`` and the content version, in the process and in
    the shared cache, for ``timeout`` seconds (CONTENT_CACHE_SECONDS by default)."""
    value = remembered(name, timeout)
    if value is None:
        value = build()
        timeout = settings.CONTENT_CACHE_SECONDS if timeout is None else timeout
        key = f"{name}:{content_version()}"
        cache.set(key, value, timeout)
        _keep(key, value, timeout)
    return value


def remembered(name: str, timeout: int | None = None) -> Any:
    """What ``versioned`` keeps under ``name`` for this content version, or None."""
    key = f"{name}:{content_version()}"
    held = _local.get(key)
    if held is not None and held[0] > time.monotonic():
        return held[1]
    value = cache.get(key)
    if value is not None:
        _keep(key, value, settings.CONTENT_CACHE_SECONDS if timeout is None else timeout)
    return value


def _keep(key: str, value: Any, timeout: int) -> None:
    if len(_local) >= LOCAL_LIMIT:
        _local.clear()
    _local[key] = (time.monotonic() + timeout, value)


def _shared_version() -> str:
    version = cache.get(KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        # add(), not set(): two servers starting at once agree on one token.
        if not cache.add(KEY, version, timeout=None):
            version = cache.get(KEY) or version
    return version


def bump_content_version() -> None:
    version = uuid.uuid4().hex[:12]
    cache.set(KEY, version, timeout=None)
    if _request_version.get() is not None:  # the rest of this request sees the change too
        _request_version.set(version)


def is_watched(model) -> bool:
    label = model._meta.label_lower
    if label in IGNORED_MODELS:
        return False
    return model._meta.app_label in WATCHED_APPS or label in EXTRA_MODELS


def bump_now_and_on_commit() -> None:
    """Bump at once, and again when the transaction commits: a page rendered
    from the old rows between the two is cached under a token already dead.

    The commit's work is scheduled once per transaction, however many rows an
    editor's publish changes (a dozen signals for one page).
    """
    bump_content_version()
    if not any(func is _after_commit for _, func, _ in connection.run_on_commit):
        transaction.on_commit(_after_commit)


def _after_commit() -> None:
    bump_content_version()
    ban_site_pages()  # the caching proxies drop every page (home/proxy_bans.py)


def on_model_change(sender, **kwargs) -> None:
    if is_watched(sender):
        bump_now_and_on_commit()


def on_content_signal(sender, **kwargs) -> None:
    bump_now_and_on_commit()


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(on_model_change, dispatch_uid=f"content_version_{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_content_signal, dispatch_uid=f"content_version_{id(signal)}")
