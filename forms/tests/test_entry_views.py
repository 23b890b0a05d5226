"""The entrant's journey through the Django test client: what they see, what is stored."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forms import services
from forms.models import Entry, EntryStatus
from forms.tests.builders import complete_answers
from publishing.templatetags.uk_dates import uk_time

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post_save(client, entry, version=None, **answers):
    data = {"version": entry.version if version is None else version, "action": "save", **answers}
    return client.post(reverse("entry_save", args=[entry.public_id]), data)


def test_anonymous_visitor_is_asked_to_register_or_sign_in(client, category):
    response = client.get(category.url)
    assert response.status_code == 200
    assert "Register or sign in to enter" in response.text
    assert "Start your entry" not in response.text


def test_signed_in_entrant_without_an_entry_can_start_one(signed_in, category, entrant):
    response = signed_in.get(category.url)
    assert "Start your entry" in response.text
    response = signed_in.post(reverse("entry_start", args=[category.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{category.url}#entry"
    entry = Entry.objects.get(entrant=entrant)
    assert entry.status == EntryStatus.DRAFT


def test_the_draft_form_is_on_the_category_page_pre_filled(signed_in, draft, category):
    post_save(signed_in, draft, context="Our story so far")
    response = signed_in.get(category.url)
    assert response.status_code == 200
    assert "Your entry" in response.text
    assert "Our story so far</textarea>" in response.text
    assert "Save and come back later" in response.text
    assert "Review and submit" in response.text
    assert "4 of 20 words" in response.text
    assert "Not started" in response.text and "Completed" in response.text


def test_save_with_missing_answers_keeps_what_was_typed(signed_in, draft, category):
    response = post_save(signed_in, draft, organisation_name="Half a name")
    assert response.status_code == 302
    assert response["Location"] == f"{category.url}#entry"
    draft.refresh_from_db()
    assert draft.answers["organisation_name"] == "Half a name"
    assert draft.version == 2
    page = signed_in.get(category.url)
    assert "Saved at" in page.text


def test_autosave_answers_json_with_the_new_version(signed_in, draft):
    response = signed_in.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "context": "Typed"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["version"] == 2
    saved = Entry.objects.get(pk=draft.pk).updated_at
    assert body["saved_at"] == uk_time(saved)  # e.g. "2:32pm", in UK time
    assert body["saved_at"].endswith(("am", "pm")) or body["saved_at"] in ("midday", "midnight")


def test_stale_save_gets_409_and_leaves_the_newer_draft_intact(signed_in, draft):
    post_save(signed_in, draft, context="Saved from my laptop")
    response = post_save(signed_in, draft, version=1, context="Typed on my phone")
    assert response.status_code == 409
    assert "changed in another tab or on another device" in response.text
    assert "Typed on my phone" in response.text  # what they typed is shown back, not lost
    assert "load the newer version" in response.text
    draft.refresh_from_db()
    assert draft.answers["context"] == "Saved from my laptop"

    json_response = signed_in.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "context": "Autosaved elsewhere"},
        HTTP_ACCEPT="application/json",
    )
    assert json_response.status_code == 409
    assert json_response.json()["conflict"] is True
    assert json_response.json()["current_version"] == 2


def test_keeping_my_version_after_a_conflict_saves_it_deliberately(signed_in, draft):
    post_save(signed_in, draft, context="Other tab")
    conflict = post_save(signed_in, draft, version=1, context="Mine")
    assert 'name="version" value="2"' in conflict.text
    post_save(signed_in, draft, version=2, context="Mine")
    draft.refresh_from_db()
    assert draft.answers["context"] == "Mine"


def test_review_lists_problems_linked_to_fields(signed_in, draft):
    post_save(signed_in, draft, organisation_name="Org")
    response = signed_in.get(reverse("entry_review", args=[draft.public_id]))
    assert response.status_code == 200
    assert "Check your answers before submitting your entry" in response.text
    assert "Your entry is not ready to submit" in response.text
    assert f'href="{draft.page.url}#q-contact_email"' in response.text
    assert "Submit your entry" not in response.text


def test_submit_with_missing_answers_is_refused_with_the_list(signed_in, draft):
    post_save(signed_in, draft, organisation_name="Org")
    response = signed_in.post(reverse("entry_submit", args=[draft.public_id]), {"version": 2})
    assert response.status_code == 400
    assert "Enter an answer for “Contact email”" in response.text
    draft.refresh_from_db()
    assert draft.status == EntryStatus.DRAFT


def test_complete_entry_submits_shows_reference_and_emails_it(
    signed_in, draft, entrant, django_capture_on_commit_callbacks
):
    post_save(signed_in, draft, **complete_answers())
    review = signed_in.get(reverse("entry_review", args=[draft.public_id]))
    assert "Submit your entry" in review.text
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            reverse("entry_submit", args=[draft.public_id]), {"version": 2}, follow=True
        )
    draft.refresh_from_db()
    assert draft.status == EntryStatus.SUBMITTED
    assert response.status_code == 200
    assert "Entry submitted" in response.text
    assert draft.reference in response.text
    assert len(mail.outbox) == 1 and draft.reference in mail.outbox[0].body


def test_after_submit_the_entry_is_read_only(signed_in, draft, category):
    post_save(signed_in, draft, **complete_answers())
    signed_in.post(reverse("entry_submit", args=[draft.public_id]), {"version": 2})
    draft.refresh_from_db()
    page = signed_in.get(category.url)
    assert f"Reference <strong>{draft.reference}</strong>" in page.text
    assert "Save and come back later" not in page.text
    assert post_save(signed_in, draft, context="Changed").status_code == 409
    draft.refresh_from_db()
    assert draft.answers["context"] == complete_answers()["context"]
    detail = signed_in.get(reverse("entry_detail", args=[draft.public_id]))
    assert detail.status_code == 200
    assert complete_answers()["context"] in detail.text
    assert "<textarea" not in detail.text


def test_a_double_submit_gives_one_reference(signed_in, draft, django_capture_on_commit_callbacks):
    post_save(signed_in, draft, **complete_answers())
    url = reverse("entry_submit", args=[draft.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        first = signed_in.post(url, {"version": 2})
        second = signed_in.post(url, {"version": 2})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == reverse("entry_submitted", args=[draft.public_id])
    assert len(mail.outbox) == 1


def test_save_and_submit_after_the_deadline_are_refused(signed_in, draft, category):
    post_save(signed_in, draft, **complete_answers())
    category.entries_close_at = timezone.now() - timedelta(minutes=1)
    category.save()
    response = post_save(signed_in, draft, version=2, context="Too late")
    assert response.status_code == 403
    assert "Entries are now closed" in response.text
    response = signed_in.post(reverse("entry_submit", args=[draft.public_id]), {"version": 2})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.answers["context"] == complete_answers()["context"]
    assert draft.status == EntryStatus.DRAFT
    page = signed_in.get(category.url)
    assert "Entries are now closed" in page.text
    assert complete_answers()["context"] in page.text  # the owner can still read the draft


def test_another_users_entry_is_404_on_every_entry_url(client, draft, other_entrant, entrant):
    upload = SimpleUploadedFile("evidence.pdf", PDF, content_type="application/pdf")
    services.save_draft(
        entry=draft, user=entrant, answers={}, base_version=1, uploads={"evidence": upload}
    )
    stored = draft.files.get()
    client.force_login(other_entrant)
    urls = {
        "detail": ("get", reverse("entry_detail", args=[draft.public_id])),
        "review": ("get", reverse("entry_review", args=[draft.public_id])),
        "submitted": ("get", reverse("entry_submitted", args=[draft.public_id])),
        "save": ("post", reverse("entry_save", args=[draft.public_id])),
        "submit": ("post", reverse("entry_submit", args=[draft.public_id])),
        "file": ("get", reverse("entry_file", args=[draft.public_id, stored.public_id])),
    }
    for name, (method, url) in urls.items():
        response = getattr(client, method)(
            url, {"version": 2, "context": "hijack"} if method == "post" else {}
        )
        assert response.status_code == 404, name
    draft.refresh_from_db()
    assert "context" not in draft.answers


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(reverse("entry_detail", args=[draft.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_file_uploads_with_the_draft_and_downloads_for_its_owner(signed_in, draft):
    upload = SimpleUploadedFile("My evidence.pdf", PDF, content_type="application/pdf")
    response = signed_in.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "context": "With a file", "evidence": upload},
    )
    assert response.status_code == 302
    stored = draft.files.get()
    assert stored.original_name == "My evidence.pdf"
    assert stored.question_key == "evidence"
    assert "My evidence" not in stored.file.name  # stored under a generated name
    download = signed_in.get(reverse("entry_file", args=[draft.public_id, stored.public_id]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"]


def test_a_rejected_file_keeps_the_answers_saved_with_it(signed_in, draft):
    script = SimpleUploadedFile(
        "evidence.pdf", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf"
    )
    response = signed_in.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "context": "Keep me", "evidence": script},
    )
    assert response.status_code == 400
    assert "must be a PDF or DOCX file" in response.text
    draft.refresh_from_db()
    assert draft.answers["context"] == "Keep me"
    assert not draft.files.exists()


def test_a_huge_answer_is_refused_with_a_message_and_nothing_lost(signed_in, draft):
    post_save(signed_in, draft, context="Saved text")
    response = post_save(signed_in, draft, version=2, context="x" * 60_000)
    assert response.status_code == 400
    assert "too long to save" in response.text
    draft.refresh_from_db()
    assert draft.answers["context"] == "Saved text"


def test_my_entries_lists_every_entry_with_its_next_step(signed_in, draft, category):
    response = signed_in.get(reverse("my_entries"))
    assert response.status_code == 200
    assert category.title in response.text
    assert "Draft" in response.text
    assert "Continue your entry" in response.text


def test_my_entries_has_a_helpful_empty_state(signed_in):
    response = signed_in.get(reverse("my_entries"))
    assert "You have not started any entries yet." in response.text
