"""Only people who run judging reach the panels admin: an entries manager does; an editor,
a judge and an anonymous visitor never see a panel."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from judging.assignment import assign
from judging.models import Assignment, Conflict, ConflictSource, JudgeInvitation, ScoreSheet

from .builders import build_judge, build_panel, build_submitted_entry
from .panel_helpers import awards_editor, entries_manager


@pytest.fixture
def everything(judged_category):
    """A panel with a judge, an invitation, a conflict and a submitted sheet: one of each
    thing an admin URL can name."""
    from django.utils import timezone

    judge = build_judge()
    build_submitted_entry(judged_category)
    panel = build_panel([judged_category], [judge])
    assign(panel)
    sheet = ScoreSheet.objects.create(
        assignment=Assignment.objects.get(), status="submitted", submitted_at=timezone.now()
    )
    invitation = JudgeInvitation.objects.create(
        panel=panel,
        email="invited@example.org",
        token_digest="x" * 64,
        expires_at=timezone.now() + timezone.timedelta(days=3),
    )
    other = build_submitted_entry(judged_category)
    conflict = Conflict.objects.create(
        judge=judge, entry=other, source=ConflictSource.DETECTED, reason="Same organisation"
    )
    membership = panel.memberships.get()
    return {
        "judge": judge,
        "urls": [
            ("get", reverse("judging_panels:index")),
            ("get", reverse("judging_panels:add")),
            ("get", reverse("judging_panels:edit", args=[panel.pk])),
            ("get", reverse("judging_panels:delete", args=[panel.pk])),
            ("get", reverse("judging_panels:history", args=[panel.pk])),
            ("get", reverse("judging_panels:usage", args=[panel.pk])),
            ("get", reverse("judging_panels:dashboard", args=[panel.pk])),
            ("post", reverse("judging_panels:invite", args=[panel.pk])),
            ("post", reverse("judging_panels:assign", args=[panel.pk])),
            ("post", reverse("judging_panels:resend", args=[panel.pk, invitation.pk])),
            ("post", reverse("judging_panels:withdraw", args=[panel.pk, invitation.pk])),
            ("get", reverse("judging_panels:remove_judge", args=[panel.pk, membership.pk])),
            ("post", reverse("judging_panels:remove_judge", args=[panel.pk, membership.pk])),
            ("get", reverse("judging_panels:clear_conflict", args=[panel.pk, conflict.pk])),
            ("post", reverse("judging_panels:clear_conflict", args=[panel.pk, conflict.pk])),
            ("get", reverse("judging_panels:reopen", args=[panel.pk, sheet.pk])),
            ("post", reverse("judging_panels:reopen", args=[panel.pk, sheet.pk])),
        ],
    }


def _refused(response) -> bool:
    if response.status_code == 403:
        return True
    # A redirect away from the panels: Wagtail sends staff without the permission to the
    # dashboard, and people without admin access to its login page.
    return response.status_code == 302 and not urlsplit(response["Location"]).path.startswith(
        "/admin/judging/panels"
    )


def _unchanged():
    from judging.models import PanelJudge

    return (
        PanelJudge.objects.filter(left_at=None).count() == 1
        and ScoreSheet.objects.get().status == "submitted"
        and Conflict.objects.get().cleared_at is None
        and JudgeInvitation.objects.get().withdrawn_at is None
    )


def test_an_awards_editor_is_refused_everywhere(client, everything):
    client.force_login(awards_editor())
    for method, url in everything["urls"]:
        response = getattr(client, method)(url)
        assert _refused(response), (method, url, response.status_code)
        assert "Performance Recovery panel" not in response.content.decode()
    assert _unchanged()


def test_a_judge_is_refused_everywhere(client, everything):
    client.force_login(everything["judge"])
    for method, url in everything["urls"]:
        response = getattr(client, method)(url)
        assert _refused(response), (method, url, response.status_code)
    assert _unchanged()


def test_anonymous_visitors_go_to_the_admin_login(client, everything):
    for method, url in everything["urls"]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    assert _unchanged()


def test_an_entries_manager_reaches_every_page(client, everything):
    client.force_login(entries_manager())
    for method, url in everything["urls"]:
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_the_judging_menu_shows_for_managers_and_not_for_editors(client, everything):
    client.force_login(entries_manager())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Judging" in home and reverse("judging_panels:index") in home
    client.force_login(awards_editor())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("judging_panels:index") not in home


def test_a_superuser_sees_the_judging_menu(client, everything, django_user_model):
    admin = django_user_model.objects.create_superuser("root@example.org", "a-long-password-1")
    client.force_login(admin)
    assert (
        reverse("judging_panels:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.get(reverse("judging_panels:index")).status_code == 200


def test_editors_do_not_get_the_permission_to_run_judging(db):
    from django.contrib.auth.models import Group

    assert (
        not Group.objects.get(name="Awards editors")
        .permissions.filter(codename="manage_judging")
        .exists()
    )
    assert (
        Group.objects.get(name="Entries managers")
        .permissions.filter(codename="manage_judging")
        .exists()
    )
    judges = Group.objects.get(name="Judges")
    assert not judges.permissions.exists()
