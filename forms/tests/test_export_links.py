"""A crafted link to the Entries export: the file is named by us, and a filter we
cannot apply is refused rather than exporting every entry (issue 13, item 1)."""

import csv
import io

import pytest
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_entry

# The link from the report: opened by an entries manager, Chromium saved the export
# as entries-report.html (the value closes the quoted filename and adds filename*).
CRAFTED_CATEGORY = "a\"; filename*=UTF-8''entries-report.html; x=\""


def export(client, **params):
    return client.get(reverse("forms_entry_modeladmin_index"), {"export": "csv", **params})


def references(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row[0] for row in csv.reader(io.StringIO(text))][1:]


@pytest.fixture
def two_programmes(entrant, category, home_page):
    """An entry in ``category`` and one in a category of another programme."""
    other = build_category(
        build_programme(home_page, title="Other Awards 2025"),
        title="Other Award",
        entry_form=category.entry_form,
    )
    return build_entry(entrant, category), build_entry(entrant, other), other


def test_the_crafted_link_from_the_report_is_refused_and_names_no_file(
    client, entries_manager, two_programmes
):
    client.force_login(entries_manager)
    response = export(client, category=CRAFTED_CATEGORY)
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert "entries-report" not in response.text
    assert "category" in response.text.lower()


def test_a_category_export_holds_only_that_category_and_is_named_by_its_slug(
    client, entries_manager, two_programmes, category
):
    client.force_login(entries_manager)
    mine, theirs, _ = two_programmes
    response = export(client, category=str(category.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="entries-{category.slug}.csv"'
    assert len(references(response)) == 1


@pytest.mark.parametrize("value", ["abc", "0", "99999999", "1 OR 1=1", "1\r\nX: y"])
def test_a_programme_filter_that_names_no_programme_is_refused_not_exported_whole(
    client, entries_manager, two_programmes, value
):
    client.force_login(entries_manager)
    response = export(client, programme=value)
    assert response.status_code == 400
    assert "programme" in response.text.lower()
    assert "Content-Disposition" not in response


def test_a_programme_export_is_named_after_the_programme_found(
    client, entries_manager, two_programmes, category
):
    client.force_login(entries_manager)
    programme = category.get_parent()
    response = export(client, programme=str(programme.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="entries-{programme.slug}.csv"'
    )
    assert len(references(response)) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"entrant__password__startswith": "md5$"},  # a lookup the listing offers no filter for
        {"answers__icontains": "secret"},
        {"status__exact": "no-such-status"},
    ],
)
def test_a_filter_the_listing_does_not_offer_is_refused_with_a_message(
    client, entries_manager, two_programmes, params
):
    client.force_login(entries_manager)
    for extra in ({}, {"export": "csv"}):
        response = client.get(reverse("forms_entry_modeladmin_index"), {**params, **extra})
        assert response.status_code == 400, (params, extra)
        assert "Content-Disposition" not in response
        assert "filter" in response.text.lower()


def test_the_listing_with_a_bad_category_is_refused_not_shown_whole(
    client, entries_manager, two_programmes
):
    client.force_login(entries_manager)
    response = client.get(reverse("forms_entry_modeladmin_index"), {"category": "abc"})
    assert response.status_code == 400
    assert "category" in response.text.lower()


def test_the_filters_and_search_the_listing_offers_still_work(
    client, entries_manager, two_programmes, category
):
    client.force_login(entries_manager)
    mine, _, _ = two_programmes
    for params in (
        {"category": str(category.pk)},
        {"programme": str(category.get_parent().pk)},
        {"status__exact": "draft"},
        {"q": "jo", "o": "0", "p": "1"},
        {},
    ):
        response = client.get(reverse("forms_entry_modeladmin_index"), params)
        assert response.status_code == 200, params
