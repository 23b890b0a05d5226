"""Only the site's groups exist (the two staff groups the README describes, and the
judges, who have no admin access), and Wagtail's moderation asks one of them."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Task, Workflow

from forms.tests.builders import build_user
from home.staff_groups import EDITORS, ENTRIES_MANAGERS
from judging.invitations import JUDGES_GROUP

pytestmark = pytest.mark.django_db

migration = importlib.import_module("home.migrations.0002_only_the_two_staff_groups")
SITE_GROUPS = {EDITORS, ENTRIES_MANAGERS, JUDGES_GROUP}


def test_a_migrated_database_has_only_the_sites_groups():
    # The test database is built by running every migration, as a new site's is.
    assert set(Group.objects.values_list("name", flat=True)) == SITE_GROUPS


def test_wagtails_default_moderation_asks_the_awards_editors():
    task = GroupApprovalTask.objects.get()
    assert task.name == "Awards editors approval"
    assert [group.name for group in task.groups.all()] == [EDITORS]
    assert Workflow.objects.get().name == "Awards editors approval"
    assert task.groups.get().permissions.filter(codename="access_admin").exists()


def test_members_of_wagtails_groups_join_the_awards_editors():
    editors = Group.objects.get(name=EDITORS)
    wagtail_editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    task = Task.objects.get().specific
    task.groups.set([moderators])
    task.name = "Moderators approval"
    task.save()
    ed = build_user("ed@example.org", is_staff=True)
    mo = build_user("mo@example.org", is_staff=True)
    ed.groups.add(wagtail_editors)
    mo.groups.add(moderators, editors)

    migration.only_the_two_groups(apps, None)

    assert set(Group.objects.values_list("name", flat=True)) == SITE_GROUPS
    assert [g.name for g in ed.groups.all()] == [EDITORS]
    assert [g.name for g in mo.groups.all()] == [EDITORS]
    task.refresh_from_db()
    assert task.name == "Awards editors approval"
    assert [g.name for g in task.groups.all()] == [EDITORS]


def test_going_back_restores_wagtails_groups_and_their_approval_task():
    migration.bring_back_wagtails_groups(apps, None)

    assert {"Editors", "Moderators"} <= set(Group.objects.values_list("name", flat=True))
    task = GroupApprovalTask.objects.get()
    assert task.name == "Moderators approval"
    assert [g.name for g in task.groups.all()] == ["Moderators"]
    assert Group.objects.get(name="Moderators").permissions.filter(codename="access_admin")

    migration.only_the_two_groups(apps, None)
    assert set(Group.objects.values_list("name", flat=True)) == SITE_GROUPS
