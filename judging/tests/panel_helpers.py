"""Staff accounts and categories for the tests of the organisers' panel pages."""

from __future__ import annotations

from django.contrib.auth.models import Group

from awards.tests.builders import build_category
from forms.tests.builders import build_entry_form, build_user

from .builders import weighted_criteria


def staff(email: str, group: str):
    user = build_user(email, is_staff=True, first_name="Olu", last_name="Organiser")
    user.groups.add(Group.objects.get(name=group))
    return user


def entries_manager():
    return staff("manager@example.org", "Entries managers")


def awards_editor():
    return staff("editor@example.org", "Awards editors")


def sibling_category(judged_category, title: str, *, criteria=True):
    """Another category of the same programme, with or without criteria sections."""
    return build_category(
        judged_category.get_parent().specific,
        title=title,
        reference_code=title[:3].upper(),
        entry_form=build_entry_form(),
        criteria=weighted_criteria() if criteria else [],
    )
