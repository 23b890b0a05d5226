"""Organisers create and change panels in the admin; the form refuses a category without
criteria or one already on another panel, showing why and keeping what was typed."""

import pytest
from django.urls import reverse

from judging.models import AssignmentMode, Panel

from .builders import build_panel
from .panel_helpers import entries_manager, sibling_category


@pytest.fixture
def manager_client(client, db):
    client.force_login(entries_manager())
    return client


def panel_data(*categories, **fields):
    data = {
        "name": "Recovery judges",
        "categories": [c.pk for c in categories],
        "assignment": AssignmentMode.SHARED,
        "judges_per_entry": "2",
        "blind": "on",
    }
    data.update(fields)
    return data


def test_the_panel_list_shows_each_panel_with_its_categories(manager_client, judged_category):
    build_panel([judged_category], name="Recovery judges")
    response = manager_client.get(reverse("judging_panels:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recovery judges" in html and "Performance Recovery Award" in html
    assert reverse("judging_panels:dashboard", args=[Panel.objects.get().pk]) in html


def test_an_organiser_creates_a_panel_and_lands_on_its_page(manager_client, judged_category):
    response = manager_client.post(reverse("judging_panels:add"), panel_data(judged_category))
    panel = Panel.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("judging_panels:dashboard", args=[panel.pk])
    assert list(panel.categories.all()) == [judged_category.page_ptr]
    assert panel.blind and panel.judges_per_entry == 2
    assert panel.assignment == AssignmentMode.SHARED
    assert panel.created_by.email == "manager@example.org"


def test_the_form_lists_judged_categories_with_their_programme(manager_client, judged_category):
    response = manager_client.get(reverse("judging_panels:add"))
    programme = judged_category.get_parent().title
    assert f"Performance Recovery Award ({programme})" in response.content.decode()


def test_a_category_without_criteria_is_refused_with_what_was_typed_kept(
    manager_client, judged_category
):
    bare = sibling_category(judged_category, "Digital Award", criteria=False)
    response = manager_client.post(
        reverse("judging_panels:add"), panel_data(judged_category, bare, name="Typed name")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Digital Award has no criteria sections to score against. "
        "Add criteria on the category page first."
    ) in html
    assert 'value="Typed name"' in html
    assert not Panel.objects.exists()


def test_a_category_already_on_another_panel_is_refused(manager_client, judged_category):
    build_panel([judged_category], name="First panel")
    response = manager_client.post(
        reverse("judging_panels:add"), panel_data(judged_category, name="Second panel")
    )
    assert response.status_code == 400
    assert "Performance Recovery Award is already judged by the panel “First panel”" in (
        response.content.decode()
    )
    assert Panel.objects.count() == 1


def test_a_panel_keeps_its_own_category_when_edited(manager_client, judged_category):
    panel = build_panel([judged_category], name="First panel")
    response = manager_client.post(
        reverse("judging_panels:edit", args=[panel.pk]),
        panel_data(judged_category, name="Renamed panel"),
    )
    assert response.status_code == 302
    panel.refresh_from_db()
    assert panel.name == "Renamed panel"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Each entry needs at least 1 judge: enter a number from 1 to 20"),
        ("-1", "Each entry needs at least 1 judge: enter a number from 1 to 20"),
        ("21", "Enter at most 20 judges per entry"),
        ("three", "Enter how many judges score each entry as a whole number, from 1 to 20"),
    ],
)
def test_judges_per_entry_must_be_from_1_to_20(manager_client, judged_category, value, message):
    response = manager_client.post(
        reverse("judging_panels:add"), panel_data(judged_category, judges_per_entry=value)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Panel.objects.exists()


def test_no_category_is_refused(manager_client, judged_category):
    response = manager_client.post(reverse("judging_panels:add"), panel_data())
    assert response.status_code == 400
    assert "Choose at least one category for the panel to judge" in response.content.decode()


def test_a_panel_with_score_sheets_is_not_deleted(manager_client, judged_category):
    from judging.assignment import assign
    from judging.models import Assignment, ScoreSheet

    from .builders import build_judge, build_submitted_entry

    build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [build_judge()])
    assign(panel)
    ScoreSheet.objects.create(assignment=Assignment.objects.get())
    response = manager_client.post(reverse("judging_panels:delete", args=[panel.pk]))
    assert response.status_code == 302
    assert Panel.objects.filter(pk=panel.pk).exists()
    page = manager_client.get(response["Location"]).content.decode()
    assert "has score sheets, so it cannot be deleted" in page
