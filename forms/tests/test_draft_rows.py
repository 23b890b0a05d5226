"""The autosave's write and the entry lookup: what is stored reads back identically through
the ORM, on either database; stale, submitted and other people's entries are refused."""

import datetime

import pytest
from django.utils import timezone

from forms import services
from forms.access import OWNER, find_entry
from forms.draft_rows import write_draft_answers
from forms.models import Entry, EntryStatus

pytestmark = pytest.mark.django_db

ANSWERS = {
    "organisation_name": "Ysbyty Gwynedd — “Ward 7” & partners",
    "context": "Line one\nLine two with <markup> and 'quotes' and emoji \U0001f3e5",
    "areas": ["Acute", "Community"],
    "began": {"day": "1", "month": "4", "year": "2025"},
    "staff": None,
}


def test_a_draft_written_by_hand_reads_back_through_the_orm(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    saved_at = timezone.now().replace(microsecond=123456) + datetime.timedelta(minutes=1)

    assert write_draft_answers(entry.pk, entry.version, ANSWERS, {}, saved_at)

    stored = Entry.objects.get(pk=entry.pk)
    assert stored.answers == ANSWERS
    assert stored.version == entry.version + 1
    assert stored.updated_at == saved_at
    assert stored.status == EntryStatus.DRAFT


def test_a_stale_version_or_a_submitted_entry_is_not_written(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    assert not write_draft_answers(entry.pk, entry.version + 1, ANSWERS, {}, timezone.now())
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.SUBMITTED)
    assert not write_draft_answers(entry.pk, entry.version, ANSWERS, {}, timezone.now())
    assert Entry.objects.get(pk=entry.pk).answers == entry.answers


def test_only_the_owner_finds_an_entry_by_its_public_id(entrant, other_entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    found = find_entry(entrant, entry.public_id)
    assert found is not None and found.pk == entry.pk and found.answers == entry.answers
    assert found.role == OWNER
    assert find_entry(other_entrant, entry.public_id) is None
    assert find_entry(entrant, "no-such-entry") is None
