"""A judge is invited by email, and the invited address's account accepts: it joins the
panel, the Judges group, and gets entries to judge."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forms.tests.builders import build_user
from judging import invitations
from judging.models import Assignment, JudgeInvitation, PanelJudge

from .builders import build_panel, build_submitted_entry
from .panel_helpers import entries_manager


@pytest.fixture
def panel(judged_category):
    build_submitted_entry(judged_category)
    build_submitted_entry(judged_category)
    return build_panel([judged_category])


@pytest.fixture
def manager(db):
    return entries_manager()


def invite_through_the_page(client, panel, manager, capture, email="ngozi@judges.example.org"):
    client.force_login(manager)
    with capture(execute=True):
        response = client.post(
            reverse("judging_panels:invite", args=[panel.pk]),
            {"email": email, "name": "Ngozi Adebayo"},
        )
    assert response.status_code == 302
    assert "Invitation sent to" in client.get(response["Location"]).content.decode()
    return link_in(mail.outbox[-1])


def link_in(message) -> str:
    return re.search(r"http://\S+/judging/invitations/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_invite_email_accept_and_entries_to_judge(
    client, panel, manager, django_capture_on_commit_callbacks
):
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.to == ["ngozi@judges.example.org"]
    assert message.subject.startswith("You are invited to judge Performance Recovery Award for ")
    assert "Hello Ngozi Adebayo" in message.body

    page = client.get(reverse("judging_panels:dashboard", args=[panel.pk])).content.decode()
    assert "ngozi@judges.example.org" in page and "Invited, not yet accepted" in page

    client.logout()
    response = client.get(path_of(link))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sign in or create an account with ngozi@judges.example.org to accept" in html
    assert "next=" + path_of(link).replace("/", "%2F") in html

    judge = build_user("ngozi@judges.example.org", first_name="Ngozi", organisation="Elsewhere")
    client.force_login(judge)
    assert "Accept and join the panel" in client.get(path_of(link)).content.decode()
    response = client.post(path_of(link))
    assert response.status_code == 302
    assert response["Location"] == "/judging/"
    assert PanelJudge.objects.get(panel=panel).judge == judge
    assert judge.groups.filter(name=invitations.JUDGES_GROUP).exists()
    assert Assignment.objects.filter(judge=judge, removed_at=None).count() == 2
    assert JudgeInvitation.objects.get().accepted_at is not None

    # The link again: straight to the judge's entries.
    again = client.get(path_of(link))
    assert again.status_code == 302 and again["Location"] == "/judging/"


def test_another_account_is_refused_without_either_address_in_full(
    client, panel, manager, django_capture_on_commit_callbacks
):
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    someone = build_user("kwame@other.example.org")
    client.force_login(someone)
    for method in ("get", "post"):
        response = getattr(client, method)(path_of(link))
        assert response.status_code == 403
        html = response.content.decode()
        assert "This invitation is for someone else" in html
        assert "ngozi@judges.example.org" not in html
        assert "kwame@other.example.org" not in html
    assert not PanelJudge.objects.exists()
    assert not Group.objects.get(name="Judges").user_set.exists()


def test_an_unconfirmed_address_must_be_confirmed_first(
    client, panel, manager, django_capture_on_commit_callbacks
):
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    client.force_login(build_user("ngozi@judges.example.org", verified=False))
    response = client.post(path_of(link))
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not PanelJudge.objects.exists()


def test_an_expired_invitation_is_gone(client, panel, manager, django_capture_on_commit_callbacks):
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    JudgeInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(build_user("ngozi@judges.example.org"))
    response = client.post(path_of(link))
    assert response.status_code == 410
    html = response.content.decode()
    assert "This invitation expired on" in html
    assert "manager@example.org" in html  # who to contact
    assert not PanelJudge.objects.exists()


def test_a_withdrawn_invitation_stops_working(
    client, panel, manager, django_capture_on_commit_callbacks
):
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    invitation = JudgeInvitation.objects.get()
    response = client.post(reverse("judging_panels:withdraw", args=[panel.pk, invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    dashboard = client.get(reverse("judging_panels:dashboard", args=[panel.pk])).content.decode()
    assert "Invited, not yet accepted" not in dashboard

    client.force_login(build_user("ngozi@judges.example.org"))
    response = client.get(path_of(link))
    assert response.status_code == 410
    assert "This invitation has been withdrawn" in response.content.decode()


def test_sending_again_makes_a_new_link_and_the_old_one_stops(
    client, panel, manager, django_capture_on_commit_callbacks
):
    first = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    invitation = JudgeInvitation.objects.get()
    JudgeInvitation.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    JudgeInvitation.objects.update(
        expires_at=invitation.expires_at - timedelta(minutes=5)
    )  # sent five minutes ago
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("judging_panels:resend", args=[panel.pk, invitation.pk]))
    assert response.status_code == 302
    second = link_in(mail.outbox[-1])
    assert second != first
    assert client.get(path_of(first)).status_code == 404
    client.logout()
    assert client.get(path_of(second)).status_code == 200


def test_inviting_an_address_twice_offers_to_send_again(
    client, panel, manager, django_capture_on_commit_callbacks
):
    invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    response = client.post(
        reverse("judging_panels:invite", args=[panel.pk]), {"email": "NGOZI@judges.example.org"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "has already been invited to this panel" in html
    assert "Send the invitation to ngozi@judges.example.org again" in html
    assert JudgeInvitation.objects.count() == 1


def test_a_bad_address_is_refused_with_what_was_typed(client, panel, manager):
    client.force_login(manager)
    response = client.post(
        reverse("judging_panels:invite", args=[panel.pk]),
        {"email": "not-an-address", "name": "Ngozi"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an email address in the correct format" in html
    assert 'value="not-an-address"' in html
    assert not JudgeInvitation.objects.exists()
    assert not mail.outbox


def test_an_unknown_link_is_404(client, db):
    response = client.get(reverse("judging:invitation", args=["no-such-token"]))
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_a_judge_who_left_and_is_invited_again_rejoins(
    client, panel, manager, django_capture_on_commit_callbacks
):
    judge = build_user("ngozi@judges.example.org", organisation="Elsewhere")
    PanelJudge.objects.create(panel=panel, judge=judge, left_at=timezone.now())
    link = invite_through_the_page(client, panel, manager, django_capture_on_commit_callbacks)
    client.force_login(judge)
    assert client.post(path_of(link)).status_code == 302
    membership = PanelJudge.objects.get(panel=panel, judge=judge)
    assert membership.left_at is None
