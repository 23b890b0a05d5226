"""A new category in fewer steps (issue #14).

"Add category" offers to start from an existing category: a draft copy with
its criteria, contacts and form link, no dates of its own (the programme's
window applies) and references of its own. From the category, a new form is
drafted from its criteria and chosen in its draft; publishing the form
returns to the category.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from awards.models import CategoryPage
from awards.tests.builders import attach_contacts, build_category, build_programme
from awards.tests.reading import text
from forms.models import EntryForm
from forms.tests.builders import build_entry_form, build_user
from forms.tests.test_question_keys import posted
from home.staff_groups import EDITORS, ensure_staff_groups
from publishing.templatetags.uk_dates import uk_datetime

pytestmark = pytest.mark.django_db

CRITERIA = [
    ("section", {"heading": "Context", "text": "", "points": ["Describe the context."]}),
    ("section", {"heading": "Delivery", "text": "", "points": ["How was it delivered?"]}),
]


@pytest.fixture
def programme(home_page):
    ensure_staff_groups()
    return build_programme(home_page, title="HSJ Awards 2024")


@pytest.fixture
def source(programme):
    form = build_entry_form(title="Recovery form")
    category = build_category(
        programme,
        criteria=CRITERIA,
        entry_form=form,
        entries_close_at=timezone.now() + timedelta(days=3),
        entries_closed=True,
        reference_code="PRA",
        search_description="For teams restoring services.",
    )
    attach_contacts(category, 2)
    category.save_revision().publish()
    return category


@pytest.fixture
def editor(client):
    from django.contrib.auth.models import Group

    user = build_user("editor@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def add_url(programme, **query) -> str:
    url = reverse("wagtailadmin_pages:add", args=("awards", "categorypage", programme.pk))
    return f"{url}?blank=1" if query.get("blank") else url


def start(client, programme, source, title="Digital Innovation Award"):
    return client.post(
        reverse("awards_start_category", args=[programme.pk]),
        {"title": title, "source": source.pk},
    )


def test_the_dashboard_offers_add_category_for_each_programme(client, editor, programme):
    shown = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = shown.select_one("#programmes-section")
    link = panel.select_one("a.button")
    assert text(panel.find("th", scope="row")) == "HSJ Awards 2024"
    assert text(link) == "Add category to HSJ Awards 2024"
    assert link["href"] == add_url(programme)


def test_add_category_offers_to_start_from_an_existing_one_or_a_blank_page(
    client, editor, programme, source
):
    response = client.get(add_url(programme))
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser")
    assert [text(b) for b in shown.select("button[name=source]")] == [
        "Start from Performance Recovery Award"
    ]
    blank = shown.find("a", string=lambda s: s and "blank page" in s)
    assert blank["href"] == add_url(programme, blank=True)
    # The blank page is Wagtail's own editor.
    blank_page = client.get(blank["href"])
    assert blank_page.status_code == 200
    assert b"Start from Performance Recovery Award" not in blank_page.content


def test_starting_from_a_category_makes_a_draft_copy_without_its_dates(
    client, editor, programme, source
):
    response = start(client, programme, source)

    copy = CategoryPage.objects.get(title="Digital Innovation Award")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert copy.get_parent().pk == programme.pk
    assert copy.slug == "digital-innovation-award"
    assert not copy.live
    # What the category shares with its source comes along ...
    assert [b.value["heading"] for b in copy.criteria] == ["Context", "Delivery"]
    assert copy.entry_form_id == source.entry_form_id
    assert copy.contact_links.count() == 2
    # ... and what must be its own starts fresh: the programme's window applies.
    assert (copy.entries_open_at, copy.entries_close_at, copy.entries_closed) == (None, None, False)
    assert copy.deadline == programme.entries_close_at
    assert copy.reference_code == "" and copy.search_description == ""
    source.refresh_from_db()
    assert source.title == "Performance Recovery Award" and source.entries_closed

    edit = client.get(response["Location"]).content.decode()
    assert "starts as a copy of “Performance Recovery Award”" in edit
    # The editor sees which window applies while the dates stay empty.
    assert (
        f"close at {uk_datetime(programme.entries_close_at)} (UK time). Leave this category's "
        "dates empty to use the programme's."
    ) in edit


def test_a_second_copy_with_the_same_title_gets_a_slug_of_its_own(
    client, editor, programme, source
):
    start(client, programme, source)
    start(client, programme, source)
    assert sorted(
        CategoryPage.objects.filter(title="Digital Innovation Award").values_list("slug", flat=True)
    ) == ["digital-innovation-award", "digital-innovation-award-2"]


def test_a_new_category_needs_a_title(client, editor, programme, source):
    response = start(client, programme, source, title="  ")
    assert response.status_code == 400
    assert "Give the new category a title" in response.content.decode()
    assert CategoryPage.objects.count() == 1


def test_someone_who_may_not_add_pages_cannot_start_a_category(client, programme, source):
    client.force_login(build_user("visitor@example.org", is_staff=True))
    assert start(client, programme, source).status_code in (302, 403)
    assert CategoryPage.objects.count() == 1


def test_wagtails_own_copy_also_leaves_the_dates_behind(source, programme):
    copy = source.copy(
        to=programme, update_attrs={"title": "Copy", "slug": "copy"}, keep_live=False
    )
    assert (copy.entries_close_at, copy.entries_closed, copy.reference_code) == (None, False, "")


def test_a_new_form_is_drafted_from_the_categorys_criteria_and_chosen_in_its_draft(
    client, editor, source
):
    url = reverse("awards_new_entry_form", args=[source.pk])
    confirm = BeautifulSoup(client.get(url).content, "html.parser")
    assert [text(li) for li in confirm.select(".nice-padding ul li")] == ["Context", "Delivery"]

    response = client.post(url)

    form = EntryForm.objects.get(title="Performance Recovery Award entry form")
    category_edit = reverse("wagtailadmin_pages:edit", args=[source.pk])
    assert response["Location"] == (
        reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk])
        + "?next="
        + category_edit.replace("/", "%2F")
    )
    assert not form.live
    assert [(s.heading, s.criterion) for s in form.definition.sections] == [
        ("Context", "Context"),
        ("Delivery", "Delivery"),
    ]
    assert [(q.type, q.label, q.max_words) for q in form.definition.questions.values()] == [
        ("long_text", "Context: your answer", 500),
        ("long_text", "Delivery: your answer", 500),
    ]
    source.refresh_from_db()
    assert source.get_latest_revision_as_object().entry_form_id == form.pk
    assert source.entry_form.title == "Recovery form"  # the live category is unchanged
    # The form's preview offers the category, whose draft now uses it.
    assert (f"page-{source.pk}", "With the criteria of “Performance Recovery Award”") in (
        form.preview_modes
    )


def test_publishing_the_new_form_goes_back_to_the_category(client, editor, source):
    client.post(reverse("awards_new_entry_form", args=[source.pk]))
    form = EntryForm.objects.get(title="Performance Recovery Award entry form")
    category_edit = reverse("wagtailadmin_pages:edit", args=[source.pk])
    edit = client.get(
        reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk]), {"next": category_edit}
    )
    action = BeautifulSoup(edit.content, "html.parser").select_one("form[method=post][action]")[
        "action"
    ]
    assert action.endswith("?next=" + category_edit.replace("/", "%2F"))

    data = posted(form.title, list(form.sections.raw_data))
    saved = client.post(action, data)  # "Save draft" stays on the form
    assert saved["Location"] == reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk])
    published = client.post(action, {**data, "action-publish": "action-publish"})
    assert published["Location"] == category_edit
    form.refresh_from_db()
    assert form.live
    assert [s.criterion for s in form.definition.sections] == ["Context", "Delivery"]


def test_a_next_address_off_the_site_is_ignored(client, editor, source):
    form = build_entry_form(title="Another form")
    url = reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk])
    data = posted(form.title, list(form.sections.raw_data), **{"action-publish": "1"})
    response = client.post(f"{url}?next=https://evil.example.com/", data)
    assert response["Location"] == reverse("wagtailsnippets_forms_entryform:list")


def test_the_category_editor_says_which_criteria_its_form_cannot_find(client, editor, programme):
    form = build_entry_form(
        [
            (
                "section",
                {
                    "heading": "Impact",
                    "criterion": "Impact",
                    "guidance": "",
                    "questions": [("long_text", {"key": "impact", "label": "Impact"})],
                },
            )
        ]
    )
    category = build_category(programme, criteria=CRITERIA, entry_form=form)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[category.pk])).content.decode()
    assert "The form names criteria this category does not have:</strong> “Impact”" in edit
    assert "Build a new entry form from these criteria" in edit
