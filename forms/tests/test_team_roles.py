"""The owner changes roles, removes people and hands the entry over; a collaborator leaves;
account deletion of a collaborator and of the owner; and who on the team gets which email."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import personal_data
from forms import services, team
from forms.models import Collaborator, Entry, EntryEvent, Role
from forms.reminders import send_reminders
from forms.tests.builders import build_user, complete_answers

pytestmark = pytest.mark.django_db


def url(entry, name, *args):
    return reverse(name, args=[entry.public_id, *args])


def signed_in_as(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member(team_draft, colleague):
    return Collaborator.objects.get(entry=team_draft, user=colleague)


# Roles -------------------------------------------------------------------------------


def test_the_owner_changes_a_role_on_its_own_page(signed_in, team_draft, member):
    page = signed_in.get(url(team_draft, "entry_team_role", member.pk))
    assert page.status_code == 200
    assert "What may Priya Shah do?" in page.text
    assert 'value="edit" aria-describedby="role-edit-hint" checked' in page.text
    assert "Can change the answers and upload files, and submit the entry." in page.text

    response = signed_in.post(url(team_draft, "entry_team_role", member.pk), {"role": "view"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == Role.VIEW
    event = EntryEvent.objects.get(action=EntryEvent.Action.ROLE_CHANGED)
    assert event.details == {"user_id": member.user_id, "from": "edit", "to": "view"}
    assert "Priya Shah’s role is now “View”" in signed_in.get(response["Location"]).text.replace(
        "&#x27;", "’"
    ).replace("'", "’")


def test_a_made_up_role_is_refused_with_the_form_back(signed_in, team_draft, member):
    response = signed_in.post(url(team_draft, "entry_team_role", member.pk), {"role": "admin"})
    assert response.status_code == 400
    assert "Choose what they may do" in response.text
    assert 'href="#role-view"' in response.text
    member.refresh_from_db()
    assert member.role == Role.EDIT


def test_a_role_change_by_someone_who_is_not_the_owner_is_refused(team_draft, member, colleague):
    third = build_user("sam@example.org", first_name="Sam")
    sams = Collaborator.objects.create(entry=team_draft, user=third, role=Role.SUBMIT)
    priya = signed_in_as(colleague)

    response = priya.post(url(team_draft, "entry_team_role", sams.pk), {"role": "view"})
    assert response.status_code == 403
    assert "does not let you manage who works on this entry" in response.text
    with pytest.raises(team.NotTheOwner, match="Only the entry's owner can change what people"):
        team.change_role(entry=team_draft, by=colleague, collaborator_id=sams.pk, role="view")
    # Nor can she raise her own role.
    with pytest.raises(team.NotTheOwner):
        team.change_role(entry=team_draft, by=colleague, collaborator_id=member.pk, role="submit")
    assert set(Collaborator.objects.values_list("role", flat=True)) == {Role.EDIT, Role.SUBMIT}
    assert not EntryEvent.objects.filter(action=EntryEvent.Action.ROLE_CHANGED).exists()


def test_someone_from_another_entry_is_not_found(signed_in, draft, other_entrant, category):
    elsewhere = services.start_entry(user=other_entrant, page=category)
    theirs = Collaborator.objects.create(
        entry=elsewhere, user=build_user("x@example.org"), role=Role.EDIT
    )
    assert signed_in.get(url(draft, "entry_team_role", theirs.pk)).status_code == 404
    assert signed_in.post(url(draft, "entry_team_remove", theirs.pk)).status_code == 404
    assert Collaborator.objects.filter(pk=theirs.pk).exists()


# Removing and leaving ----------------------------------------------------------------


def test_the_owner_removes_someone_after_a_confirmation_page(signed_in, team_draft, member):
    page = signed_in.get(url(team_draft, "entry_team_remove", member.pk))
    assert "Remove Priya Shah from the team?" in page.text
    assert Collaborator.objects.exists()  # asking changes nothing

    response = signed_in.post(url(team_draft, "entry_team_remove", member.pk))
    assert response.status_code == 302
    assert not Collaborator.objects.exists()
    event = EntryEvent.objects.get(action=EntryEvent.Action.REMOVED)
    assert event.details == {"user_id": member.user_id}


def test_a_removed_collaborators_save_is_shown_back_to_them(signed_in, team_draft, member):
    priya = signed_in_as(member.user)
    signed_in.post(url(team_draft, "entry_team_remove", member.pk))

    response = priya.post(
        url(team_draft, "entry_save"), {"version": team_draft.version, "context": "Priya's text"}
    )
    assert response.status_code == 403
    assert "you are no longer on the team" in response.text
    assert "Priya&#x27;s text" in response.text or "Priya's text" in response.text
    assert priya.get(url(team_draft, "entry_detail")).status_code == 404


def test_a_collaborator_leaves_and_the_owner_cannot(signed_in, team_draft, member):
    priya = signed_in_as(member.user)
    assert "Leave the team for this entry?" in priya.get(url(team_draft, "entry_team_leave")).text
    response = priya.post(url(team_draft, "entry_team_leave"))
    assert response["Location"] == reverse("my_entries")
    assert not Collaborator.objects.exists()
    event = EntryEvent.objects.get(action=EntryEvent.Action.LEFT)
    assert event.details == {"user_id": member.user_id}

    assert "You own this entry" in signed_in.get(url(team_draft, "entry_team_leave")).text
    followed = signed_in.post(url(team_draft, "entry_team_leave"), follow=True)
    assert "Hand it over to someone on the team first" in followed.text
    assert Entry.objects.get(pk=team_draft.pk).entrant_id == team_draft.entrant_id


def test_a_collaborator_cannot_remove_someone_else(team_draft, member):
    third = Collaborator.objects.create(
        entry=team_draft, user=build_user("sam@example.org"), role=Role.VIEW
    )
    with pytest.raises(team.NotTheOwner):
        team.remove(entry=team_draft, by=member.user, collaborator_id=third.pk)
    assert Collaborator.objects.count() == 2


# Handing over ------------------------------------------------------------------------


def test_the_owner_hands_the_entry_to_a_collaborator_and_stays_on_to_edit_and_submit(
    signed_in, team_draft, member, entrant, colleague
):
    page = signed_in.get(url(team_draft, "entry_team_hand_over"))
    assert "Who will own this entry?" in page.text
    refused = signed_in.post(url(team_draft, "entry_team_hand_over"))
    assert refused.status_code == 400
    assert "Choose who will own the entry" in refused.text

    response = signed_in.post(url(team_draft, "entry_team_hand_over"), {"collaborator": member.pk})
    assert response.status_code == 302
    entry = Entry.objects.get(pk=team_draft.pk)
    assert entry.entrant == colleague
    assert list(entry.collaborators.values_list("user", "role")) == [(entrant.pk, Role.SUBMIT)]
    event = EntryEvent.objects.get(action=EntryEvent.Action.OWNER_CHANGED)
    assert event.actor == entrant
    assert event.details == {"from_user_id": entrant.pk, "to_user_id": colleague.pk}
    assert "Priya Shah now owns this entry" in signed_in.get(response["Location"]).text
    # The new owner manages the team; the old one no longer can.
    assert signed_in_as(colleague).get(url(entry, "entry_team_hand_over")).status_code == 200
    assert signed_in.get(url(entry, "entry_team_hand_over")).status_code == 403
    # Answers are untouched, and the old owner may still save and submit.
    services.save_draft(
        entry=Entry.objects.get(pk=entry.pk),
        user=entrant,
        answers=complete_answers(),
        base_version=entry.version,
    )


def test_only_the_owner_hands_over(team_draft, member, colleague):
    with pytest.raises(team.NotTheOwner):
        team.hand_over(entry=team_draft, by=colleague, collaborator_id=member.pk)
    assert Entry.objects.get(pk=team_draft.pk).entrant_id != colleague.pk


def test_no_hand_over_to_someone_who_already_has_their_entry_here(
    signed_in, team_draft, member, category
):
    services.start_entry(user=member.user, page=category)
    response = signed_in.post(url(team_draft, "entry_team_hand_over"), {"collaborator": member.pk})
    assert response.status_code == 400
    assert "already has as many entries to this category as it allows" in response.text
    assert Entry.objects.get(pk=team_draft.pk).entrant_id == team_draft.entrant_id


# Account deletion --------------------------------------------------------------------


def test_a_collaborator_deleting_their_account_leaves_the_entry_with_its_owner(
    team_draft, member, colleague, entrant
):
    personal_data.delete_account(user=colleague)
    entry = Entry.objects.get(pk=team_draft.pk)
    assert entry.entrant == entrant
    assert not entry.collaborators.exists()


def test_the_owner_deleting_their_account_passes_the_entry_to_the_first_who_may_submit(
    team_draft, member, entrant, colleague, django_capture_on_commit_callbacks
):
    services.save_draft(entry=team_draft, user=entrant, answers={"context": "Kept"}, base_version=1)
    later = build_user("sam@example.org")
    Collaborator.objects.create(
        entry=team_draft, user=later, role=Role.SUBMIT, added_at=timezone.now() + timedelta(1)
    )
    member.role = Role.SUBMIT
    member.save()
    notes = "".join(personal_data.deletion_notes(user=entrant))
    assert "your 1 entry with a colleague on the team who may edit and submit passes" in notes
    assert "any unsubmitted entries are deleted" in notes

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(user=entrant)

    entry = Entry.objects.get(pk=team_draft.pk)
    assert entry.entrant == colleague  # the first to join, not Sam
    assert entry.answers["context"] == "Kept"
    assert list(entry.collaborators.values_list("user", flat=True)) == [later.pk]
    event = EntryEvent.objects.get(action=EntryEvent.Action.OWNER_CHANGED)
    assert event.reason == "The owner deleted their account."
    assert event.details["to_user_id"] == colleague.pk


def test_the_owner_deleting_their_account_follows_todays_rules_without_a_submitter(
    team_draft, member, entrant
):
    assert member.role == Role.EDIT
    personal_data.delete_account(user=entrant)
    assert not Entry.objects.filter(pk=team_draft.pk).exists()  # a draft: deleted


def test_the_delete_page_says_what_happens_to_shared_entries(team_draft, colleague):
    notes = "".join(personal_data.deletion_notes(user=colleague))
    assert "you leave the team of the 1 entry other people shared with you" in notes


# Emails ------------------------------------------------------------------------------


def test_reminders_go_to_everyone_who_may_edit(
    team_draft, member, category, entrant, django_capture_on_commit_callbacks
):
    Collaborator.objects.create(
        entry=team_draft, user=build_user("viewer@example.org"), role=Role.VIEW
    )
    Collaborator.objects.create(
        entry=team_draft, user=build_user("submitter@example.org"), role=Role.SUBMIT
    )
    soon = category.deadline - timedelta(days=2)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now=soon) == 1

    assert sorted(m.to[0] for m in mail.outbox) == [
        "entrant@example.org",
        "priya.shah@example.org",
        "submitter@example.org",
    ]
    priyas = next(m for m in mail.outbox if m.to == ["priya.shah@example.org"])
    assert priyas.body.startswith("Dear Priya,")


def test_the_confirmation_goes_to_the_owner_and_those_who_may_submit(
    team_draft, member, entrant, django_capture_on_commit_callbacks
):
    Collaborator.objects.create(
        entry=team_draft, user=build_user("submitter@example.org"), role=Role.SUBMIT
    )
    services.save_draft(entry=team_draft, user=entrant, answers=complete_answers(), base_version=1)
    team_draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_entry(entry=team_draft, user=entrant, base_version=2)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "entrant@example.org",
        "submitter@example.org",
    ]
    assert all("Entry received" in m.subject for m in mail.outbox)


# Where a collaborator finds the entry -------------------------------------------------


def test_my_entries_lists_shared_entries_with_the_role_and_the_owners_name(
    team_draft, member, colleague, category
):
    own = services.start_entry(user=colleague, page=category)
    page = signed_in_as(colleague).get(reverse("my_entries"))
    assert page.status_code == 200
    assert "Shared with you by Ada Entrant. Your role: edit" in page.text
    assert url(team_draft, "entry_team") in page.text
    assert url(own, "entry_team") in page.text  # her own entry too, not marked shared
    assert page.text.count("Shared with you by") == 1


def test_a_view_collaborator_reads_the_entry_on_the_category_page_without_a_form(
    team_draft, member, entrant
):
    services.save_draft(
        entry=team_draft, user=entrant, answers={"context": "Ada's"}, base_version=1
    )
    member.role = Role.VIEW
    member.save()
    page = signed_in_as(member.user).get(team_draft.page.url)
    assert "Shared with you by Ada Entrant. Your role: view." in page.text
    assert "Your role on this entry lets you read it, not change it." in page.text
    assert "Ada&#x27;s" in page.text or "Ada's" in page.text
    assert url(team_draft, "entry_save") not in page.text


def test_an_editor_gets_the_form_and_a_shared_entry_does_not_count_against_their_own(
    team_draft, member, colleague
):
    page = signed_in_as(colleague).get(team_draft.page.url)
    assert url(team_draft, "entry_save") in page.text
    assert "Start an entry of your own" in page.text
    assert reverse("entry_start", args=[team_draft.page_id]) in page.text


def test_the_owner_finds_the_team_page_from_the_entry_form(signed_in, draft):
    page = signed_in.get(draft.page.url)
    assert "Team: invite colleagues to work on this entry" in page.text
    assert url(draft, "entry_team") in page.text


def test_a_category_without_teams_does_not_offer_the_team_page(signed_in, draft, category):
    category.collaborator_limit = 0
    category.save_revision().publish()
    assert "Team: invite colleagues" not in signed_in.get(draft.page.url).text


def test_a_colleagues_save_without_javascript_comes_back_to_the_shared_entry(
    team_draft, member, colleague
):
    response = signed_in_as(colleague).post(
        url(team_draft, "entry_save"), {"version": team_draft.version, "context": "Priya's"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{team_draft.page.url}?entry={team_draft.public_id}#entry"
    assert Entry.objects.get(pk=team_draft.pk).answers["context"] == "Priya's"


def test_a_submitted_entry_whose_owner_left_without_a_submitter_is_anonymised_and_still_shown(
    team_draft, member, entrant, colleague, django_capture_on_commit_callbacks
):
    services.save_draft(entry=team_draft, user=entrant, answers=complete_answers(), base_version=1)
    team_draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_entry(entry=team_draft, user=entrant, base_version=2)
    personal_data.delete_account(user=entrant)

    entry = Entry.objects.get(pk=team_draft.pk)
    assert entry.entrant is None  # today's rule: kept for the record, without the account
    priya = signed_in_as(colleague)
    assert "Shared with you by (account deleted)" in priya.get(reverse("my_entries")).text
    team_page = priya.get(url(entry, "entry_team"))
    assert team_page.status_code == 200
    assert "Someone who has deleted their account" in team_page.text
