"""The forms app answers accounts' signals (forms/account_signals.py), connected
once in FormsConfig.ready(): the rules themselves are tested in test_privacy.py."""

import pytest
from django.urls import reverse

from accounts import personal_data
from accounts.models import User
from forms import account_signals
from forms.models import Entry, EntryStatus
from forms.tests.builders import build_entry

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"  # forms.tests.builders.build_user's


def test_the_receivers_are_connected_once_even_if_connected_again(entrant, category):
    build_entry(entrant, category, answers={"organisation_name": "Mine"})

    account_signals.connect()  # a second ready() adds nothing: dispatch_uid

    [entry] = personal_data.export_user_data(user=entrant)["entries"]
    assert entry["status"] == "Draft"
    [notes] = personal_data.deletion_notes(user=entrant)
    assert "your 1 unsubmitted entry is deleted" in notes


def test_deleting_an_account_on_the_page_deals_with_its_entries(
    client, entrant, category, django_capture_on_commit_callbacks
):
    draft = build_entry(entrant, category)
    kept = build_entry(entrant, category, status=EntryStatus.SUBMITTED, reference="REF-1")
    client.force_login(entrant)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=entrant.pk).exists()
    assert not Entry.objects.filter(pk=draft.pk).exists()
    assert Entry.objects.get(pk=kept.pk).entrant is None
