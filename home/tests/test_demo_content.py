"""load_demo_content builds the demo site, and running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Site

from awards.models import (
    CategoryPage,
    Contact,
    GuidancePage,
    KeyDate,
    ProgrammePage,
    SiteSettings,
    Sponsor,
)
from home.demo_data import COMMUNITY_PARTNERSHIP, PERFORMANCE_RECOVERY
from home.models import HomePage

pytestmark = pytest.mark.django_db


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Page, CategoryPage, ProgrammePage, GuidancePage, Contact, Sponsor, Image)
    } | {
        "KeyDate": KeyDate.objects.count(),
        "default contacts": SiteSettings.objects.get().default_contacts.count(),
    }


def test_demo_content_builds_the_tree_from_the_home_page_down():
    assert "Demo content loaded." in load()

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    programmes = ProgrammePage.objects.child_of(home).live()
    assert {p.title for p in programmes} == {
        "HSJ Awards 2024",
        "HSJ Partnership Awards 2024",
        "Healthcare Awards 2025",  # closed and judged: home/demo_judging.py
    }
    assert {c.title for c in CategoryPage.objects.live()} == {
        PERFORMANCE_RECOVERY["title"],
        COMMUNITY_PARTNERSHIP["title"],
        "Elective Recovery Award",
        "Private Sector Partnership Award",  # open, with an eligibility check
    }
    assert GuidancePage.objects.child_of(home).live().get().title == "How to enter"


def test_demo_categories_are_one_open_and_one_closed():
    load()

    open_category = CategoryPage.objects.get(title=PERFORMANCE_RECOVERY["title"])
    closed_category = CategoryPage.objects.get(title=COMMUNITY_PARTNERSHIP["title"])
    assert open_category.entry_state.accepts_entries
    assert closed_category.entry_state == "closed"
    assert open_category.sponsor.name == "Brightwater Diagnostics"
    assert len(open_category.criteria) == len(PERFORMANCE_RECOVERY["criteria"])


def test_running_the_command_twice_gives_the_same_content():
    load()
    first = counts()
    load()

    assert counts() == first
    assert Page.objects.filter(depth=2).count() == 1  # one site root, no stray welcome page


def test_categories_option_adds_that_many_generated_categories():
    load()
    before = CategoryPage.objects.count()

    load("--categories", "3")
    assert CategoryPage.objects.count() == before + 3
    generated = CategoryPage.objects.filter(slug__startswith="generated-category-").live()
    assert sorted(c.title for c in generated) == [
        "Generated Category 1",
        "Generated Category 2",
        "Generated Category 3",
    ]
    assert all(c.get_parent().slug == "hsj-awards-2024" for c in generated)

    load("--categories", "3")
    assert CategoryPage.objects.count() == before + 3


def test_demo_content_replaces_wagtails_welcome_page(client):
    load()

    response = client.get("/")
    assert response.status_code == 200
    assert b"Welcome to your new Wagtail site" not in response.content
    assert response.context["page"].specific_class is HomePage


def test_the_partnership_category_takes_short_entries_its_partner_confirms():
    load()
    partnership = CategoryPage.objects.get(title=COMMUNITY_PARTNERSHIP["title"])
    assert partnership.partner_confirmation_required
    assert partnership.entry_form.live
    partnership.entry_form.full_clean()  # its keys and limits are valid
    keys = list(partnership.entry_form.definition.questions)
    assert keys == [
        "organisation_name",
        "entry_title",
        "nhs_partner",
        "partnership_story",
        "outcomes",
    ]
    assert partnership.entry_state == "closed"  # as the seed page is, with its programme

    load("--partnership-open")  # what `make run` shows
    partnership = CategoryPage.objects.get(pk=partnership.pk)
    assert partnership.accepts_entries()
    assert ProgrammePage.objects.get(slug="hsj-partnership-awards-2024").entry_state == "closed"

    load()
    assert CategoryPage.objects.get(pk=partnership.pk).entry_state == "closed"
