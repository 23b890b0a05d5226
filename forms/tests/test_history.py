"""An entry's history: who changed which answer and when, restoring one version of one
answer, the history in the entrant's data download, and the retention rules clearing it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import personal_data
from forms import privacy, services
from forms.history import entry_history, word_changes
from forms.models import AnswerRevision, Collaborator, Entry, EntryEvent, EntryStatus, Role
from forms.tests.builders import build_entry_file, complete_answers
from publishing.templatetags.uk_dates import uk_date, uk_datetime, uk_time

pytestmark = pytest.mark.django_db

START = timezone.now() - timedelta(days=2)


def fresh(entry):
    current = Entry.objects.get(pk=entry.pk)
    current.page = entry.page
    return current


def save(entry, user, answers, *, hours=0):
    """A save by ``user`` at START plus ``hours``, based on whatever the entry holds now."""
    current = fresh(entry)
    return services.save_draft(
        entry=current,
        user=user,
        answers=answers,
        base_version=current.version,
        now=START + timedelta(hours=hours),
    ).entry


@pytest.fixture
def written(team_draft, entrant, colleague):
    """Ada writes the context, Priya rewrites it, Ada adds notes: versions 2, 3 and 4."""
    save(team_draft, entrant, {"context": "We halved waiting lists."}, hours=1)
    save(team_draft, colleague, {"context": "We halved waiting lists in a year."}, hours=2)
    save(team_draft, entrant, {"notes": "Thanks to the team."}, hours=3)
    return fresh(team_draft)


def history_url(entry):
    return reverse("entry_history", args=[entry.public_id])


def restore_url(entry, revision):
    return reverse("entry_history_restore", args=[entry.public_id, revision.pk])


def first_context_revision(entry):
    return AnswerRevision.objects.get(entry=entry, key="context", version=2)


# Reading the history.


def test_each_answer_lists_its_versions_newest_first_with_author_and_time(written, entrant):
    histories = {h.key: h for h in entry_history(written, entrant)}

    context = histories["context"]
    assert context.label == "Describe the context"
    assert [(v.version, v.by, v.text) for v in context.versions] == [
        (3, "Priya Shah", "We halved waiting lists in a year."),
        (2, "you", "We halved waiting lists."),
    ]
    assert context.versions[0].current and not context.versions[1].current
    assert context.versions[0].at == START + timedelta(hours=2)
    assert str(context.versions[0].changes) == (
        "<span>We halved waiting </span><del>lists.</del><ins>lists in a year.</ins>"
    )
    assert [h.key for h in entry_history(written, entrant)][:4] == [
        "organisation_name",
        "contact_email",
        "context",
        "notes",
    ]
    assert histories["organisation_name"].versions == []


def test_the_history_page_shows_who_and_when_to_everyone_on_the_team(
    client, written, entrant, colleague
):
    client.force_login(colleague)
    response = client.get(history_url(written))

    assert response.status_code == 200
    page = response.content.decode()
    assert "History of this entry" in page
    assert "We halved waiting lists in a year." in page
    assert "Ada Entrant" in page  # Priya reads Ada's name; her own versions say "You"
    assert uk_datetime(START + timedelta(hours=1)) in page
    assert "Restore this version" in page


def test_the_history_is_read_in_two_queries_however_long_it_is(
    written, entrant, django_assert_num_queries
):
    for n in range(10):
        save(written, entrant, {"context": f"Draft {n}", "notes": f"Note {n}"}, hours=4 + n)
    entry = fresh(written)
    entry.definition()  # the form, read with the entry on the page

    with django_assert_num_queries(2):  # the revisions, then their authors
        histories = entry_history(entry, entrant)

    assert len(next(h for h in histories if h.key == "context").versions) == 12


def test_only_the_latest_versions_of_an_answer_are_listed(written, entrant):
    for n in range(5):
        save(written, entrant, {"context": f"Draft {n}"}, hours=4 + n)

    [context] = [
        h for h in entry_history(fresh(written), entrant, per_answer=3) if h.key == "context"
    ]

    assert [v.text for v in context.versions] == ["Draft 4", "Draft 3", "Draft 2"]
    assert context.total == 7 and context.hidden == 4
    assert context.versions[-1].previous_text == "Draft 1"  # compared even at the edge


def test_answers_to_removed_questions_and_files_come_last_and_read_plainly(written, entrant):
    build_entry_file(written, b"%PDF-1.4\n", name="plan.pdf")
    AnswerRevision.objects.create(
        entry=written, key="evidence", version=5, value={"file": "plan.pdf"}, author=entrant
    )
    AnswerRevision.objects.create(entry=written, key="old_question", version=6, value="Kept")

    histories = entry_history(written, entrant)

    assert histories[-1].key == "old_question" and histories[-1].question is None
    assert histories[-1].versions[0].by == ""  # no author known
    evidence = next(h for h in histories if h.key == "evidence")
    assert evidence.versions[0].text == "Uploaded plan.pdf"
    assert not evidence.restorable and not histories[-1].restorable


def test_someone_without_a_role_gets_a_404(client, written, other_entrant):
    client.force_login(other_entrant)
    assert client.get(history_url(written)).status_code == 404


def test_word_changes_escape_what_was_typed():
    html = str(word_changes("a <b>", "a <i>"))
    assert "<del>&lt;b&gt;</del>" in html and "<ins>&lt;i&gt;</ins>" in html


# Restoring a version.


def test_restore_brings_back_an_old_text_as_a_new_version(client, written, entrant, colleague):
    client.force_login(colleague)
    old = first_context_revision(written)

    response = client.post(restore_url(written, old))
    assert response["Location"] == history_url(written) + "#answer-context"
    response = client.get(response["Location"])

    entry = Entry.objects.get(pk=written.pk)
    assert entry.answers["context"] == "We halved waiting lists."
    assert entry.version == 5
    newest = AnswerRevision.objects.get(entry=entry, key="context", version=5)
    assert (newest.restored_from, newest.author) == (2, colleague)
    event = entry.events.get(action=EntryEvent.Action.RESTORED)
    assert event.actor == colleague
    assert event.details["key"] == "context" and event.details["from_version"] == 2
    at = START + timedelta(hours=1)
    assert (
        f"“Describe the context” is back to the text Ada Entrant saved at "
        f"{uk_time(at)} on {uk_date(at)}." in response.content.decode()
    )
    assert "restored version 2" in response.content.decode()


def test_restore_of_an_answer_changed_since_becomes_the_newest_version(written, entrant, colleague):
    from forms.restoring import restore_answer

    stale = fresh(written)
    save(written, colleague, {"context": "Priya's newest."}, hours=5)  # after the page was drawn
    stale.refresh_from_db()

    restored = restore_answer(
        entry=fresh(written), user=entrant, revision=first_context_revision(written)
    )

    assert restored.entry.answers["context"] == "We halved waiting lists."
    assert restored.entry.answers["notes"] == "Thanks to the team."  # nothing else changed


def test_restoring_the_text_the_answer_already_has_says_so(client, written, entrant):
    save(written, entrant, {"context": "We halved waiting lists."}, hours=5)
    client.force_login(entrant)

    response = client.post(restore_url(written, first_context_revision(written)))

    assert response.status_code == 409
    assert "nothing to restore" in response.content.decode()


def test_a_view_role_cannot_restore(client, written, colleague):
    Collaborator.objects.filter(entry=written, user=colleague).update(role=Role.VIEW)
    client.force_login(colleague)

    page = client.get(history_url(written)).content.decode()
    response = client.post(restore_url(written, first_context_revision(written)))

    assert "Restore this version" not in page
    assert response.status_code == 403
    assert "does not let you change this entry" in response.content.decode()
    assert fresh(written).answers["context"] == "We halved waiting lists in a year."


def test_a_submitted_entry_cannot_be_restored(client, written, entrant):
    save(written, entrant, complete_answers(), hours=5)
    services.submit_entry(entry=fresh(written), user=entrant, base_version=fresh(written).version)
    client.force_login(entrant)

    response = client.post(restore_url(written, first_context_revision(written)))

    assert response.status_code == 409
    assert "submitted and can no longer be changed" in response.content.decode()
    assert fresh(written).status == EntryStatus.SUBMITTED
    assert not AnswerRevision.objects.filter(restored_from__isnull=False).exists()


def test_a_closed_category_cannot_restore(client, written, entrant, category):
    category.entries_close_at = timezone.now() - timedelta(minutes=1)
    category.save_revision().publish()
    client.force_login(entrant)

    response = client.post(restore_url(written, first_context_revision(written)))

    assert response.status_code == 403
    assert "Entries are now closed" in response.content.decode()


def test_a_forged_revision_id_is_a_404(client, written, entrant, other_entrant, category):
    theirs = services.start_entry(user=other_entrant, page=category)
    save(theirs, other_entrant, {"context": "Their words"})
    their_revision = AnswerRevision.objects.get(entry=theirs)
    client.force_login(entrant)

    assert client.post(restore_url(written, their_revision)).status_code == 404
    missing = reverse("entry_history_restore", args=[written.public_id, 999999])
    assert client.post(missing).status_code == 404
    assert fresh(written).version == 4


def test_a_file_answer_cannot_be_restored(client, written, entrant):
    revision = AnswerRevision.objects.create(
        entry=written, key="evidence", version=5, value={"file": "plan.pdf"}, author=entrant
    )
    client.force_login(entrant)

    response = client.post(restore_url(written, revision))

    assert response.status_code == 400
    assert "upload the file again" in response.content.decode()


def test_the_entry_pages_link_to_the_history(client, written, entrant, category):
    client.force_login(entrant)
    detail = client.get(reverse("entry_detail", args=[written.public_id])).content.decode()
    form_page = client.get(category.url).content.decode()
    assert history_url(written) in detail
    assert history_url(written) in form_page


# The data download and retention.


def test_the_data_download_holds_each_owned_entrys_answer_history(written, entrant, colleague):
    [data] = personal_data.export_user_data(user=entrant)["entries"]

    assert [
        (r["question_key"], r["version"], r["answer"], r["written_by"])
        for r in data["answer_history"]
    ] == [
        ("context", 2, "We halved waiting lists.", "Ada Entrant"),
        ("context", 3, "We halved waiting lists in a year.", "Priya Shah"),
        ("notes", 4, "Thanks to the team.", "Ada Entrant"),
    ]
    assert data["answer_history"][0]["written_at"].startswith(str(START.year))
    # A collaborator's own download holds their account, not the owner's entry.
    assert personal_data.export_user_data(user=colleague)["entries"] == []


def test_deleting_a_draft_with_the_account_deletes_its_history(written, entrant):
    personal_data.delete_account(user=entrant)

    assert not AnswerRevision.objects.filter(entry_id=written.pk).exists()


@pytest.fixture
def submitted(written, entrant):
    save(written, entrant, complete_answers(), hours=5)
    return services.submit_entry(
        entry=fresh(written), user=entrant, base_version=fresh(written).version
    )


def test_an_anonymised_entry_keeps_its_answers_but_not_its_history(submitted, entrant):
    personal_data.delete_account(user=entrant)

    entry = Entry.objects.get(pk=submitted.pk)
    assert entry.entrant is None
    assert entry.answers["context"] == complete_answers()["context"]
    assert not AnswerRevision.objects.filter(entry=entry).exists()
    assert all("u" not in meta for meta in entry.answer_meta.values())
    assert "contact_email" not in entry.answer_meta


def test_deleted_submitted_entries_take_their_history(submitted, entrant, settings):
    settings.SUBMITTED_ENTRY_RETENTION = privacy.DELETE
    personal_data.delete_account(user=entrant)

    assert not AnswerRevision.objects.exists()


def test_purged_stale_drafts_take_their_history(written, category):
    category.entries_close_at = timezone.now() - timedelta(days=400)
    category.entries_open_at = timezone.now() - timedelta(days=500)
    category.save_revision().publish()

    assert privacy.purge_stale_drafts(older_than=timedelta(days=30)) == 1
    assert not AnswerRevision.objects.exists()


def test_a_collaborator_deleting_their_account_leaves_the_history_without_their_name(
    written, entrant, colleague
):
    personal_data.delete_account(user=colleague)

    [context] = [h for h in entry_history(fresh(written), entrant) if h.key == "context"]
    assert context.versions[0].text == "We halved waiting lists in a year."
    assert context.versions[0].by == ""
