"""An editor previews an entry form as entrants will see it (issue #14).

The preview shows the form being edited, with the task list, word counts and
the criteria of a chosen category that uses it, and its buttons do nothing.
It creates no entry, and reads and fills no cache of published content: a
warm cache never shows the editor an older form, and nothing the preview
renders is kept for anyone else.
"""

from __future__ import annotations

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from awards.tests.reading import text
from forms.models import Entry, EntryForm
from forms.published import published_form
from forms.tests.builders import build_entry_form, question
from publishing.content_version import content_version

pytestmark = pytest.mark.django_db


def criteria(heading: str, *points: str):
    return [("section", {"heading": heading, "text": "", "points": list(points)})]


@pytest.fixture
def form():
    form = build_entry_form(
        [
            (
                "section",
                {
                    "heading": "Delivery",
                    "criterion": "Delivery",
                    "guidance": "<p>The form's own guidance</p>",
                    "questions": [
                        question("long_text", "delivery", "How did you deliver it?", max_words=50),
                        question("short_text", "team", "Team name", required=False),
                    ],
                },
            )
        ],
        title="Innovation entry form",
    )
    form.save_revision().publish()
    return form


@pytest.fixture
def categories(home_page, form):
    programme = build_programme(home_page)
    return {
        "recovery": build_category(
            programme,
            title="Performance Recovery Award",
            entry_form=form,
            criteria=criteria("Delivery", "Restore services to their baseline."),
        ),
        "digital": build_category(
            programme,
            title="Digital Innovation Award",
            reference_code="DIA",
            entry_form=form,
            criteria=criteria("Delivery", "Show the digital tools in daily use."),
        ),
    }


def preview(form: EntryForm, mode: str) -> BeautifulSoup:
    response = form.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def guidance(shown: BeautifulSoup) -> str:
    return text(shown.select_one("section.form-section .form-section__guidance"))


def test_each_category_using_the_form_is_a_preview_mode(form, categories):
    assert form.preview_modes == [
        (f"page-{categories['recovery'].pk}", "With the criteria of “Performance Recovery Award”"),
        (f"page-{categories['digital'].pk}", "With the criteria of “Digital Innovation Award”"),
        ("form", "The form alone (each section's own guidance)"),
    ]
    assert form.default_preview_mode == f"page-{categories['recovery'].pk}"


def test_a_category_that_chose_the_form_in_a_draft_is_a_preview_mode_too(form, home_page):
    category = build_category(build_programme(home_page), title="Draft category")
    draft = category.get_latest_revision_as_object()
    draft.entry_form = form
    draft.save_revision()
    assert [mode for mode, _ in form.preview_modes] == [f"page-{category.pk}", "form"]


def test_the_preview_shows_the_form_as_entrants_see_it_with_the_categorys_criteria(
    form, categories
):
    shown = preview(form, f"page-{categories['recovery'].pk}")

    banner = text(shown.select_one("#preview-banner"))
    assert banner == (
        "Preview: this is how entrants will see the form, with the criteria of "
        "“Performance Recovery Award”. Nothing typed here is saved."
    )
    tasks = [text(item) for item in shown.select(".task-list__item")]
    assert tasks == ["Delivery Not started"]
    assert guidance(shown) == (
        "This section is judged on these criteria: Restore services to their baseline."
    )
    assert text(shown.select_one("#q-delivery-count")) == "0 of 50 words"
    assert shown.select_one("textarea#q-delivery") is not None
    assert shown.select_one("input#q-team") is not None
    # The buttons are there to be seen, and do nothing: the form posts nowhere.
    buttons = shown.select(".save-bar button")
    assert [text(b) for b in buttons] == ["Save and come back later", "Review and submit"]
    assert all(b.has_attr("disabled") for b in buttons)
    entry_form = shown.select_one("form.entry-form")
    assert not entry_form.has_attr("action") and not entry_form.has_attr("data-autosave")


def test_a_shared_form_previews_with_each_categorys_own_criteria(form, categories):
    digital = preview(form, f"page-{categories['digital'].pk}")
    assert guidance(digital).endswith("Show the digital tools in daily use.")
    alone = preview(form, "form")
    assert guidance(alone) == "The form's own guidance"
    assert "with each section's own guidance" in text(alone.select_one("#preview-banner"))


def test_the_preview_creates_no_entry_and_neither_reads_nor_fills_the_caches(
    client, form, categories
):
    category = categories["recovery"]
    # Warm the caches as visitors would: the whole page, and the published form.
    host = category.get_site().hostname
    assert client.get(category.url, HTTP_HOST=host)["X-Page-Cache"] == "miss"
    assert published_form(form.pk).title == "Innovation entry form"
    version = content_version()

    # The editor's unsaved change: a new title and a new question, not yet keyed.
    raw = list(form.sections.raw_data)
    raw[0]["value"]["questions"].append(
        {"type": "yes_no", "value": {"label": "Is this your first entry?", "required": True}}
    )
    form.title = "Innovation entry form, revised"
    form.sections = raw

    touched: list[str] = []

    def spy(real):
        def call(key, *args, **kwargs):
            touched.append(key)
            return real(key, *args, **kwargs)

        return call

    spies = [
        mock.patch.object(cache, name, side_effect=spy(getattr(cache, name)))
        for name in ("get", "set", "add", "delete")
    ]
    for patcher in spies:
        patcher.start()
    try:
        shown = preview(form, f"page-{category.pk}")
    finally:
        for patcher in spies:
            patcher.stop()

    assert text(shown.select_one("h1")) == "Innovation entry form, revised"
    legends = [text(legend) for legend in shown.select("legend")]
    assert "Is this your first entry?" in legends
    assert Entry.objects.count() == 0
    # Nothing kept under the content version (whole pages, the published form, the
    # header and footer) was read or written; only the version itself was asked for.
    assert touched, "the spies saw no cache use at all"
    assert [key for key in touched if version in key] == [], touched
    assert content_version() == version
    assert client.get(category.url, HTTP_HOST=host)["X-Page-Cache"] == "hit"


def test_an_editor_opens_the_preview_from_the_snippet_editor(
    client, awards_editor, form, categories
):
    client.force_login(awards_editor)
    edit = client.get(reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk]))
    assert edit.status_code == 200
    page = edit.content.decode()
    assert "With the criteria of “Performance Recovery Award”" in page
    assert "With the criteria of “Digital Innovation Award”" in page


def test_a_category_previews_with_its_entry_form_as_entrants_see_it(form, categories):
    category = categories["digital"]
    response = category.make_preview_request(preview_mode="entry-form")
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser")

    panel = shown.select_one("#entry")
    assert text(panel.select_one("#preview-banner")).startswith(
        "Preview: this is how entrants will see the form once they start an entry."
    )
    assert guidance(panel).endswith("Show the digital tools in daily use.")
    assert text(panel.select_one("#q-delivery-count")) == "0 of 50 words"
    assert all(b.has_attr("disabled") for b in panel.select(".save-bar button"))
    assert text(shown.select_one(".entry-cta")).startswith("Enter this award Preview:")
    assert Entry.objects.count() == 0


def test_a_category_preview_offers_the_entry_form_mode(categories):
    assert categories["recovery"].preview_modes == [
        ("", "The page"),
        ("entry-form", "The page with its entry form, as entrants see it"),
    ]
