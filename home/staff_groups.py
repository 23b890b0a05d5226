"""The staff roles, kept in step with the code after every migrate.

"Awards editors" build the site: pages, contacts, sponsors, entry forms,
images and documents. They never see entries. "Entries managers" see,
manage and export entries, which hold entrants' personal data, and run
judging (panels, judges, conflicts). "Judges" score the entries given to
them on the public site and have no admin access at all.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from judging.invitations import JUDGES_GROUP

EDITORS = "Awards editors"
ENTRIES_MANAGERS = "Entries managers"

EDITOR_MODEL_PERMS = {
    "awards": {"contact": ["add", "change", "delete"], "sponsor": ["add", "change", "delete"]},
    "forms": {"entryform": ["add", "change", "delete", "publish", "lock", "unlock"]},
}
EDITOR_SETTINGS_PERMS = [("awards", "change_sitesettings")]
PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MANAGER_PERMS = [
    ("forms", "view_entry"),
    ("forms", "manage_entry"),
    ("forms", "export_entry"),
    ("judging", "manage_judging"),
]


def _perms(pairs):
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def ensure_staff_groups(**kwargs) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    admin_access = [("wagtailadmin", "access_admin")]
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    model_perms = [
        (app, f"{action}_{model}")
        for app, models in EDITOR_MODEL_PERMS.items()
        for model, actions in models.items()
        for action in actions
    ]
    editors.permissions.add(*_perms(admin_access + model_perms + EDITOR_SETTINGS_PERMS))
    root = Page.get_first_root_node()
    if root is not None:
        for permission in _perms(("wagtailcore", p) for p in PAGE_PERMS):
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission
            )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for permission in _perms(COLLECTION_PERMS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=collection, permission=permission
            )

    managers, _ = Group.objects.get_or_create(name=ENTRIES_MANAGERS)
    managers.permissions.add(*_perms(admin_access + MANAGER_PERMS))

    Group.objects.get_or_create(name=JUDGES_GROUP)  # no permissions: judges stay out of the admin
