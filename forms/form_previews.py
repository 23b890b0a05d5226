"""An entry form previewed in the snippet editor: the form as an entrant sees it.

The preview shows the editor's unsaved form with the task list, the live
word counts and, for a chosen page that uses the form (one preview mode per
page, published or in its latest draft), that page's criteria above each
section. Nothing is written: the entry it draws is an unsaved object with no
answers and no files, and its buttons do nothing. Like a page preview, it
renders inside ``previewing()``: no cache of published content is read or
filled (docs/architecture.md, "Previews").
"""

from __future__ import annotations

import copy
from typing import Any

from django.template.response import TemplateResponse
from wagtail.models import Page, PreviewableMixin

from publishing.content_version import previewing

from .definitions import FormDefinition
from .question_keys import key_from_label, settle_keys

PAGE_MODE = "page-"
NO_PAGE_MODE = "form"


def preview_definition(form) -> FormDefinition:
    """The form's questions as entrants would see them once saved: a question the
    editor has just added has no key yet, so it is given the one saving would make."""
    raw = copy.deepcopy(list(form.sections.raw_data))
    if settle_keys(raw, {}):  # a key that saving would refuse: show the question anyway
        seen: set[str] = set()
        for section in raw:
            for child in (section.get("value") or {}).get("questions") or []:
                value = child.setdefault("value", {})
                key = key_from_label(value.get("label") or "", child.get("type") or "q", seen)
                value["key"] = key
                seen.add(key)
    return FormDefinition.from_stream(raw)


def preview_entry_view(form, page: Page | None):
    """What the entrant's page shows for a new entry on ``page``: nothing saved, nothing read."""
    from .models import Entry
    from .selectors import EntryView
    from .validation import find_problems, section_progress

    definition = preview_definition(form)
    entry = Entry(form=form, page=page, answers={}, version=1)
    problems = find_problems(definition, {}, set())
    return EntryView(
        entry=entry,
        definition=definition,
        answers={},
        files={},
        problems=problems,
        progress=section_progress(definition, {}, set(), problems),
    )


class EntryFormPreviewMixin(PreviewableMixin):
    """Preview modes: one per page using the form (its criteria shown), then the form alone."""

    def preview_pages(self) -> list[Page]:
        from .hosting import hosts_using  # hosting reads published forms, which need the models

        return [page.specific for page in hosts_using(self)]

    @property
    def preview_modes(self):
        pages = [
            (f"{PAGE_MODE}{page.pk}", f"With the criteria of “{page.title}”")
            for page in self.preview_pages()
        ]
        return [*pages, (NO_PAGE_MODE, "The form alone (each section's own guidance)")]

    def preview_page(self, mode_name: str) -> Page | None:
        """The page a preview mode names, as its editor last saved it (draft or live)."""
        if not (mode_name or "").startswith(PAGE_MODE):
            return None
        wanted = mode_name.removeprefix(PAGE_MODE)
        page = next((p for p in self.preview_pages() if str(p.pk) == wanted), None)
        if page is None:
            return None
        return page.get_latest_revision_as_object() if page.has_unpublished_changes else page

    def get_preview_template(self, request, mode_name):
        return "forms/entry_form_preview.html"

    def get_preview_context(self, request, mode_name) -> dict[str, Any]:
        host = self.preview_page(mode_name)
        return {
            "request": request,
            "page": None,
            "entry_form": self,
            "host_page": host,
            "view": preview_entry_view(self, host),
        }

    def serve_preview(self, request, mode_name):
        # No cache of published content is read or filled while the preview renders;
        # a TemplateResponse renders after the view returns, so render it here, inside.
        with previewing():
            response = TemplateResponse(
                request,
                self.get_preview_template(request, mode_name),
                self.get_preview_context(request, mode_name),
            )
            response.render()
        return response
