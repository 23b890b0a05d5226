"""Only the two staff groups the site uses: Wagtail's own "Editors" and "Moderators" go.

Wagtail's migrations create "Editors" and "Moderators"; this site's roles are
"Awards editors" and "Entries managers" (home/staff_groups.py, kept in step
after every migrate). Anyone in either of Wagtail's groups joins "Awards
editors", and the moderation task Wagtail made for "Moderators" (the
"Moderators approval" workflow on the whole tree) asks "Awards editors"
instead, who may publish, so "Submit for moderation" still reaches someone.

Backwards, the two groups come back with admin access, and the approval task
asks "Moderators" again; their page and image permissions and their members
are not restored.
"""

from django.conf import settings
from django.db import migrations

AWARDS_EDITORS = "Awards editors"  # home.staff_groups.EDITORS, as it was at this migration
WAGTAIL_GROUPS = ["Editors", "Moderators"]
OLD_APPROVAL = "Moderators approval"
NEW_APPROVAL = "Awards editors approval"


def _rename_approval(apps, old: str, new: str) -> None:
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)


def only_the_two_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    old_groups = list(Group.objects.filter(name__in=WAGTAIL_GROUPS))
    if not old_groups:
        return
    editors, _ = Group.objects.get_or_create(name=AWARDS_EDITORS)
    for user in User.objects.filter(groups__in=old_groups).distinct():
        user.groups.add(editors)
    for task in GroupApprovalTask.objects.filter(groups__in=old_groups).distinct():
        task.groups.remove(*old_groups)
        task.groups.add(editors)
    _rename_approval(apps, OLD_APPROVAL, NEW_APPROVAL)
    Group.objects.filter(pk__in=[group.pk for group in old_groups]).delete()


def bring_back_wagtails_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in WAGTAIL_GROUPS}
    if access_admin is not None:
        for group in groups.values():
            group.permissions.add(access_admin)
    for task in GroupApprovalTask.objects.filter(name=NEW_APPROVAL):
        task.groups.set([groups["Moderators"]])
    _rename_approval(apps, NEW_APPROVAL, OLD_APPROVAL)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        # Every migration of Wagtail's that creates or grants to the two groups.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(only_the_two_groups, bring_back_wagtails_groups)]
