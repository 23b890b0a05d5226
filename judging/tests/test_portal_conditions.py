"""A judge reads what the entrant entered: an answer kept in the draft for a question the
entrant's other answers made irrelevant (forms/conditions.py) is not on the judge's page,
and its file is not served."""

from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_entry_file, build_entry_form, question, section
from judging.assignment import assign

from .builders import build_judge, build_panel, build_submitted_entry, weighted_criteria

PARTNER = {"question": "has_partner", "answers": "Yes"}


def conditional_category(home_page):
    form = build_entry_form(
        [
            section(
                "About you",
                question("yes_no", "has_partner", "Did you work with a partner?"),
                question("long_text", "partnership", "Describe the partnership", show_when=PARTNER),
                question("file", "partner_letter", "Partner's letter", show_when=PARTNER),
            ),
            section("Context", question("long_text", "context", "Describe the context")),
        ],
        title="Conditional form",
    )
    return build_category(build_programme(home_page), entry_form=form, criteria=weighted_criteria())


def test_answers_and_files_that_did_not_apply_are_not_shown_to_judges(client, home_page):
    category = conditional_category(home_page)
    # The entrant first said Yes and wrote about a partner, then changed their mind.
    entry = build_submitted_entry(
        category,
        answers={
            "has_partner": "no",
            "partnership": "KEPT-BUT-NOT-APPLICABLE",
            "context": "We cut waiting lists.",
        },
    )
    letter = build_entry_file(entry, b"%PDF-1.4", key="partner_letter", name="letter.pdf")
    judge = build_judge()
    assign(build_panel([category], [judge]))
    client.force_login(judge)

    page = client.get(reverse("judging:entry", args=[entry.public_id])).content.decode()
    assert "We cut waiting lists." in page
    assert "KEPT-BUT-NOT-APPLICABLE" not in page
    assert "Describe the partnership" not in page
    assert "letter.pdf" not in page
    file_url = reverse("judging:file", args=[entry.public_id, letter.public_id])
    assert client.get(file_url).status_code == 404


def test_the_same_answers_are_shown_when_they_applied(client, home_page):
    category = conditional_category(home_page)
    entry = build_submitted_entry(
        category,
        answers={"has_partner": "yes", "partnership": "With Kestrel.", "context": "Done."},
    )
    letter = build_entry_file(entry, b"%PDF-1.4", key="partner_letter", name="letter.pdf")
    judge = build_judge()
    assign(build_panel([category], [judge]))
    client.force_login(judge)

    page = client.get(reverse("judging:entry", args=[entry.public_id])).content.decode()
    assert "With Kestrel." in page
    assert "letter.pdf" in page
    file_url = reverse("judging:file", args=[entry.public_id, letter.public_id])
    assert client.get(file_url).status_code == 200
