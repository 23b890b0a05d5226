"""Entry files: one rule for who may download them, and names in headers nobody can forge."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from awards.tests.builders import build_category
from forms.models import EntryFile
from forms.tests.builders import build_entry, build_entry_file

PDF = b"%PDF-1.4 file-access\n%%EOF\n"


def add_file(entry, *, key: str = "evidence", name: str = "evidence.pdf") -> EntryFile:
    return build_entry_file(entry, PDF, key=key, name=name)


@pytest.fixture
def stored(entrant, category):
    return add_file(build_entry(entrant, category))


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def download(user, name: str, stored: EntryFile, category):
    client = Client()
    if user is not None:
        client.force_login(user)
    url = {
        "entrant": reverse("entry_file", args=[stored.entry.public_id, stored.public_id]),
        "admin": reverse("entries_admin_file", args=[stored.public_id]),
        "archive": reverse("entries_admin_archive", args=[category.pk]),
    }[name]
    return client.get(url)


def test_the_rule_is_the_owner_or_staff_allowed_to_export_entries(
    stored, entrant, other_entrant, entries_manager, awards_editor, entries_viewer
):
    from django.contrib.auth.models import AnonymousUser

    from forms.file_access import may_download_files

    entry = stored.entry
    assert may_download_files(entrant, entry)
    assert may_download_files(entries_manager, entry)
    assert may_download_files(entries_manager, None)  # files of many entries: the archive
    for refused in (AnonymousUser(), other_entrant, awards_editor, entries_viewer):
        assert not may_download_files(refused, entry)
        assert not may_download_files(refused, None)
    assert not may_download_files(entrant, None)  # owning one entry is not a right to them all
    entries_manager.is_active = False
    assert not may_download_files(entries_manager, entry)


@pytest.mark.parametrize("view", ["entrant", "admin", "archive"])
def test_an_entries_manager_gets_the_file_from_each_download(
    view, stored, entries_manager, category
):
    response = download(entries_manager, view, stored, category)
    assert response.status_code == 200
    content = body(response)
    if view == "archive":
        with zipfile.ZipFile(io.BytesIO(content)) as zipped:
            assert [zipped.read(n) for n in zipped.namelist()] == [PDF]
    else:
        assert content == PDF


@pytest.mark.parametrize("view", ["entrant", "admin", "archive"])
@pytest.mark.parametrize("person", ["another entrant", "editor", "viewer without export"])
def test_nobody_else_gets_the_file_from_any_download(
    view, person, stored, category, other_entrant, awards_editor, entries_viewer
):
    user = {"another entrant": other_entrant, "editor": awards_editor}.get(person, entries_viewer)
    response = download(user, view, stored, category)
    if view == "entrant":
        assert response.status_code == 404, response.status_code
    elif person == "another entrant":  # no admin access at all: Wagtail asks them to sign in
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == 403, response.status_code
    assert PDF not in body(response)


def test_the_owner_gets_their_file_and_nobody_signed_out_does(stored, entrant, category):
    assert body(download(entrant, "entrant", stored, category)) == PDF
    assert download(None, "entrant", stored, category).status_code in (302, 404)
    for view in ("admin", "archive"):
        response = download(None, view, stored, category)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_inspect_view_links_files_only_for_staff_who_may_download_them(
    stored, entries_manager, entries_viewer
):
    url = reverse("forms_entry_modeladmin_inspect", args=[stored.entry.pk])
    link = reverse("entries_admin_file", args=[stored.public_id])
    client = Client()
    client.force_login(entries_manager)
    assert link in client.get(url).text
    client.force_login(entries_viewer)
    page = client.get(url).text
    assert "evidence.pdf" in page and link not in page


# --- names in headers ------------------------------------------------------------------------


def export(client, **params):
    return client.get(reverse("forms_entry_modeladmin_index"), {"export": "csv", **params})


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "999999",
        "1 OR 1=1",
        '1"; filename="evil.exe',
        "1\r\nX-Injected: yes",
        "1\nContent-Type: text/html",
        "../../etc/passwd",
        "٣",  # a digit, but not an ASCII one
    ],
)
def test_an_export_with_a_crafted_category_is_refused_with_a_message(
    client, entries_manager, stored, value
):
    client.force_login(entries_manager)
    response = export(client, category=value)
    assert response.status_code == 400
    assert "category" in response.text.lower()
    assert "Content-Disposition" not in response
    assert "X-Injected" not in response


def test_an_export_is_named_after_the_category_chosen_never_the_query(
    client, entries_manager, stored, category
):
    client.force_login(entries_manager)
    named = export(client, category=str(category.pk))
    assert named.status_code == 200
    assert named["Content-Disposition"] == f'attachment; filename="entries-{category.slug}.csv"'
    everything = export(client)
    assert everything["Content-Disposition"] == 'attachment; filename="entries-all.csv"'
    xlsx = client.get(reverse("forms_entry_modeladmin_index"), {"export": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="entries-all.xlsx"'


def test_only_a_page_that_takes_entries_can_name_an_export(
    client, entries_manager, stored, category, home_page
):
    client.force_login(entries_manager)
    assert export(client, category=str(home_page.pk)).status_code == 400
    empty = build_category(
        category.get_parent(), title="Quiet Award", entry_form=category.entry_form
    )
    response = export(client, category=str(empty.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="entries-quiet-award.csv"'


def test_a_file_name_with_quotes_and_line_breaks_stays_one_header(entrant, category):
    upload = add_file(
        build_entry(entrant, category), name='evil"; filename="x.exe"\r\nSet-Cookie: a=b.pdf'
    )
    response = download(entrant, "entrant", upload, category)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert disposition.startswith("attachment; filename")
    assert "Set-Cookie" not in response


def test_the_archive_is_named_by_content_disposition_header(
    client, entries_manager, stored, category
):
    client.force_login(entries_manager)
    response = client.get(reverse("entries_admin_archive", args=[category.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="{category.slug}-files.zip"'
