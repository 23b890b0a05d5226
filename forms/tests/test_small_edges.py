"""Small edges an outside scan found (issue 13, item 6): starting an entry on a page
that takes none, or one with no address; a long file name keeping its extension."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from awards.tests.builders import build_category, build_programme
from forms.definitions import Question
from forms.models import Entry
from forms.uploads import MAX_NAME_CHARS, check_upload, safe_display_name

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def start(client, page):
    return client.post(reverse("entry_start", args=[page.pk]))


def test_starting_an_entry_on_a_page_that_takes_none_is_not_found(
    client, entrant, home_page, category
):
    client.force_login(entrant)
    for page in (Page.get_first_root_node(), home_page, category.get_parent()):
        response = start(client, page)
        assert response.status_code == 404, page
        assert "None" not in response.get("Location", "")
    assert not Entry.objects.exists()


def test_a_category_with_no_address_starts_the_entry_and_goes_to_my_entries(
    client, entrant, entry_form
):
    # A category outside every site's tree: Wagtail gives it no URL (page.url is None).
    outside = build_category(build_programme(Page.get_first_root_node()), entry_form=entry_form)
    assert outside.url is None
    client.force_login(entrant)

    response = start(client, outside)

    assert response.status_code == 302
    assert response["Location"] == reverse("my_entries")
    assert Entry.objects.filter(page=outside, entrant=entrant).exists()


def test_a_category_with_an_address_still_goes_back_to_the_form(client, entrant, category):
    client.force_login(entrant)
    assert start(client, category)["Location"] == f"{category.url}#entry"


@pytest.mark.parametrize(
    "name",
    [
        "a" * 200 + ".pdf",
        "Final report of the community partnership programme " * 4 + ".PDF",
        "x" * 119 + ".pdf",
        "é" * 150 + ".docx",
    ],
)
def test_a_long_file_name_is_shortened_keeping_its_extension(name):
    shown = safe_display_name(name)
    assert len(shown) <= MAX_NAME_CHARS
    extension = name.rsplit(".", 1)[1]
    assert shown.endswith("." + extension)
    assert shown[: -len(extension) - 1]  # some of the name is left


def test_a_long_named_pdf_is_accepted_as_a_pdf():
    question = Question(key="evidence", type="file", label="Evidence", file_types=("pdf",))
    upload = SimpleUploadedFile("Evidence " * 30 + ".pdf", PDF, content_type="application/pdf")
    checked = check_upload(question, upload)
    assert checked.kind == "pdf"


def test_a_long_name_without_an_extension_is_cut_to_the_limit():
    assert safe_display_name("n" * 300) == "n" * MAX_NAME_CHARS
