"""The Entries listing, inspect view, file downloads and permissions in the Wagtail admin."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.models import Entry
from forms.tests.builders import build_entry, build_user, complete_answers
from publishing.templatetags.uk_dates import uk_datetime

PDF = b"%PDF-1.4\n%%EOF\n"
LIST_URL = "forms_entry_modeladmin_index"


@pytest.fixture
def entries(category, entry_form, home_page):
    """Three entries: two in the open category (one submitted), one in another programme."""
    other_programme = build_programme(home_page, title="Partnership Awards 2024")
    other = build_category(
        other_programme, title="Best Partnership", reference_code="BP", entry_form=entry_form
    )
    ada = build_user("ada@example.org", organisation="Northshire NHS Trust")
    bob = build_user("bob@example.org", organisation="Southvale Care")
    cy = build_user("cy@example.org", organisation="Eastfield Health")
    submitted = build_entry(
        ada, category, answers=complete_answers(), status="submitted", reference="PRA-2026-0001"
    )
    draft = build_entry(bob, category, answers={"organisation_name": "Southvale Care"})
    elsewhere = build_entry(cy, other, answers={"organisation_name": "Eastfield Health"})
    return {"submitted": submitted, "draft": draft, "elsewhere": elsewhere, "other_category": other}


def listed(response) -> set[str]:
    return (
        {e.public_id for e in response.context["view"].queryset}
        if response.status_code == 200
        else set()
    )


def test_listing_filters_by_status_category_and_programme(
    client, entries_manager, entries, category
):
    client.force_login(entries_manager)
    url = reverse(LIST_URL)
    assert listed(client.get(url)) == {
        e.public_id for e in entries.values() if hasattr(e, "public_id")
    }
    assert listed(client.get(url, {"status": "submitted"})) == {entries["submitted"].public_id}
    assert listed(client.get(url, {"category": category.pk})) == {
        entries["submitted"].public_id,
        entries["draft"].public_id,
    }
    programme = entries["other_category"].get_parent()
    assert listed(client.get(url, {"programme": programme.pk})) == {entries["elsewhere"].public_id}


def test_listing_shows_the_columns_organisers_need(client, entries_manager, entries):
    client.force_login(entries_manager)
    response = client.get(reverse(LIST_URL))
    for text in [
        "PRA-2026-0001",
        "Northshire NHS Trust",
        "Performance Recovery Award",
        "Test Awards 2024",
        "Submitted",
        "Draft",
    ]:
        assert text in response.text


def test_listing_fits_beside_the_filters_with_the_programme_and_times_inside(
    client, entries_manager, entries
):
    # At 1280 px eight columns ran under the filter sidebar; these fit beside it.
    Entry.objects.filter(pk=entries["submitted"].pk).update(
        submitted_at=datetime.datetime(2026, 3, 4, 14, 5, tzinfo=datetime.UTC)
    )
    client.force_login(entries_manager)
    page = client.get(reverse(LIST_URL)).text
    headings = re.findall(r'<th[^>]*class="[^"]*column-(\w+)', page)
    assert headings == [
        "reference_or_draft",
        "entry_title",
        "category",
        "entrant",
        "status_and_time",
    ]
    assert "Performance Recovery Award<br><small>Test Awards 2024</small>" in page
    assert "Best Partnership<br><small>Partnership Awards 2024</small>" in page
    # UK time: GMT in March.
    assert "Submitted<br><small>2:05pm on Wednesday 4 March 2026</small>" in page
    draft = Entry.objects.get(pk=entries["draft"].pk)
    assert f"Draft<br><small>saved {uk_datetime(draft.updated_at)}</small>" in page


@pytest.mark.parametrize(
    "query, expected",
    [("PRA-2026-0001", "submitted"), ("bob@example.org", "draft"), ("Eastfield", "elsewhere")],
)
def test_search_by_reference_email_and_organisation(
    client, entries_manager, entries, query, expected
):
    client.force_login(entries_manager)
    response = client.get(reverse(LIST_URL), {"q": query})
    assert listed(response) == {entries[expected].public_id}


def test_inspect_shows_answers_under_questions_files_and_history(
    client, entries_manager, category, entrant
):
    entry = services.start_entry(user=entrant, page=category)
    upload = SimpleUploadedFile("evidence.pdf", PDF)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers=complete_answers(),
        base_version=1,
        uploads={"evidence": upload},
    )
    client.force_login(entries_manager)
    response = client.get(reverse("forms_entry_modeladmin_inspect", args=[entry.pk]))
    assert response.status_code == 200
    assert "Describe the context" in response.text
    assert complete_answers()["context"] in response.text
    assert "9 words of 20" in response.text
    assert reverse("entries_admin_file", args=[entry.files.get().public_id]) in response.text
    assert "Started" in response.text


def test_editor_without_entries_permission_gets_403_everywhere(
    client, awards_editor, category, entrant
):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={},
        base_version=1,
        uploads={"evidence": SimpleUploadedFile("e.pdf", PDF)},
    )
    stored = entry.files.get()
    client.force_login(awards_editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # they can use the admin
    urls = [
        reverse(LIST_URL),
        reverse(LIST_URL) + "?export=csv",
        reverse(LIST_URL) + "?export=xlsx",
        reverse("forms_entry_modeladmin_inspect", args=[entry.pk]),
        reverse("entries_admin_print", args=[entry.pk]),
        reverse("entries_admin_file", args=[stored.public_id]),
        reverse("entries_admin_archive", args=[category.pk]),
        reverse("entries_admin_reopen", args=[entry.pk]),
        reverse("entries_admin_withdraw", args=[entry.pk]),
        reverse("entries_admin_extend", args=[entry.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert (
            b"Northshire" not in b"".join(response)
            if hasattr(response, "streaming_content")
            else True
        )
    # the entrant-facing download treats them like anyone else: not found
    assert (
        client.get(reverse("entry_file", args=[entry.public_id, stored.public_id])).status_code
        == 404
    )


def test_entries_menu_is_hidden_from_editors(client, awards_editor, entries_manager):
    client.force_login(awards_editor)
    assert reverse(LIST_URL) not in client.get(reverse("wagtailadmin_home")).text
    client.force_login(entries_manager)
    assert reverse(LIST_URL) in client.get(reverse("wagtailadmin_home")).text


def test_manager_downloads_a_file_and_the_category_archive(
    client, entries_manager, category, entrant
):
    import io
    import zipfile

    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={},
        base_version=1,
        uploads={"evidence": SimpleUploadedFile("e.pdf", PDF)},
    )
    client.force_login(entries_manager)
    stored = entry.files.get()
    response = client.get(reverse("entries_admin_file", args=[stored.public_id]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    archive = client.get(reverse("entries_admin_archive", args=[category.pk]))
    assert archive.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))) as zipped:
        names = zipped.namelist()
        assert len(names) == 1 and names[0].endswith("evidence-e.pdf")
        assert zipped.read(names[0]) == PDF


def test_dashboard_panel_counts_drafts_and_submissions(client, entries_manager, entries, category):
    client.force_login(entries_manager)
    response = client.get(reverse("wagtailadmin_home"))
    assert "Open categories" in response.text
    panel = response.text[response.text.index("Open categories") :]
    assert category.title in panel
