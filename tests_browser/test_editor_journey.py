"""Staff in the Wagtail admin, in a real Chromium (issue #5).

An awards editor builds an entry form and a category that uses it, publishes
both and sees the category on the site; an entries manager filters the
entries, reads one and exports them as CSV. Editors never see entries.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from awards.models import CategoryPage
from awards.tests.builders import build_category, build_home, build_programme
from forms.models import EntryForm
from forms.tests.builders import (
    build_entry,
    build_entry_form,
    build_user,
    complete_answers,
    question,
    section,
)
from home.staff_groups import EDITORS, ENTRIES_MANAGERS, ensure_staff_groups
from tests_browser.staff import sign_in_to_admin, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORM_TITLE = "Digital Innovation Award entry form"
CATEGORY_TITLE = "Digital Innovation Award"


@pytest.fixture
def programme(db):
    programme = build_programme(build_home(), title="HSJ Awards 2024")
    # A flushed database had no root page when the post_migrate handler ran, so
    # the editors' page permissions are only granted now the tree exists.
    ensure_staff_groups()
    return programme


def publish(page) -> None:
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()


def test_an_editor_builds_a_form_and_a_category_and_publishes_them(
    live_server, browser, page, programme, settings
):
    # Wagtail 8 autosaves a new object once its "unsaved changes" check has seen
    # an edit, which it only starts doing two seconds after the page loads. A
    # robot that fills the form faster than that gets no autosave, and one that
    # clicks Publish while the first autosave is in flight can create the object
    # twice. Neither is this site's behaviour to test, so autosave is off here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    staff_member("editor@example.org", EDITORS, first_name="Eve", last_name="Editor")
    base = live_server.url
    sign_in_to_admin(page, base, "editor@example.org")

    # Editors build the site; entries (personal data) are not theirs to see.
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Entry forms")).to_be_visible()
    expect(menu.get_by_role("link", name="Entries", exact=True)).to_have_count(0)
    assert page.request.get(f"{base}/admin/forms/entry/").status == 403

    # A new entry form: one section of three questions.
    menu.get_by_role("link", name="Entry forms").click()
    page.get_by_role("link", name="Add entry form").click()
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(FORM_TITLE)
    page.get_by_role("button", name="Insert a block").click()  # "Section" is the only block
    heading = page.get_by_role("textbox", name=re.compile(r"^Heading"))
    expect(heading).to_be_focused()  # the new block is in place and has focus
    heading.fill("About your project")
    section = page.get_by_role("region", name=re.compile(r"^Section\b"))

    def add_question(block_label: str, label: str):
        section.get_by_role("button", name="Insert a block").last.click()
        page.get_by_role("option", name=block_label).click()
        question = section.get_by_role("region", name=re.compile(f"^{block_label}")).last
        label_box = question.get_by_role("textbox", name=re.compile(r"^Question"))
        expect(label_box).to_be_focused()
        label_box.fill(label)
        return question

    add_question("Short answer", "Organisation name")
    long_text = add_question("Long answer", "Describe your project")
    word_limit = long_text.get_by_role("spinbutton", name=re.compile(r"^Word limit"))
    expect(word_limit).to_have_value("500")  # a long answer starts at 500 words
    word_limit.fill("250")
    add_question("Email address", "Contact email")
    publish(page)
    expect(page.get_by_text(re.compile(f"Entry form '{FORM_TITLE}' .*published"))).to_be_visible()

    form = EntryForm.objects.get(title=FORM_TITLE)
    assert form.live
    questions = form.definition.questions
    assert [(q.type, q.label, q.required) for q in questions.values()] == [
        ("short_text", "Organisation name", True),
        ("long_text", "Describe your project", True),
        ("email", "Contact email", True),
    ]
    assert list(questions) == ["organisation_name", "describe_your_project", "contact_email"]
    assert questions["describe_your_project"].max_words == 250

    # A new category under the programme, found through the page explorer.
    menu.get_by_role("button", name="Pages").click()
    explorer = page.get_by_role("dialog", name="Page explorer")
    explorer.get_by_role("link", name="View child pages of 'Test Awards'").click()
    explorer.get_by_role("link", name="HSJ Awards 2024", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("HSJ Awards 2024")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Award category", exact=True).click()
    page.get_by_role("textbox", name=re.compile(r"^Title\*?$")).fill(CATEGORY_TITLE)
    page.get_by_role("textbox", name=re.compile(r"^Summary")).fill(
        "For teams using digital tools to change how care is given."
    )
    page.get_by_role("button", name="Choose entry form").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=FORM_TITLE).click()
    expect(chooser).to_be_hidden()
    entries_panel = page.get_by_role("region", name="Entries")
    expect(entries_panel.get_by_text(FORM_TITLE)).to_be_visible()
    publish(page)
    expect(page.get_by_text(re.compile(f"Page '{CATEGORY_TITLE}' .*published"))).to_be_visible()

    category = CategoryPage.objects.get(title=CATEGORY_TITLE)
    assert category.live
    assert category.entry_form_id == form.pk
    assert category.get_parent().pk == programme.pk

    # A visitor who is not signed in finds it on the site, open for entries.
    visitor = browser.new_context()
    try:
        tab = visitor.new_page()
        response = tab.goto(base + category.url)
        assert response.status == 200
        expect(tab.get_by_role("heading", level=1)).to_have_text(CATEGORY_TITLE)
        expect(tab.get_by_role("link", name="Register to enter").first).to_be_visible()
    finally:
        visitor.close()


def test_question_keys_stay_out_of_the_way_read_only_and_a_duplicate_gets_its_own(
    live_server, page, programme, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # see the test above
    form = build_entry_form(
        [section("Your organisation", question("short_text", "organisation_name", "Organisation"))]
    )
    form.save_revision().publish()
    staff_member("editor@example.org", EDITORS)
    base = live_server.url
    sign_in_to_admin(page, base, "editor@example.org")
    page.goto(f"{base}{reverse('wagtailsnippets_forms_entryform:edit', args=[form.pk])}")

    # The key is not among the question's fields: it sits, read-only, under Settings.
    original = page.get_by_role("region", name=re.compile(r"^Short answer")).first
    key = original.get_by_role("textbox", name=re.compile(r"^Answer key"))
    expect(key).to_be_hidden()
    original.get_by_role("button", name="Settings").click()
    expect(key).to_be_visible()
    expect(key).to_have_value("organisation_name")
    expect(key).not_to_be_editable()

    # The copy starts without a key, so it gets one of its own instead of being refused.
    original.get_by_role("button", name="Duplicate").click()
    copy = page.get_by_role("region", name=re.compile(r"^Short answer")).nth(1)
    copy.get_by_role("button", name="Settings").click()
    expect(copy.get_by_role("textbox", name=re.compile(r"^Answer key"))).to_have_value("")
    copy.get_by_role("textbox", name=re.compile(r"^Question")).fill("Trading name")
    publish(page)
    expect(page.get_by_text(re.compile(r"Entry form '.*' .*published"))).to_be_visible()

    form.refresh_from_db()
    assert list(form.definition.questions) == ["organisation_name", "trading_name"]


@pytest.fixture
def entries(programme):
    """Entries in two categories: one submitted and one draft here, one submitted there."""
    form = build_entry_form()
    recovery = build_category(programme, entry_form=form)
    digital = build_category(programme, title=CATEGORY_TITLE, reference_code="DIA", entry_form=form)
    now = timezone.now()
    submitted = build_entry(
        build_user("ada@example.org", organisation="Northshire NHS Trust"),
        recovery,
        answers=complete_answers(),
        status="submitted",
        reference="PRA-2026-0001",
        submitted_at=now,
    )
    draft = build_entry(
        build_user("bob@example.org", first_name="Bob", organisation="Southvale Care"),
        recovery,
        answers={"organisation_name": "Southvale Care"},
    )
    elsewhere = build_entry(
        build_user("cy@example.org", first_name="Cy", organisation="Eastfield Health"),
        digital,
        answers={"organisation_name": "Eastfield Health"},
        status="submitted",
        reference="DIA-2026-0001",
        submitted_at=now,
    )
    return {"recovery": recovery, "submitted": submitted, "draft": draft, "elsewhere": elsewhere}


def test_an_entries_manager_filters_reads_and_exports_entries(live_server, page, entries):
    staff_member("manager@example.org", ENTRIES_MANAGERS, first_name="Max", last_name="Manager")
    base = live_server.url
    sign_in_to_admin(page, base, "manager@example.org")
    expect(page.get_by_role("region", name="Open categories")).to_contain_text(
        "Performance Recovery Award"
    )

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Entries").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Entries"))).to_be_visible()
    rows = page.get_by_role("table").locator("tbody").get_by_role("row")
    expect(rows).to_have_count(3)

    # Filter by status, then by category, with the filter links.
    filters = page.locator(".changelist-filter")
    filters.get_by_role("link", name="Submitted", exact=True).click()
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Southvale Care")).to_have_count(0)
    filters.get_by_role("link", name="Performance Recovery Award", exact=True).click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("PRA-2026-0001")
    expect(rows.first).to_contain_text("Submitted")
    assert "status__exact=submitted" in page.url and "category=" in page.url

    # Open the entry: each answer sits under its question.
    rows.first.get_by_role("link", name="Inspect").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("PRA-2026-0001")
    question = page.locator("dt", has_text="Describe the context")
    expect(question.locator("xpath=following-sibling::dd[1]")).to_contain_text(
        complete_answers()["context"]
    )
    expect(page.get_by_role("link", name="Reopen")).to_be_visible()

    # Back to the filtered listing, and export what it shows.
    page.go_back()
    expect(rows).to_have_count(1)
    page.get_by_role("button", name="More actions").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    # Named after the category chosen in the filter, never after the query's raw value.
    assert download.suggested_filename == f"entries-{entries['recovery'].slug}.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header[:6] == ["Reference", "Status", "Entrant", "Email", "Organisation", "Category"]
    assert {"Organisation name", "Contact email", "Describe the context"} <= set(header)
    assert [line[0] for line in lines] == ["PRA-2026-0001"]
    row = dict(zip(header, lines[0], strict=True))
    assert row["Email"] == "ada@example.org"
    assert row["Describe the context"] == complete_answers()["context"]
