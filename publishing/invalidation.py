"""What tells every cache that published content changed, and nothing else.

The content version (publishing/content_version.py) changes when something a
visitor can see changes:

- a page is published, unpublished, moved, or deleted while live (Wagtail's
  ``page_published``, ``page_unpublished`` and ``post_page_move`` signals), or a
  live page's row is saved whole by code (``add_child``, ``save()``): Wagtail
  writes a draft, a lock or a workflow step with ``update_fields``, never whole;
- a draftable snippet is published or unpublished (Wagtail's ``published`` and
  ``unpublished``), for the models an app names with ``watch_publishing``;
- a row that is public as soon as it is saved (a snippet without drafts, the
  site settings and their inline rows), for the models an app names with
  ``watch_saves``;
- Wagtail's own public parts: sites, view restrictions, images and redirects.

Saving a draft, the page editor's autosave, a revision, a log entry or an
entrant's save change none of it. This app names no model of another app:
each app registers its own in its ``AppConfig.ready()``.

A change bumps the version at once (so a page rendered from the old rows is
cached under a version already dead) and again when the transaction commits,
once per transaction however many rows changed; the caching proxies' ban is
then queued as a task (publishing/proxy_bans.py), never sent in the editor's
request.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .content_version import bump_content_version

_saved_models: set[type[Model]] = set()
_published_models: set[type[Model]] = set()


def watch_saves(*models: type[Model]) -> None:
    """Rows of these models are public as soon as they are saved or deleted."""
    _saved_models.update(models)


def watch_publishing(*models: type[Model]) -> None:
    """These draftable models are public once published: drafts of them are never seen."""
    _published_models.update(models)


def content_changed() -> None:
    """Published content changed: every cache forgets it now and again at commit."""
    bump_content_version()
    if not any(func is _after_commit for _, func, _ in connection.run_on_commit):
        transaction.on_commit(_after_commit)


def _after_commit() -> None:
    from .proxy_bans import ban_site_pages_later

    bump_content_version()
    ban_site_pages_later()


def _on_page_signal(sender, **kwargs) -> None:
    content_changed()


def _on_publishing_signal(sender, **kwargs) -> None:
    if sender in _published_models:
        content_changed()


def _on_save_or_delete(sender, instance=None, **kwargs) -> None:
    if sender in _saved_models:
        content_changed()
    elif isinstance(instance, Page) and instance.live:
        if kwargs.get("signal") is post_delete or kwargs.get("update_fields") is None:
            content_changed()  # a live page deleted, or its row written whole
    elif sender in _published_models and kwargs.get("signal") is post_delete and instance.live:
        content_changed()


def connect() -> None:
    watch_saves(Site, PageViewRestriction, get_image_model())
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"publishing_{id(signal)}")
    for signal in (published, unpublished):
        signal.connect(_on_publishing_signal, dispatch_uid=f"publishing_{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(_on_save_or_delete, dispatch_uid=f"publishing_{id(signal)}")
