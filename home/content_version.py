"""One token that changes whenever published content may have changed.

Every cache of published content (whole anonymous pages, routes, the site's
header and footer, view restrictions) puts this token in its keys, so a
publish, an unpublish, a move, a deletion or a change to a snippet or the
site settings makes them all miss at once, on every app server: the token
lives in Django's cache, which is Redis when ``REDIS_URL`` is set.

Entrants' saves never change it: only content models are watched.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

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


def content_version() -> str:
    version = cache.get(KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        # add(), not set(): two servers starting at once agree on one token.
        if not cache.add(KEY, version, timeout=None):
            version = cache.get(KEY) or version
    return version


def bump_content_version() -> None:
    cache.set(KEY, uuid.uuid4().hex[:12], timeout=None)


def is_watched(model) -> bool:
    label = model._meta.label_lower
    if label in IGNORED_MODELS:
        return False
    return model._meta.app_label in WATCHED_APPS or label in EXTRA_MODELS


def bump_now_and_on_commit() -> None:
    """Bump at once, and again when the transaction commits: a page rendered
    from the old rows between the two is cached under a token already dead."""
    bump_content_version()
    transaction.on_commit(bump_content_version)


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
