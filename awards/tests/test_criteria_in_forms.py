"""Criteria are written once, on the category page, and the entry form shows them (issue #14).

A form section names the criteria it answers; the entrant reads the
category's own text for them above the section's questions. Editing the
criteria on the category page changes both at once; a form shared by two
categories shows each its own; a section whose criteria the category lacks
shows its own guidance.
"""

import pytest

from awards.tests.builders import build_category, build_programme
from awards.tests.reading import text, visit
from forms import services
from forms.tests.builders import build_entry_form, build_user, question

pytestmark = pytest.mark.django_db


def criteria(*sections):
    return [
        ("section", {"heading": heading, "text": "", "points": list(points)})
        for heading, points in sections
    ]


def form_section(heading, criterion="", guidance=""):
    return (
        "section",
        {
            "heading": heading,
            "criterion": criterion,
            "guidance": guidance,
            "questions": [question("long_text", heading.lower().replace(" ", "_"), max_words=50)],
        },
    )


@pytest.fixture
def shared_form():
    form = build_entry_form(
        [
            form_section("Delivery", criterion="Delivery", guidance="<p>Form's own words</p>"),
            form_section("Impact", criterion="impact ", guidance="<p>Impact fallback</p>"),
            form_section("About you", guidance="<p>Tell us who you are.</p>"),
        ],
        title="Shared form",
    )
    form.save_revision().publish()
    return form


@pytest.fixture
def programme(home_page):
    return build_programme(home_page)


@pytest.fixture
def entrant():
    return build_user()


def guidance_by_section(client, page) -> dict[str, str]:
    """What the entrant reads above each section's questions, by the section's heading."""
    shown = {}
    for section in visit(client, page).select("form.entry-form section.form-section"):
        guidance = section.select_one(".form-section__guidance")
        shown[text(section.find("h3"))] = text(guidance) if guidance else ""
    return shown


def criteria_on_page(client, page) -> dict[str, str]:
    """The category's criteria sections as the page shows them, by heading."""
    return {
        text(block.find("h3")): " ".join(text(li) for li in block.find_all("li"))
        for block in visit(client, page).select(".criteria .criteria-section")
    }


def start(client, entrant, category):
    client.force_login(entrant)
    services.start_entry(user=entrant, page=category)
    return client


def test_a_criterion_edited_on_the_category_page_shows_at_once_in_the_form(
    client, programme, shared_form, entrant
):
    category = build_category(
        programme,
        entry_form=shared_form,
        criteria=criteria(("Delivery", ["How is the vision being achieved?"]), ("Impact", [])),
    )
    start(client, entrant, category)

    shown = guidance_by_section(client, category)
    assert shown["Delivery"] == (
        "This section is judged on these criteria: How is the vision being achieved?"
    )
    assert "Form's own words" not in shown["Delivery"]

    draft = category.get_latest_revision_as_object()
    draft.criteria = criteria(
        ("Delivery", ["Evidence the improvements so far."]), ("Impact", ["Who benefited?"])
    )
    draft.save_revision().publish()

    shown = guidance_by_section(client, category)
    assert shown["Delivery"] == (
        "This section is judged on these criteria: Evidence the improvements so far."
    )
    # "impact " on the form is the category's "Impact": case and spacing do not matter.
    assert shown["Impact"] == "This section is judged on these criteria: Who benefited?"
    # The page's own criteria say the same, from the same place.
    assert criteria_on_page(client, category) == {
        "Delivery": "Evidence the improvements so far.",
        "Impact": "Who benefited?",
    }


def test_a_form_shared_by_two_categories_shows_each_ones_criteria(
    client, programme, shared_form, entrant
):
    recovery = build_category(
        programme,
        title="Performance Recovery Award",
        entry_form=shared_form,
        criteria=criteria(("Delivery", ["Restore services to their baseline."])),
    )
    digital = build_category(
        programme,
        title="Digital Innovation Award",
        reference_code="DIA",
        entry_form=shared_form,
        criteria=criteria(("Delivery", ["Show the digital tools in daily use."])),
    )
    start(client, entrant, recovery)
    start(client, entrant, digital)

    assert guidance_by_section(client, recovery)["Delivery"].endswith(
        "Restore services to their baseline."
    )
    assert guidance_by_section(client, digital)["Delivery"].endswith(
        "Show the digital tools in daily use."
    )


def test_a_section_falls_back_to_its_own_guidance(client, programme, shared_form, entrant):
    category = build_category(
        programme,
        entry_form=shared_form,
        criteria=criteria(("Delivery", ["Restore services."]), ("Impact", [])),
    )
    start(client, entrant, category)

    shown = guidance_by_section(client, category)
    # Named, but the category's "Impact" has no text yet; and named nothing at all.
    assert shown["Impact"] == "Impact fallback"
    assert shown["About you"] == "Tell us who you are."


def test_the_demo_form_has_no_guidance_of_its_own_for_its_criteria(client, entrant):
    from awards.models import CategoryPage
    from awards.tests.builders import load_demo_site

    load_demo_site()
    category = CategoryPage.objects.get(slug="performance-recovery-award")
    form = category.entry_form
    criteria_sections = [s for s in form.definition.sections if s.criterion]
    assert [s.criterion for s in criteria_sections] == [
        block.value["heading"] for block in category.criteria
    ]
    assert all(s.guidance == "" for s in criteria_sections)

    start(client, entrant, category)
    shown = guidance_by_section(client, category)
    assert shown["Delivery"].startswith(
        "This section is judged on these criteria: How is the vision being achieved?"
    )
