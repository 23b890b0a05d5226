"""Fixtures shared by the awards tests: a programme with a category that asks an
eligibility check (the partnership award) and one that does not (elsewhere)."""

import pytest

from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_entry_form

TYPE = "What type of organisation are you?"
PARTNER = "Do you work in partnership with an NHS organisation?"
REFUSAL = "<p>This award is for private sector organisations working with the NHS.</p>"
QUALIFIES = {"eligibility-1": "Private sector", "eligibility-2": "Yes"}
NHS = {"eligibility-1": "NHS organisation", "eligibility-2": "Yes"}


def eligibility_blocks() -> list:
    return [
        (
            "choice",
            {
                "question": TYPE,
                "help_text": "",
                "choices": ["NHS organisation", "Private sector", "Charity"],
                "qualifying": "Private sector",
            },
        ),
        ("yes_no", {"question": PARTNER, "help_text": "", "qualifying": "Yes"}),
    ]


@pytest.fixture
def programme(home_page):
    return build_programme(home_page)


@pytest.fixture
def elsewhere(programme):
    return build_category(
        programme, title="Provider Collaboration Award", slug="provider-collaboration"
    )


@pytest.fixture
def partnership(programme, elsewhere):
    return build_category(
        programme,
        title="Private Sector Partnership Award",
        slug="partnership",
        reference_code="PSP",
        entry_form=build_entry_form(),
        eligibility_check=eligibility_blocks(),
        not_eligible_message=REFUSAL,
        suggested_category=elsewhere,
    )
