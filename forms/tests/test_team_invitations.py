"""Inviting people to an entry's team: the email and its link, joining, and every refusal
with its message and status, none of which loses anything."""

import re
from datetime import timedelta
from typing import NamedTuple
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.tests.builders import link_in_last_email, signup_data
from forms import services, team
from forms.emails import send_invitation_email
from forms.models import Collaborator, EntryEvent, Invitation, Role
from forms.models.team import token_digest
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db

SITE = "https://awards.example.org"
LINK = re.compile(r"https?://\S+/entries/invitations/[^/\s]+/")


class Sent(NamedTuple):
    invitation: Invitation
    token: str


def token_in_last_email() -> str:
    [link] = LINK.findall(mail.outbox[-1].body)
    return link.rstrip("/").rsplit("/", 1)[1]


def invite(draft, entrant, email="priya.shah@example.org", role=Role.EDIT, **kwargs) -> Sent:
    """Invite, then send the email as the task does after commit; the token from its link."""
    invitation = team.invite(entry=draft, by=entrant, email=email, role=role, **kwargs)
    send_invitation_email(invitation.pk)
    return Sent(invitation, token_in_last_email())


def team_url(entry, name="entry_team", *args):
    return reverse(name, args=[entry.public_id, *args])


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_the_owner_invites_by_email_and_the_link_in_it_works(
    signed_in, draft, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            team_url(draft, "entry_team_invite"),
            {"email": "Priya.Shah@example.org", "role": "submit"},
        )
    assert response.status_code == 302
    page = signed_in.get(response["Location"])
    assert "Invitation sent to Priya.Shah@example.org" in page.text
    assert "Priya.Shah@example.org" in page.text  # listed as waiting

    [message] = mail.outbox
    assert message.to == ["Priya.Shah@example.org"]
    assert message.subject == "Ada Entrant has invited you to work on an entry to " + (
        draft.page.title
    )
    assert "Edit and submit" in message.body or "edit and submit" in message.body
    [link] = LINK.findall(message.body)
    assert link.startswith(SITE + "/entries/invitations/")
    assert link in message.alternatives[0][0]

    invitation = Invitation.objects.get()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_digest == token_digest(token)
    assert token not in invitation.token_digest  # only the digest is stored
    assert EntryEvent.objects.filter(entry=draft, action=EntryEvent.Action.INVITED).exists()

    priya = Client()
    priya.force_login(colleague)
    assert "Join the team" in priya.get(path_of(link)).text
    joined = priya.post(path_of(link))
    assert joined.status_code == 302
    assert joined["Location"] == f"{draft.page.url}?entry={draft.public_id}#entry"
    member = Collaborator.objects.get(entry=draft)
    assert (member.user, member.role) == (colleague, Role.SUBMIT)
    event = EntryEvent.objects.get(entry=draft, action=EntryEvent.Action.JOINED)
    assert event.details["user_id"] == colleague.pk
    invitation.refresh_from_db()
    assert invitation.accepted_by == colleague and invitation.accepted_at

    # The entry is on the category page and in My entries for Priya now.
    page = priya.get(draft.page.url)
    assert 'id="entry"' in page.text
    assert draft.public_id in priya.get(reverse("my_entries")).text
    # Opening the link again takes her straight to the entry.
    assert priya.get(path_of(link))["Location"] == f"{draft.page.url}?entry={draft.public_id}#entry"


def test_someone_without_an_account_signs_up_from_the_link_and_lands_on_the_entry(
    draft, entrant, mailoutbox
):
    sent = invite(draft, entrant, role=Role.EDIT)
    invitation_path = reverse("team_invitation", args=[sent.token])
    browser = Client()

    page = browser.get(invitation_path)
    assert page.status_code == 200
    assert "Create an account" in page.text
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Cache-Control"].startswith("max-age=0")
    signup = f"{reverse('account_signup')}?next={quote(invitation_path, safe='')}"
    assert signup.replace("%2F", "/") in page.text.replace("%2F", "/").replace("&amp;", "&")
    # The sign-up form offers the invited address.
    form = browser.get(
        reverse("account_signup") + "?next=" + quote(invitation_path) + "&email=priya.shah%40x.org"
    )
    assert 'value="priya.shah@x.org"' in form.text

    response = browser.post(
        f"{reverse('account_signup')}?next={quote(invitation_path)}",
        signup_data(next=invitation_path),
    )
    assert response.status_code == 302
    confirm = link_in_last_email("/accounts/confirm-email/")
    back = browser.post(confirm)
    assert back["Location"] == invitation_path

    assert "Join the team" in browser.get(invitation_path).text
    joined = browser.post(invitation_path)
    assert joined["Location"] == f"{draft.page.url}?entry={draft.public_id}#entry"
    assert Collaborator.objects.filter(entry=draft, user__email="priya.shah@example.org").exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("entrant@example.org", "You cannot invite yourself"),
        ("ENTRANT@example.org", "You cannot invite yourself"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("", "Enter the email address of the person you want to invite"),
    ],
)
def test_bad_addresses_are_refused_with_the_form_back(signed_in, draft, email, message):
    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": email, "role": "edit"}
    )
    assert response.status_code == 400
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert 'href="#invite-email"' in response.text
    assert Invitation.objects.count() == 0


def test_a_missing_role_is_asked_for(signed_in, draft):
    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": "someone@example.org"}
    )
    assert response.status_code == 400
    assert "Choose what they may do" in response.text
    assert 'value="someone@example.org"' in response.text  # what was typed is kept


def test_someone_already_on_the_team_is_not_invited_again(signed_in, team_draft):
    response = signed_in.post(
        team_url(team_draft, "entry_team_invite"),
        {"email": "PRIYA.SHAH@example.org", "role": "view"},
    )
    assert response.status_code == 409
    assert "is already on the team (edit). Change their role instead." in response.text
    assert Invitation.objects.count() == 0
    assert Collaborator.objects.get().role == Role.EDIT


def test_a_second_invitation_to_the_same_address_offers_to_send_it_again(
    signed_in, draft, entrant, django_capture_on_commit_callbacks
):
    first = invite(draft, entrant, email="sam@example.org")
    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": "Sam@example.org", "role": "edit"}
    )
    assert response.status_code == 409
    assert "has already been invited and has not answered yet" in response.text
    resend_url = team_url(draft, "entry_team_resend", first.invitation.pk)
    assert resend_url in response.text
    assert Invitation.objects.count() == 1

    # Too soon: refused. A minute on: a new link, and the old one stops working.
    assert "Wait a minute" in signed_in.post(resend_url, follow=True).text
    later = timezone.now() + timedelta(minutes=2)
    with django_capture_on_commit_callbacks(execute=False) as sending:
        team.resend(entry=draft, by=entrant, invitation_id=first.invitation.pk, now=later)
    # The old link stops at once, before the new email goes.
    with pytest.raises(team.InvitationNotFound):
        team.find_invitation(first.token)
    for send in sending:
        send()
    assert len(mail.outbox) == 2
    again = token_in_last_email()
    assert again != first.token
    assert team.find_invitation(again).pk == first.invitation.pk


def test_no_more_people_than_the_category_allows_counting_invitations(
    signed_in, draft, entrant, category
):
    category.collaborator_limit = 2
    category.save_revision().publish()
    draft.refresh_from_db()
    invite(draft, entrant, email="one@example.org")
    invite(draft, entrant, email="two@example.org")

    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": "three@example.org", "role": "edit"}
    )
    assert response.status_code == 409
    assert "This category allows up to 2 people besides the owner" in response.text
    assert Invitation.objects.count() == 2

    # Withdrawing one makes room.
    signed_in.post(team_url(draft, "entry_team_withdraw", Invitation.objects.first().pk))
    assert (
        signed_in.post(
            team_url(draft, "entry_team_invite"), {"email": "three@example.org", "role": "edit"}
        ).status_code
        == 302
    )


def test_a_category_without_teams_takes_no_invitations(signed_in, draft, category):
    category.collaborator_limit = 0
    category.save_revision().publish()
    page = signed_in.get(team_url(draft))
    assert "This category does not take team entries" in page.text
    assert 'name="email"' not in page.text
    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": "sam@example.org", "role": "edit"}
    )
    assert response.status_code == 403
    assert "This category does not take team entries" in response.text
    assert Invitation.objects.count() == 0


def test_only_the_owner_invites(client, team_draft, colleague):
    client.force_login(colleague)
    response = client.post(
        team_url(team_draft, "entry_team_invite"), {"email": "sam@example.org", "role": "edit"}
    )
    assert response.status_code == 403
    assert Invitation.objects.count() == 0
    with pytest.raises(team.NotTheOwner):
        team.invite(entry=team_draft, by=colleague, email="sam@example.org", role=Role.EDIT)


def opened_by(user, token):
    browser = Client()
    if user is not None:
        browser.force_login(user)
    return browser, reverse("team_invitation", args=[token])


def test_an_expired_invitation_says_so_and_who_to_ask(draft, entrant, colleague):
    sent = invite(draft, entrant)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    for user in (colleague, None):
        browser, url = opened_by(user, sent.token)
        for method in ("get", "post"):
            response = getattr(browser, method)(url)
            assert response.status_code == 410
            assert "This invitation expired on" in response.text
            assert "Ask Ada Entrant to send you a new one." in response.text
    assert not Collaborator.objects.exists()


def test_a_withdrawn_invitation_says_so(signed_in, draft, entrant, colleague):
    sent = invite(draft, entrant)
    signed_in.post(team_url(draft, "entry_team_withdraw", sent.invitation.pk))
    browser, url = opened_by(colleague, sent.token)
    response = browser.post(url)
    assert response.status_code == 410
    assert "This invitation was withdrawn by Ada Entrant" in response.text
    assert not Collaborator.objects.exists()


def test_an_invitation_used_by_one_person_cannot_be_used_by_another(draft, entrant, colleague):
    sent = invite(draft, entrant)
    team.accept(token=sent.token, user=colleague)
    # Someone else with the link (forwarded email): already used.
    other = build_user("sam@example.org")
    browser, url = opened_by(other, sent.token)
    response = browser.post(url)
    assert response.status_code == 410
    assert "This invitation has already been used" in response.text
    assert list(Collaborator.objects.values_list("user", flat=True)) == [colleague.pk]


def test_an_invitation_opened_by_another_account_is_refused_and_offers_to_sign_out(
    draft, entrant, other_entrant
):
    sent = invite(draft, entrant)
    browser, url = opened_by(other_entrant, sent.token)
    for method in ("get", "post"):
        response = getattr(browser, method)(url)
        assert response.status_code == 403
        assert "This invitation is for priya.shah@example.org" in response.text
        assert "you are signed in with another email address" in response.text
        assert reverse("account_logout") in response.text
    assert not Collaborator.objects.exists()
    assert Invitation.objects.get().accepted_at is None  # still there for Priya


def test_an_unconfirmed_address_must_be_confirmed_first(draft, entrant):
    unconfirmed = build_user("priya.shah@example.org", verified=False)
    sent = invite(draft, entrant)
    browser, url = opened_by(unconfirmed, sent.token)
    response = browser.post(url)
    assert response.status_code == 403
    assert "Confirm that email address" in response.text
    assert not Collaborator.objects.exists()


def test_a_made_up_link_is_not_found(client):
    response = client.get(reverse("team_invitation", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.text


def test_a_removed_person_cannot_use_their_old_link_to_come_back(draft, entrant, colleague):
    sent = invite(draft, entrant)
    team.accept(token=sent.token, user=colleague)
    member = Collaborator.objects.get()
    team.remove(entry=draft, by=entrant, collaborator_id=member.pk)
    browser, url = opened_by(colleague, sent.token)
    assert browser.post(url).status_code == 410
    assert not Collaborator.objects.exists()


def test_the_invitation_email_is_not_sent_once_withdrawn(
    draft, entrant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = team.invite(entry=draft, by=entrant, email="sam@example.org", role="edit")
    team.withdraw(entry=draft, by=entrant, invitation_id=invitation.pk)
    for callback in callbacks:
        callback()
    assert mail.outbox == []


def test_someone_with_their_own_draft_there_lands_on_the_shared_entry_not_theirs(
    draft, entrant, colleague, category
):
    theirs = services.start_entry(user=colleague, page=category)
    sent = invite(draft, entrant)
    browser, url = opened_by(colleague, sent.token)
    landed = browser.post(url)["Location"]
    assert landed == f"{category.url}?entry={draft.public_id}#entry"
    page = browser.get(landed.split("#")[0])
    assert reverse("entry_save", args=[draft.public_id]) in page.text
    assert reverse("entry_save", args=[theirs.public_id]) not in page.text
    # Without naming it, the page shows her own; My entries names the shared one.
    assert reverse("entry_save", args=[theirs.public_id]) in browser.get(category.url).text
    assert f"?entry={draft.public_id}#entry" in browser.get(reverse("my_entries")).text
    # A made-up or another person's id in the address changes nothing.
    assert reverse("entry_save", args=[theirs.public_id]) in (
        browser.get(category.url + "?entry=nonsense").text
    )


def test_an_entry_sends_at_most_so_many_invitations_a_day(signed_in, draft, entrant, category):
    category.collaborator_limit = 100
    category.save_revision().publish()
    draft.refresh_from_db()
    for n in range(team.DAILY_INVITATIONS):
        invitation = team.invite(
            entry=draft, by=entrant, email=f"person{n}@example.org", role="edit"
        )
        team.withdraw(entry=draft, by=entrant, invitation_id=invitation.pk)
    response = signed_in.post(
        team_url(draft, "entry_team_invite"), {"email": "one.more@example.org", "role": "edit"}
    )
    assert response.status_code == 429
    assert "as many invitations as it may in one day" in response.text
    assert not Invitation.objects.filter(email="one.more@example.org").exists()
    tomorrow = timezone.now() + timedelta(days=1, minutes=1)
    assert invite(draft, entrant, email="one.more@example.org", now=tomorrow)


def test_the_token_is_made_when_the_email_is_sent_never_queued_or_stored(
    draft, entrant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as sending:
        invitation = team.invite(entry=draft, by=entrant, email="sam@example.org", role="edit")
    # What the queue holds is the invitation's id alone.
    assert len(sending) == 1
    assert not mail.outbox
    for send in sending:
        send()
    token = token_in_last_email()
    invitation.refresh_from_db()
    assert invitation.token_digest == token_digest(token)
    assert token not in invitation.token_digest
