"""Entrants' personal data: download it all, delete the account, and drafts of
closed categories purged after DRAFT_RETENTION_DAYS (forms.privacy)."""

import csv
import io
import json
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import personal_data
from accounts.models import User
from awards.tests.builders import build_category, build_programme
from forms import privacy, services, staff_actions
from forms.models import Entry, EntryEvent, EntryFile, EntryStatus
from forms.models.entries import ACCOUNT_DELETED
from forms.tests.builders import build_entry, complete_answers

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"  # forms.tests.builders.build_user's
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attach_file(entry: Entry, name: str = "evidence.pdf") -> EntryFile:
    return EntryFile.objects.create(
        entry=entry,
        question_key="evidence",
        file=ContentFile(PDF, name="upload.pdf"),
        original_name=name,
        content_type="application/pdf",
        size=len(PDF),
    )


def stored(upload: EntryFile) -> bool:
    return storages["private"].exists(upload.file.name)


@pytest.fixture
def submitted(category, entrant):
    """A submitted entry of ``entrant``'s, with a file."""
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    attach_file(entry, "case-study.pdf")
    return services.submit_entry(entry=entry, user=entrant, base_version=2)


@pytest.fixture
def draft(home_page, entry_form, entrant):
    """A draft of ``entrant``'s in another category, with a file."""
    other = build_category(
        build_programme(home_page, title="Other Awards"), entry_form=entry_form, title="Other"
    )
    entry = build_entry(entrant, other, answers={"organisation_name": "Half done"})
    attach_file(entry, "draft.pdf")
    return entry


@pytest.fixture
def someone_elses(category, other_entrant):
    entry = build_entry(other_entrant, category, answers={"organisation_name": "Not yours"})
    attach_file(entry, "theirs.pdf")
    return entry


# Download.


def test_the_export_holds_the_account_and_every_entry(entrant, submitted, draft):
    data = personal_data.export_user_data(user=entrant)

    account = data["account"]
    assert account["email"] == "entrant@example.org"
    assert (account["first_name"], account["last_name"]) == ("Ada", "Entrant")
    assert account["organisation"] == "Northshire NHS Trust"
    assert account["email_addresses"] == [
        {"email": "entrant@example.org", "verified": True, "primary": True}
    ]
    assert account["joined_at"]
    first, second = data["entries"]
    assert first["category"] == "Performance Recovery Award"
    assert first["status"] == "Submitted"
    assert first["reference"] == submitted.reference
    assert first["submitted_at"] and first["started_at"] and first["last_saved_at"]
    assert {
        "question_key": "context",
        "question": "Describe the context",
        "answer": complete_answers()["context"],
    } in first["answers"]
    assert [f["name"] for f in first["files"]] == ["case-study.pdf"]
    assert [h["event"] for h in first["history"]] == ["Started", "Submitted"]
    assert second["category"] == "Other"
    assert second["status"] == "Draft"
    assert second["reference"] is None
    assert [f["name"] for f in second["files"]] == ["draft.pdf"]
    json.dumps(data)  # ready to serialise as it is


def test_the_export_never_holds_other_peoples_data(
    entrant, submitted, someone_elses, entries_manager
):
    staff_actions.reopen_entry(entry=submitted, by=entries_manager, reason="Fix the typo")

    text = json.dumps(personal_data.export_user_data(user=entrant))

    assert "Not yours" not in text
    assert "theirs.pdf" not in text
    assert "someone.else@example.org" not in text
    assert "manager@example.org" not in text  # who reopened it is staff's data
    assert "Reopened" in text


def test_an_answer_to_a_removed_question_is_kept_and_labelled(entrant, category):
    entry = build_entry(entrant, category, answers={"old_question": "Still mine"})

    [data] = personal_data.export_user_data(user=entrant)["entries"]

    assert data["answers"] == [
        {"question_key": "old_question", "question": "(question removed)", "answer": "Still mine"}
    ]
    assert entry.pk  # untouched


def test_my_data_downloads_as_a_json_attachment(client, entrant, submitted, someone_elses):
    client.force_login(entrant)

    response = client.get(reverse("account_my_data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "entrant@example.org"
    assert [e["reference"] for e in data["entries"]] == [submitted.reference]
    assert "Not yours" not in response.text


def test_my_data_needs_a_signed_in_entrant(client):
    response = client.get(reverse("account_my_data"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_account_page_links_to_the_download_and_to_deletion(client, entrant):
    client.force_login(entrant)

    response = client.get(reverse("account_profile"))

    assert f'href="{reverse("account_my_data")}" download>Download your data' in response.text
    assert f'href="{reverse("account_delete")}">delete your account</a>' in response.text


# Deleting an account.


def test_deleting_an_account_deletes_drafts_and_their_files(
    entrant, draft, django_capture_on_commit_callbacks
):
    upload = draft.files.get()
    assert stored(upload)

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    assert not User.objects.filter(email="entrant@example.org").exists()
    assert not EmailAddress.objects.filter(email="entrant@example.org").exists()
    assert not Entry.objects.filter(pk=draft.pk).exists()
    assert not EntryFile.objects.filter(pk=upload.pk).exists()
    assert not stored(upload)


def test_submitted_entries_are_kept_for_the_record_without_the_entrant(
    entrant, submitted, django_capture_on_commit_callbacks
):
    upload = submitted.files.get()

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    entry = Entry.objects.get(pk=submitted.pk)
    assert entry.entrant is None
    assert entry.entrant_name == ACCOUNT_DELETED
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.reference == submitted.reference
    # The entry itself is kept; the contact address (an email question) is not.
    expected = {k: v for k, v in complete_answers().items() if k != "contact_email"}
    assert entry.answers == expected
    assert "team@example.org" not in json.dumps(entry.answers)
    assert entry.files.get() == upload and stored(upload)
    assert list(entry.events.values_list("action", flat=True)) == ["started", "submitted"]


@override_settings(SUBMITTED_ENTRY_RETENTION="delete")
def test_with_retention_delete_submitted_entries_go_too(
    entrant, submitted, draft, django_capture_on_commit_callbacks
):
    uploads = [submitted.files.get(), draft.files.get()]

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    assert not Entry.objects.exists()
    assert not EntryEvent.objects.exists()
    assert not any(stored(u) for u in uploads)


def test_a_reopened_entry_counts_as_submitted(
    entrant, submitted, entries_manager, django_capture_on_commit_callbacks
):
    staff_actions.reopen_entry(entry=submitted, by=entries_manager, reason="Add the figures")

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    entry = Entry.objects.get(pk=submitted.pk)
    assert entry.entrant is None and entry.reference == submitted.reference


def test_other_peoples_entries_and_files_are_untouched(
    entrant, draft, submitted, someone_elses, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    theirs = Entry.objects.get(pk=someone_elses.pk)
    assert theirs.entrant.email == "someone.else@example.org"
    assert stored(theirs.files.get())


def test_staff_history_lines_stay_without_the_deleted_persons_name(
    entrant, submitted, entries_manager, django_capture_on_commit_callbacks
):
    staff_actions.withdraw_entry(entry=submitted, by=entries_manager, reason="Duplicate")

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entries_manager)

    event = submitted.events.get(action=EntryEvent.Action.WITHDRAWN)
    assert event.actor is None and event.reason == "Duplicate"


def test_a_failed_deletion_keeps_every_file(entrant, draft, monkeypatch):
    upload = draft.files.get()

    def refuse(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(User, "delete", refuse)
    with pytest.raises(RuntimeError):
        personal_data.delete_account(user=entrant)

    assert Entry.objects.filter(pk=draft.pk).exists()
    assert stored(upload)


def test_an_unknown_retention_setting_is_refused(entrant):
    with override_settings(SUBMITTED_ENTRY_RETENTION="keep-forever"):
        with pytest.raises(ValueError):
            personal_data.delete_account(user=entrant)
    assert User.objects.filter(pk=entrant.pk).exists()


def test_the_settings_refuse_an_unknown_retention_value(monkeypatch):
    import importlib

    import site_config.settings.base as base

    monkeypatch.setenv("DJANGO_SUBMITTED_ENTRY_RETENTION", "forever")
    try:
        with pytest.raises(ImproperlyConfigured):
            importlib.reload(base)
    finally:
        monkeypatch.delenv("DJANGO_SUBMITTED_ENTRY_RETENTION")
        importlib.reload(base)


# The delete-account page.


def test_the_page_says_what_will_happen_and_asks_for_the_password(
    client, entrant, submitted, draft
):
    client.force_login(entrant)

    response = client.get(reverse("account_delete"))

    assert response.status_code == 200
    assert "<title>Delete your account | " in response.text
    assert "your 1 unsubmitted entry is deleted, with its files" in response.text
    assert "your 1 submitted entry is kept for the awards record" in response.text
    assert '<label class="label" for="id_password">Your password</label>' in response.text
    assert 'autocomplete="current-password"' in response.text
    assert "Delete my account</button>" in response.text
    assert f'href="{reverse("account_my_data")}"' in response.text


@override_settings(SUBMITTED_ENTRY_RETENTION="delete")
def test_with_retention_delete_the_page_says_submitted_entries_go_too(client, entrant, submitted):
    client.force_login(entrant)

    response = client.get(reverse("account_delete"))

    assert "your 1 submitted entry is deleted too" in response.text


def test_a_wrong_password_deletes_nothing(client, entrant, draft):
    client.force_login(entrant)

    response = client.post(reverse("account_delete"), {"password": "not-my-password"})

    assert response.status_code == 400
    assert '<a href="#id_password">Your password is not correct.</a>' in response.text
    assert User.objects.filter(pk=entrant.pk).exists()
    assert Entry.objects.filter(pk=draft.pk).exists()


def test_the_right_password_deletes_the_account_and_signs_out(
    client, entrant, draft, submitted, django_capture_on_commit_callbacks
):
    client.force_login(entrant)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_delete"), {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert "Your account has been deleted." in response.text
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(pk=entrant.pk).exists()
    assert not Entry.objects.filter(pk=draft.pk).exists()
    assert Entry.objects.get(pk=submitted.pk).entrant is None


def test_deletion_needs_a_post(client, entrant):
    client.force_login(entrant)

    assert client.get(reverse("account_delete"), {"password": PASSWORD}).status_code == 200
    assert User.objects.filter(pk=entrant.pk).exists()


def test_staff_accounts_are_closed_by_an_administrator_not_here(client, entries_manager):
    client.force_login(entries_manager)

    page = client.get(reverse("account_delete"))
    response = client.post(reverse("account_delete"), {"password": PASSWORD})

    assert "Staff accounts are closed by an administrator" in page.text
    assert "Delete my account</button>" not in page.text
    assert response.status_code == 403
    assert User.objects.filter(pk=entries_manager.pk).exists()


def test_the_page_needs_a_signed_in_entrant(client):
    response = client.get(reverse("account_delete"))

    assert response.url.startswith(reverse("account_login"))


@override_settings(ACCOUNT_RATE_LIMITS={"reauthenticate": "3/m/user"})
def test_password_guesses_are_rate_limited(client, entrant):
    from django.core.cache import cache

    cache.clear()
    client.force_login(entrant)
    for _ in range(3):
        assert client.post(reverse("account_delete"), {"password": "guess"}).status_code == 400

    response = client.post(reverse("account_delete"), {"password": PASSWORD})

    assert response.status_code == 429
    assert User.objects.filter(pk=entrant.pk).exists()
    cache.clear()


# The rest of the site copes with an anonymised entry.


@pytest.fixture
def anonymised(entrant, submitted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)
    return Entry.objects.get(pk=submitted.pk)


def test_the_admin_lists_inspects_prints_and_exports_an_anonymised_entry(
    client, entries_manager, anonymised
):
    client.force_login(entries_manager)

    listing = client.get(reverse("forms_entry_modeladmin_index"))
    inspect = client.get(reverse("forms_entry_modeladmin_inspect", args=[anonymised.pk]))
    printed = client.get(reverse("entries_admin_print", args=[anonymised.pk]))
    exported = client.get(reverse("forms_entry_modeladmin_index"), {"export": "csv"})

    assert listing.status_code == 200 and anonymised.reference in listing.text
    assert inspect.status_code == 200 and anonymised.reference in inspect.text
    assert printed.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    [row] = [r for r in rows if r[0] == anonymised.reference]
    assert row[2:5] == [ACCOUNT_DELETED, "", ""]


def test_staff_can_act_on_an_anonymised_entry_and_nobody_is_emailed(
    entries_manager, anonymised, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_actions.withdraw_entry(entry=anonymised, by=entries_manager, reason="Duplicate")

    assert Entry.objects.get(pk=anonymised.pk).status == EntryStatus.WITHDRAWN
    assert mailoutbox == []


# Purging stale drafts.


@pytest.fixture
def closed_long_ago(home_page, entry_form):
    """A category that closed 100 days ago."""
    now = timezone.now()
    programme = build_programme(
        home_page,
        title="Old Awards",
        entries_open_at=now - timedelta(days=200),
        entries_close_at=now - timedelta(days=100),
    )
    return build_category(
        programme, entry_form=entry_form, title="Old", closes=now - timedelta(days=100)
    )


@pytest.fixture
def closed_recently(home_page, entry_form):
    """A category that closed 10 days ago."""
    now = timezone.now()
    programme = build_programme(
        home_page,
        title="Recent Awards",
        entries_open_at=now - timedelta(days=60),
        entries_close_at=now - timedelta(days=10),
    )
    return build_category(
        programme, entry_form=entry_form, title="Recent", closes=now - timedelta(days=10)
    )


def purge(django_capture_on_commit_callbacks, *args) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_drafts", *args, stdout=out)
    return out.getvalue()


def test_drafts_of_categories_closed_longer_ago_than_the_period_are_deleted_with_files(
    entrant, closed_long_ago, closed_recently, category, django_capture_on_commit_callbacks
):
    stale = build_entry(entrant, closed_long_ago)
    upload = attach_file(stale)
    recent = build_entry(entrant, closed_recently)
    still_open = build_entry(entrant, category)

    output = purge(django_capture_on_commit_callbacks, "--days", "90")

    assert output == "Deleted 1 draft of categories closed more than 90 days ago.\n"
    assert not Entry.objects.filter(pk=stale.pk).exists()
    assert not stored(upload)
    assert set(Entry.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}


def test_submitted_withdrawn_and_reopened_entries_are_never_purged(
    entrant, closed_long_ago, django_capture_on_commit_callbacks
):
    submitted = build_entry(
        entrant, closed_long_ago, status=EntryStatus.SUBMITTED, reference="OLD-1"
    )
    withdrawn = build_entry(entrant, closed_long_ago, status=EntryStatus.WITHDRAWN)
    reopened = build_entry(entrant, closed_long_ago, status=EntryStatus.DRAFT, reference="OLD-2")

    output = purge(django_capture_on_commit_callbacks, "--days", "0")

    assert output.startswith("Deleted 0 drafts")
    assert Entry.objects.filter(pk__in=[submitted.pk, withdrawn.pk, reopened.pk]).count() == 3


def test_a_draft_given_more_time_counts_from_its_own_deadline(
    entrant, closed_long_ago, django_capture_on_commit_callbacks
):
    extended = build_entry(
        entrant, closed_long_ago, extended_until=timezone.now() - timedelta(days=20)
    )
    older = build_entry(
        entrant, closed_long_ago, extended_until=timezone.now() - timedelta(days=95)
    )

    purge(django_capture_on_commit_callbacks, "--days", "90")

    assert list(Entry.objects.values_list("pk", flat=True)) == [extended.pk]
    assert older.pk is not None


def test_drafts_of_a_category_with_no_deadline_are_kept(
    entrant, home_page, entry_form, django_capture_on_commit_callbacks
):
    programme = build_programme(home_page, title="Rolling", entries_close_at=None)
    rolling = build_category(programme, entry_form=entry_form, title="Rolling")
    assert rolling.deadline is None
    draft = build_entry(entrant, rolling)

    purge(django_capture_on_commit_callbacks, "--days", "0")

    assert Entry.objects.filter(pk=draft.pk).exists()


@override_settings(DRAFT_RETENTION_DAYS=120)
def test_the_default_period_comes_from_the_setting(
    entrant, closed_long_ago, django_capture_on_commit_callbacks
):
    draft = build_entry(entrant, closed_long_ago)

    output = purge(django_capture_on_commit_callbacks)

    assert output == "Deleted 0 drafts of categories closed more than 120 days ago.\n"
    assert Entry.objects.filter(pk=draft.pk).exists()
    assert purge(django_capture_on_commit_callbacks, "--days", "99").startswith("Deleted 1 draft ")


def test_a_dry_run_counts_and_deletes_nothing(
    entrant, closed_long_ago, django_capture_on_commit_callbacks
):
    draft = build_entry(entrant, closed_long_ago)

    output = purge(django_capture_on_commit_callbacks, "--dry-run")

    assert output == "Would delete 1 draft of categories closed more than 90 days ago.\n"
    assert Entry.objects.filter(pk=draft.pk).exists()


def test_a_negative_period_is_refused():
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("purge_drafts", "--days", "-1")


def test_the_service_returns_the_count_and_takes_a_clock(entrant, closed_recently):
    build_entry(entrant, closed_recently)
    in_a_year = timezone.now() + timedelta(days=365)

    assert privacy.purge_stale_drafts(older_than=timedelta(days=90)) == 0
    assert privacy.purge_stale_drafts(older_than=timedelta(days=90), now=in_a_year) == 1
