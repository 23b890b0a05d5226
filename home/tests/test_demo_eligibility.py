"""The demo shows the eligibility check on an open category and a conditional section."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards.models import CategoryPage
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


def test_the_open_partnership_category_asks_who_may_enter(client, demo):
    category = CategoryPage.objects.get(slug="private-sector-partnership-award")
    recovery = CategoryPage.objects.get(slug="performance-recovery-award")
    assert category.entry_state.accepts_entries
    assert [q.label for q in category.eligibility_questions()] == [
        "Which best describes the organisation entering?",
        "Do you work in partnership with an NHS organisation to enable or deliver care "
        "in the community?",
        "Is your evidence from the past two years, up to the awards deadline?",
    ]
    assert category.eligibility_refusal().link_url == recovery.url

    client.force_login(build_user())
    response = client.post(
        reverse("eligibility_check", args=[category.pk]),
        {"eligibility-1": "An NHS organisation", "eligibility-2": "Yes", "eligibility-3": "Yes"},
    )
    assert "This award is open to private sector organisations" in response.content.decode()
    assert f'href="{recovery.url}"' in response.content.decode()


def test_the_performance_recovery_form_asks_about_partners_only_of_those_who_had_some(demo):
    form = CategoryPage.objects.get(slug="performance-recovery-award").entry_form
    conditional = [s for s in form.definition.sections if s.show_when]
    assert [(s.heading, s.show_when.key, s.show_when.values) for s in conditional] == [
        ("Your partners", "worked_with_partners", ("yes",))
    ]
    assert form.definition.hidden_keys({"worked_with_partners": "no"}) == {
        "partner_organisations",
        "partner_contributions",
    }
    assert form.definition.hidden_keys({"worked_with_partners": "yes"}) == set()
