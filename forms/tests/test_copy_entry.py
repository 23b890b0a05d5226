"""Using an entry for another category: a new draft with the answers that fit, and a page
saying what did not carry over and why (forms.copying)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.tests.builders import build_category
from forms import services
from forms.copying import NO_MATCH, fit, label_key
from forms.definitions import Question
from forms.models import AnswerRevision, Collaborator, Entry, EntryEvent, Role
from forms.tests.builders import build_entry_file, build_entry_form, question, section

pytestmark = pytest.mark.django_db


def source_sections():
    return [
        section(
            "About you",
            question("short_text", "organisation_name", "Organisation name"),
            question("email", "contact_email", "Contact email"),
            question("single_choice", "sector", "Sector", choices=["NHS", "Charity"]),
        ),
        section(
            "Your work",
            question("long_text", "context", "Describe the context"),
            question("long_text", "notes", "Anything else", required=False),
            question("file", "evidence", "Supporting document", required=False),
        ),
    ]


def target_sections():
    return [
        section(
            "Applicant",
            question("short_text", "organisation_name", "Name of your organisation"),
            question("number", "contact_email", "Contact email"),  # same key, another type
            question("single_choice", "sector_type", "sector", choices=["NHS", "Private"]),
        ),
        section(
            "The project",
            question("long_text", "background", "  describe THE context! "),
            question("file", "evidence", "Supporting document", required=False),
        ),
    ]


ANSWERS = {
    "organisation_name": "Northshire NHS Trust",
    "contact_email": "team@example.org",
    "sector": "Charity",
    "context": "We halved waiting lists.\n\nIn a year.",
    "notes": "Thanks to everyone.",
}


@pytest.fixture
def source(entrant, category):
    form = build_entry_form(source_sections(), title="Source form")
    category.entry_form = form
    category.save_revision().publish()
    entry = services.start_entry(user=entrant, page=category)
    entry.page = category
    services.save_draft(entry=entry, user=entrant, answers=ANSWERS, base_version=1)
    build_entry_file(entry, b"%PDF-1.4\n", name="plan.pdf")
    return Entry.objects.get(pk=entry.pk)


@pytest.fixture
def other_category(category):
    form = build_entry_form(target_sections(), title="Target form")
    return build_category(
        category.get_parent().specific,
        title="Partnership Award",
        slug="partnership-award",
        reference_code="PA",
        entry_form=form,
    )


def copy_url(entry):
    return reverse("entry_copy", args=[entry.public_id])


def test_my_entries_offers_to_use_an_entry_for_another_category(signed_in, source):
    page = signed_in.get(reverse("my_entries")).content.decode()
    assert copy_url(source) in page
    assert "Use this entry for another category" in page


def test_the_choice_lists_open_categories_but_not_the_entrys_own(
    signed_in, source, other_category, category
):
    response = signed_in.get(copy_url(source))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Partnership Award" in page
    assert f'value="{category.pk}"' not in page


def test_copying_carries_answers_by_key_and_by_label_and_says_what_did_not_fit(
    signed_in, entrant, source, other_category
):
    response = signed_in.post(copy_url(source), {"category": other_category.pk})

    new = Entry.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("entry_copied", args=[new.public_id])
    assert (new.entrant, new.page_id, new.is_draft) == (entrant, other_category.pk, True)
    assert new.answers == {
        "organisation_name": "Northshire NHS Trust",  # by key
        "background": "We halved waiting lists.\n\nIn a year.",  # by label
    }
    assert not new.files.exists()
    assert set(AnswerRevision.objects.filter(entry=new).values_list("key", flat=True)) == {
        "organisation_name",
        "background",
    }
    event = new.events.get(action=EntryEvent.Action.COPIED)
    assert event.details["from"] == source.public_id
    assert event.details["copied_keys"] == ["organisation_name", "context"]
    assert Entry.objects.get(pk=source.pk).answers == ANSWERS  # the original is untouched

    page = signed_in.get(response["Location"]).content.decode()
    assert "2 answers carried over" in page
    assert "as “Name of your organisation”" in page
    assert (
        'Contact email</strong>: <span class="copy-report__why">the answer does not fit: this question takes a number'
        in page
    )
    assert (
        'Sector</strong>: <span class="copy-report__why">the answer does not fit: “Charity” is not one of its options'
        in page
    )
    assert 'Anything else</strong>: <span class="copy-report__why">no matching question' in page
    assert (
        'Supporting document</strong>: <span class="copy-report__why">files are not copied' in page
    )
    assert other_category.url + "#entry" in page


def test_the_entries_limit_of_the_chosen_category_is_kept(
    signed_in, entrant, source, other_category
):
    services.start_entry(user=entrant, page=other_category)

    listing = signed_in.get(copy_url(source)).content.decode()
    response = signed_in.post(copy_url(source), {"category": other_category.pk})

    assert "as many entries to this category as it allows" in listing
    assert "Start the new draft" not in listing  # the only category is full
    assert response.status_code == 409
    assert "already made as many entries to this category" in response.content.decode()
    assert Entry.objects.filter(page_id=other_category.pk).count() == 1


def test_a_closed_category_is_not_offered_and_cannot_be_posted(signed_in, source, other_category):
    other_category.entries_close_at = timezone.now() - timedelta(hours=1)
    other_category.save_revision().publish()

    listing = signed_in.get(copy_url(source)).content.decode()
    response = signed_in.post(copy_url(source), {"category": other_category.pk})

    assert "Partnership Award" not in listing
    assert response.status_code == 400
    assert "not taking entries now" in response.content.decode()
    assert Entry.objects.count() == 1


def test_a_category_that_closes_as_the_copy_starts_is_refused_cleanly(
    entrant, source, other_category
):
    from forms.copying import copy_entry
    from forms.exceptions import EntriesClosed

    with pytest.raises(EntriesClosed):
        copy_entry(
            source=source,
            user=entrant,
            page=other_category,
            now=timezone.now() + timedelta(days=60),
        )
    assert Entry.objects.count() == 1


def test_no_choice_says_so(signed_in, source, other_category):
    response = signed_in.post(copy_url(source), {})
    assert response.status_code == 400
    assert "Choose a category" in response.content.decode()


def test_another_persons_entry_is_a_404(client, source, other_entrant, other_category):
    client.force_login(other_entrant)
    assert client.get(copy_url(source)).status_code == 404
    assert client.post(copy_url(source), {"category": other_category.pk}).status_code == 404
    assert Entry.objects.count() == 1


def test_a_collaborator_may_not_copy_someone_elses_entry(client, source, colleague, other_category):
    Collaborator.objects.create(entry=source, user=colleague, role=Role.SUBMIT)
    client.force_login(colleague)

    response = client.post(copy_url(source), {"category": other_category.pk})

    assert response.status_code == 403
    assert Entry.objects.count() == 1


def test_the_result_page_of_another_persons_draft_is_a_404(
    client, signed_in, source, other_category, other_entrant
):
    response = signed_in.post(copy_url(source), {"category": other_category.pk})
    client.force_login(other_entrant)
    assert client.get(response["Location"]).status_code == 404


@pytest.mark.parametrize(
    ("block_type", "extra", "value", "expected"),
    [
        ("single_choice", {"choices": ("A", "B")}, "A", (True, "A")),
        ("single_choice", {"choices": ("A", "B")}, "C", (False, None)),
        ("multiple_choice", {"choices": ("A", "B")}, "A", (True, ["A"])),
        ("multiple_choice", {"choices": ("A", "B")}, ["A", "C"], (False, None)),
        ("yes_no", {}, "yes", (True, "yes")),
        ("yes_no", {}, "maybe", (False, None)),
        ("number", {}, "1,200", (True, "1,200")),
        ("date", {}, {"day": "1", "month": "4", "year": "2025"}, (True, None)),
        ("date", {}, "1 April", (False, None)),
        ("short_text", {}, "Two\nlines", (False, None)),
        ("long_text", {}, ["A"], (False, None)),
        ("url", {}, "https://example.org", (True, "https://example.org")),
        ("email", {}, "not an email", (False, None)),
    ],
)
def test_only_values_the_new_question_can_hold_fit(block_type, extra, value, expected):
    fits, saved, why = fit(Question(key="q", type=block_type, label="Q", **extra), value)
    assert fits is expected[0]
    if fits and expected[1] is not None:
        assert saved == expected[1]
    assert bool(why) is not fits


def test_labels_match_whatever_their_case_spacing_and_punctuation():
    assert label_key("Describe the context.") == label_key("  describe THE   context! ")
    assert label_key("Co-design & engagement") == label_key("co-design and engagement")
    assert NO_MATCH == "no matching question"
