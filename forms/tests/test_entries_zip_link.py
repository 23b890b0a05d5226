"""The Entries listing offers the filtered category's files as one ZIP, to staff who may
download files, and only when a category is filtered on."""

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.tests.builders import build_category
from forms.tests.builders import build_entry, build_entry_file

LIST_URL = "forms_entry_modeladmin_index"
LINK_TEXT = "Download files (ZIP)"


@pytest.fixture
def two_categories(category, entrant, other_entrant, entry_form):
    """A file in the category, and one in another category of the same programme."""
    other = build_category(
        category.get_parent(), title="Best Partnership", slug="best", entry_form=entry_form
    )
    mine = build_entry(entrant, category, reference="PRA-2026-0001")
    build_entry_file(mine, b"%PDF ours", name="ours.pdf")
    theirs = build_entry(other_entrant, other, reference="BP-2026-0001")
    build_entry_file(theirs, b"%PDF theirs", name="theirs.pdf")
    return category, other


def zip_link(client, **filters):
    response = client.get(reverse(LIST_URL), filters)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return next((a for a in soup.find_all("a") if LINK_TEXT in a.get_text()), None)


def test_the_filtered_categorys_zip_link_downloads_its_files(
    client, entries_manager, two_categories
):
    category, other = two_categories
    client.force_login(entries_manager)

    link = zip_link(client, category=category.pk)
    assert link is not None
    assert link["href"] == reverse("entries_admin_archive", args=[category.pk])
    assert " ".join(link.get_text().split()) == f"{LINK_TEXT} of {category.title}"

    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as zipped:
        assert zipped.namelist() == ["PRA-2026-0001/evidence-ours.pdf"]
        assert zipped.read("PRA-2026-0001/evidence-ours.pdf") == b"%PDF ours"

    other_link = zip_link(client, category=other.pk, status__exact="draft")
    assert other_link["href"] == reverse("entries_admin_archive", args=[other.pk])


def test_no_zip_link_without_a_category_filter(client, entries_manager, two_categories):
    category, _ = two_categories
    client.force_login(entries_manager)

    assert zip_link(client) is None
    assert zip_link(client, programme=category.get_parent().pk) is None
    refused = client.get(reverse(LIST_URL), {"category": "not-a-page"})
    assert refused.status_code == 400  # a link naming no category is refused, with no link
    assert LINK_TEXT not in refused.text


def test_no_zip_link_for_staff_who_may_not_download_files(client, entries_viewer, two_categories):
    category, _ = two_categories
    client.force_login(entries_viewer)

    assert zip_link(client, category=category.pk) is None
    assert client.get(reverse("entries_admin_archive", args=[category.pk])).status_code == 403
