"""Entry forms as entrants see them (the published row), read once per content version.

An entry's page shows, and each autosave reads, the form's questions: one
query for a large JSON column, then parsing it into a FormDefinition. A form
changes only when an editor saves or publishes it, which changes the content
version (home/content_version.py), so the form with its parsed definition is
kept in the cache and in the process instead. Read-only: callers never
change the instance they get.
"""

from __future__ import annotations

from home.content_version import versioned

from .models import Entry, EntryForm


def published_form(form_id: int) -> EntryForm:
    def load():
        form = EntryForm.objects.get(pk=form_id)
        form.definition  # noqa: B018 - parsed once, kept with the form
        return form

    return versioned(f"entry-form:{form_id}", load)


def with_published_forms(entries: list[Entry]) -> list[Entry]:
    for entry in entries:
        entry.form = published_form(entry.form_id)
    return entries
