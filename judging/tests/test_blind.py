"""Blind judging's plain functions: what is withheld from an answer, and files' names."""

from forms.definitions import Question
from judging.blind import (
    HIDDEN,
    Identity,
    file_name,
    hides_question,
    withhold,
    withholding_pattern,
)

ADA = Identity(
    names=("Ada Lovelace", "Priya Shah"),
    organisations=("The Northshire NHS Foundation Trust", "St Mary's Hospice Ltd"),
    emails=("ada.lovelace@northshire.example.org", "priya@gmail.com"),
)


def blind(text: str, identity: Identity = ADA) -> str:
    return withhold(text, withholding_pattern(identity))


def test_full_names_are_withheld_whatever_their_case_and_spacing():
    assert blind("Led by Ada Lovelace and ADA  LOVELACE's deputy, priya shah.") == (
        "Led by [withheld] and [withheld]'s deputy, [withheld]."
    )


def test_a_first_name_alone_or_inside_another_word_is_left():
    assert blind("Ada said the Adalovelace prize") == "Ada said the Adalovelace prize"


def test_an_organisation_is_withheld_as_written_and_as_people_shorten_it():
    assert blind("We are The Northshire NHS Foundation Trust.") == "We are [withheld]."
    assert blind("At Northshire NHS Trust we") == "At [withheld] we"
    assert blind("northshire's patients") == "[withheld]'s patients"
    assert blind("the Northshire Trust and St Marys Hospice") == "[withheld] and [withheld]"
    assert blind("St Mary’s hospice staff") == "[withheld] staff"


def test_words_that_only_say_what_kind_of_body_it_is_are_left_when_alone():
    assert blind("Every NHS Foundation Trust in the region") == (
        "Every NHS Foundation Trust in the region"
    )


def test_a_name_of_two_letters_matches_only_as_written():
    pattern = withholding_pattern(Identity(organisations=("AB Care Ltd",)))
    assert withhold("AB Care Ltd and AB", pattern) == "[withheld] and AB"


def test_email_addresses_and_the_organisations_own_domain_are_withheld():
    assert blind("Write to Ada.Lovelace@northshire.example.org or priya@gmail.com") == (
        "Write to [withheld] or [withheld]"
    )
    assert blind("See www.northshire.example.org/report or team@northshire.example.org") == (
        "See [withheld]/report or [withheld]"
    )
    # a webmail domain says nothing about who entered
    assert blind("someone@gmail.com") == "someone@gmail.com"


def test_nothing_to_withhold_leaves_the_text_alone():
    assert withholding_pattern(Identity()) is None
    assert blind("Ada Lovelace", Identity()) == "Ada Lovelace"
    assert blind("", ADA) == ""


def test_contact_and_organisation_questions_are_hidden_whole():
    assert hides_question(Question(key="contact_email", type="email", label="Email"))
    assert hides_question(Question(key="website", type="url", label="Website"))
    assert hides_question(Question(key="organisation_name", type="short_text", label="Org"))
    assert hides_question(Question(key="partner_organisation", type="short_text", label="P"))
    assert not hides_question(Question(key="context", type="long_text", label="Context"))
    assert HIDDEN == "Hidden for blind judging"


def test_a_files_name_becomes_the_reference_the_question_and_a_number_keeping_its_type():
    assert file_name("PRA-2026-0042", "Supporting document", 1, "Northshire plan.PDF") == (
        "PRA-2026-0042 – Supporting document – file 1.pdf"
    )
    assert file_name("PRA-2026-0042", "Evidence/data", 2, "no extension") == (
        "PRA-2026-0042 – Evidence data – file 2"
    )
    assert file_name("PRA-2026-0042", "Evidence", 1, "x.tar.exe;rm -rf") == (
        "PRA-2026-0042 – Evidence – file 1"
    )
