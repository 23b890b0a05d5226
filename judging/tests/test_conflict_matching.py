"""Organisations compared as people mean them, and email domains that say who
someone works for (not nhs.net or gmail.com)."""

import pytest

from judging.conflicts import Party, email_domain, find_conflict, normalise_organisation


@pytest.mark.parametrize(
    "written, same_as",
    [
        ("The Northshire NHS Foundation Trust", "northshire"),
        ("Northshire NHS Trust", "Northshire"),
        ("ACME Health Ltd.", "Acme Health Limited"),
        ("St. Mary's & Partners", "st marys and partners"),
        ("Café Care CIC", "Cafe Care"),
    ],
)
def test_names_are_compared_without_kind_words_punctuation_or_case(written, same_as):
    assert normalise_organisation(written) == normalise_organisation(same_as)


def test_different_bodies_stay_different():
    assert normalise_organisation("Northshire NHS Trust") != normalise_organisation(
        "Southshire NHS Trust"
    )
    # A name that says only what kind of body it is names nobody in particular.
    assert normalise_organisation("NHS Foundation Trust") == ""


def test_shared_email_domains_never_match():
    assert email_domain("ada@nhs.net") == ""
    assert email_domain("ada@GMAIL.com") == ""
    assert email_domain("ada@northshire.example.org") == "northshire.example.org"


class Judge:
    def __init__(self, organisation, email):
        self.organisation, self.email = organisation, email


def test_a_match_on_any_party_says_which_and_what():
    judge = Judge("Acme Ltd", "judge@acme.example.org")
    parties = [
        Party("the entrant", "Northshire NHS Trust", "ada@nhs.net"),
        Party("the partner", "ACME Limited", "p@elsewhere.example.org"),
    ]
    assert find_conflict(judge, parties) == "Same organisation as the partner: ACME Limited"
    domain_only = [Party("a collaborator", "Other", "colleague@acme.example.org")]
    assert find_conflict(judge, domain_only) == (
        "Same email domain as a collaborator: acme.example.org"
    )
    assert (
        find_conflict(Judge("", "judge@nhs.net"), [Party("the entrant", "", "a@nhs.net")]) is None
    )
