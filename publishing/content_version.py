"""One token that changes whenever published content has changed.

Every cache of published content (whole anonymous pages, routes, the site's
header and footer, view restrictions, rendered fragments) puts this token in
its keys, so a publish, an unpublish, a move, a deletion or a change to a
snippet or the site settings makes them all miss at once, on every app
server: the token lives in Django's cache, which is Redis when ``REDIS_URL``
is set. What changes it is decided in publishing/invalidation.py; drafts,
the editor's autosave and entrants' saves never do.

A request reads the token once (``request_version``, set by the page cache
middleware) and sees one consistent version throughout. Values cached under
a version never change, so ``versioned`` also keeps them in the process,
beside the shared cache: after the first request, a route or the footer costs
a dictionary lookup, not a round trip to Redis. Only plain values are kept
(ids, strings, frozen dataclasses): never a model instance, which a request
could change for the next one.

A preview (``previewing()``) neither reads nor fills any of it: the editor
sees exactly their own form, and nothing a preview renders reaches anyone else.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache

KEY = "content-version"

_request_version: ContextVar[str | None] = ContextVar("content_version", default=None)
_previewing: ContextVar[bool] = ContextVar("previewing", default=False)
# (key with its version) -> (expires at, value); cleared when it grows past LOCAL_LIMIT.
_local: dict[str, tuple[float, Any]] = {}
LOCAL_LIMIT = 2000


@contextmanager
def request_version() -> Iterator[str]:
    """Within a request: one read of the token, the same answer everywhere."""
    marker = _request_version.set(_shared_version())
    try:
        yield _request_version.get()
    finally:
        _request_version.reset(marker)


@contextmanager
def previewing() -> Iterator[None]:
    """While an editor's preview renders: every cache of published content is bypassed."""
    marker = _previewing.set(True)
    try:
        yield
    finally:
        _previewing.reset(marker)


def is_previewing() -> bool:
    return _previewing.get()


def content_version() -> str:
    return _request_version.get() or _shared_version()


def versioned(name: str, build: Callable[[], Any], timeout: int | None = None) -> Any:
    """``build()``, kept under ``name`` and the content version, in the process and in
    the shared cache, for ``timeout`` seconds (CONTENT_CACHE_SECONDS by default).

    ``build`` must return a plain value (or a frozen one): it is shared by every
    request this process serves. During a preview it is simply called.
    """
    if is_previewing():
        return build()
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
    if is_previewing():
        return None
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


def forget_kept_values() -> None:
    """Empty this process's copy of the versioned values (the shared cache keeps them)."""
    _local.clear()
