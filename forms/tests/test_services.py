"""The entry rules, called directly: what the database holds after each."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forms import services
from forms.exceptions import (
    EmailNotVerified,
    EntriesClosed,
    EntryLimitReached,
    EntryNotEditable,
    IncompleteEntry,
    NotOwner,
    StaleDraft,
)
from forms.models import Entry, EntryStatus
from forms.tests.builders import build_user, complete_answers


def test_start_entry_creates_a_draft_owned_by_the_entrant(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    assert entry.status == EntryStatus.DRAFT
    assert entry.entrant == entrant
    assert entry.form == category.entry_form
    assert entry.version == 1
    assert len(entry.public_id) >= 20


def test_start_entry_respects_the_entries_per_account_limit(entrant, category):
    services.start_entry(user=entrant, page=category)
    with pytest.raises(EntryLimitReached):
        services.start_entry(user=entrant, page=category)
    category.entries_per_account = 2
    category.save()
    services.start_entry(user=entrant, page=category)
    assert Entry.objects.filter(entrant=entrant).count() == 2


def test_start_entry_is_refused_when_closed(entrant, category):
    category.entries_closed = True
    category.save()
    with pytest.raises(EntriesClosed):
        services.start_entry(user=entrant, page=category)
    assert not Entry.objects.exists()


def test_save_keeps_whatever_is_missing_and_what_was_typed(draft, entrant):
    services.save_draft(
        entry=draft, user=entrant, answers={"organisation_name": "  Half typed"}, base_version=1
    )
    draft.refresh_from_db()
    assert draft.answers == {"organisation_name": "  Half typed"}
    assert draft.version == 2


def test_save_merges_and_keeps_answers_not_posted(draft, entrant):
    services.save_draft(entry=draft, user=entrant, answers={"context": "First"}, base_version=1)
    draft.refresh_from_db()
    services.save_draft(
        entry=draft, user=entrant, answers={"organisation_name": "Org"}, base_version=2
    )
    draft.refresh_from_db()
    assert draft.answers == {"context": "First", "organisation_name": "Org"}


def test_stale_save_is_refused_and_the_newer_draft_is_intact(draft, entrant):
    tab_one = Entry.objects.get(pk=draft.pk)
    tab_two = Entry.objects.get(pk=draft.pk)
    services.save_draft(entry=tab_one, user=entrant, answers={"context": "Newer"}, base_version=1)
    with pytest.raises(StaleDraft) as refused:
        services.save_draft(
            entry=tab_two, user=entrant, answers={"context": "Older"}, base_version=1
        )
    assert refused.value.current.answers == {"context": "Newer"}
    draft.refresh_from_db()
    assert draft.answers == {"context": "Newer"}
    assert draft.version == 2


def test_another_user_cannot_save_or_submit(draft, other_entrant):
    with pytest.raises(NotOwner):
        services.save_draft(
            entry=draft, user=other_entrant, answers={"context": "x"}, base_version=1
        )
    with pytest.raises(NotOwner):
        services.submit_entry(entry=draft, user=other_entrant, base_version=1)
    draft.refresh_from_db()
    assert draft.answers == {}


def test_save_after_the_deadline_is_refused_and_the_draft_unchanged(draft, entrant, category):
    services.save_draft(entry=draft, user=entrant, answers={"context": "Before"}, base_version=1)
    draft.refresh_from_db()
    after = category.deadline + timedelta(seconds=1)
    with pytest.raises(EntriesClosed):
        services.save_draft(
            entry=draft, user=entrant, answers={"context": "After"}, base_version=2, now=after
        )
    with pytest.raises(EntriesClosed):
        services.submit_entry(entry=draft, user=entrant, base_version=2, now=after)
    draft.refresh_from_db()
    assert draft.answers == {"context": "Before"}
    assert draft.status == EntryStatus.DRAFT


def test_save_at_the_closing_instant_is_refused(draft, entrant, category):
    with pytest.raises(EntriesClosed):
        services.save_draft(
            entry=draft,
            user=entrant,
            answers={"context": "x"},
            base_version=1,
            now=category.deadline,
        )
    just_before = category.deadline - timedelta(microseconds=1)
    services.save_draft(
        entry=draft, user=entrant, answers={"context": "x"}, base_version=1, now=just_before
    )


def test_a_deadline_extension_lets_one_entry_save_after_closing(draft, entrant, category):
    after = category.deadline + timedelta(hours=1)
    draft.extended_until = category.deadline + timedelta(days=2)
    draft.save()
    services.save_draft(
        entry=draft, user=entrant, answers={"context": "Late"}, base_version=1, now=after
    )
    draft.refresh_from_db()
    assert draft.answers == {"context": "Late"}


def test_submit_with_missing_required_answers_is_refused_with_the_list(draft, entrant):
    services.save_draft(
        entry=draft, user=entrant, answers={"organisation_name": "Org"}, base_version=1
    )
    draft.refresh_from_db()
    with pytest.raises(IncompleteEntry) as refused:
        services.submit_entry(entry=draft, user=entrant, base_version=2)
    messages = [p.message for p in refused.value.problems]
    assert messages == [
        "Enter an answer for “Contact email”",
        "Enter an answer for “Describe the context”",
    ]
    draft.refresh_from_db()
    assert draft.status == EntryStatus.DRAFT and draft.reference is None


def test_an_over_limit_answer_saves_but_cannot_be_submitted(draft, entrant):
    answers = {**complete_answers(), "context": "word " * 25}
    services.save_draft(entry=draft, user=entrant, answers=answers, base_version=1)
    draft.refresh_from_db()
    assert draft.answers["context"] == "word " * 25
    with pytest.raises(IncompleteEntry) as refused:
        services.submit_entry(entry=draft, user=entrant, base_version=2)
    assert [p.message for p in refused.value.problems] == [
        "“Describe the context” must be 20 words or fewer (it has 25)"
    ]


def test_submit_needs_a_verified_email(category, django_capture_on_commit_callbacks):
    unverified = build_user("new@example.org", verified=False)
    entry = services.start_entry(user=unverified, page=category)
    services.save_draft(entry=entry, user=unverified, answers=complete_answers(), base_version=1)
    entry.refresh_from_db()
    with pytest.raises(EmailNotVerified):
        services.submit_entry(entry=entry, user=unverified, base_version=2)


def test_submit_sets_status_reference_snapshot_and_sends_one_email(
    draft, entrant, category, django_capture_on_commit_callbacks
):
    services.save_draft(entry=draft, user=entrant, answers=complete_answers(), base_version=1)
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        submitted = services.submit_entry(entry=draft, user=entrant, base_version=2)
    year = category.deadline.astimezone(timezone.get_current_timezone()).year
    assert submitted.status == EntryStatus.SUBMITTED
    assert submitted.reference == f"PRA-{year}-0001"
    assert submitted.submitted_at is not None
    assert [q["key"] for s in submitted.question_snapshot for q in s["questions"]] == [
        "organisation_name",
        "contact_email",
        "context",
        "notes",
        "evidence",
    ]
    assert len(mail.outbox) == 1
    assert submitted.reference in mail.outbox[0].subject
    assert submitted.reference in mail.outbox[0].body
    assert mail.outbox[0].to == [entrant.email]
    html = mail.outbox[0].alternatives[0]
    assert submitted.reference in html[0] and html[1] == "text/html"


def test_a_second_submit_changes_nothing_and_sends_nothing(
    draft, entrant, django_capture_on_commit_callbacks
):
    services.save_draft(entry=draft, user=entrant, answers=complete_answers(), base_version=1)
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.submit_entry(entry=draft, user=entrant, base_version=2)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(EntryNotEditable):
        services.submit_entry(entry=draft, user=entrant, base_version=2)
    assert Entry.objects.get(pk=draft.pk).reference == first.reference
    assert len(mail.outbox) == 1


def test_references_count_up_per_category_and_year(category, django_capture_on_commit_callbacks):
    references = []
    for n in range(3):
        user = build_user(f"entrant{n}@example.org")
        entry = services.start_entry(user=user, page=category)
        services.save_draft(entry=entry, user=user, answers=complete_answers(), base_version=1)
        entry.refresh_from_db()
        references.append(services.submit_entry(entry=entry, user=user, base_version=2).reference)
    assert [r[-4:] for r in references] == ["0001", "0002", "0003"]


def test_a_submitted_entry_cannot_be_saved(draft, entrant):
    services.save_draft(entry=draft, user=entrant, answers=complete_answers(), base_version=1)
    draft.refresh_from_db()
    services.submit_entry(entry=draft, user=entrant, base_version=2)
    draft.refresh_from_db()
    with pytest.raises(EntryNotEditable):
        services.save_draft(
            entry=draft, user=entrant, answers={"context": "x"}, base_version=draft.version
        )
