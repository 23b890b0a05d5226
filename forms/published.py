"""Entry forms as entrants see them: the published version only, read once per content version.

An entry's page shows, and each autosave reads, the form's questions: one
query for a large JSON column, then parsing it into a FormDefinition. Wagtail
keeps a live form's published content in its row (drafts go to revisions), and
a form's published content changes only when an editor publishes or
unpublishes it, which changes the content version (publishing/invalidation.py).
So the published form's plain values (title, intro and the frozen definition)
are kept in the cache and in the process, and each request gets its own
model instance built from them.

A form that was never published (or was unpublished) is never offered: a host
page with such a form takes no new entries. Drafts already started on a form
that was later unpublished keep working from the form's row, read fresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from publishing.content_version import versioned

from .definitions import FormDefinition
from .models import Entry, EntryForm


@dataclass(frozen=True)
class PublishedForm:
    pk: int
    title: str
    intro: str
    definition: FormDefinition

    def as_instance(self) -> EntryForm:
        """A fresh EntryForm for one request (never a shared, mutable one)."""
        form = EntryForm(pk=self.pk, title=self.title, intro=self.intro, live=True)
        form.__dict__["definition"] = self.definition  # the cached_property, already known
        return form


def published_form(form_id: int) -> PublishedForm | None:
    """The published form ``form_id``, or None when it is not published."""

    def load():
        form = EntryForm.objects.filter(pk=form_id, live=True).first()
        if form is None:
            return False
        return PublishedForm(form.pk, form.title, form.intro, form.definition)

    return versioned(f"entry-form:{form_id}", load) or None


def is_published(form_id: int | None) -> bool:
    return form_id is not None and published_form(form_id) is not None


def with_published_forms(entries: list[Entry]) -> list[Entry]:
    for entry in entries:
        published = published_form(entry.form_id)
        if published is not None:
            entry.form = published.as_instance()
    return entries
