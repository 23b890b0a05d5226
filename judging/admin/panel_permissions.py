"""Who runs judging: users with judging.manage_judging (the "Entries managers" group, and
superusers). Editors build pages but never see panels; judges never enter the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.permission_policies import BasePermissionPolicy

MANAGE_JUDGING = "judging.manage_judging"


def may_manage_judging(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(MANAGE_JUDGING))


class ManageJudgingPolicy(BasePermissionPolicy):
    """Every action on panels needs the one permission to run judging."""

    def user_has_permission(self, user, action):
        return may_manage_judging(user)

    def user_has_any_permission(self, user, actions):
        return may_manage_judging(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(
            Q(is_superuser=True)
            | Q(
                user_permissions__content_type__app_label="judging",
                user_permissions__codename="manage_judging",
            )
            | Q(
                groups__permissions__content_type__app_label="judging",
                groups__permissions__codename="manage_judging",
            )
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def forbidden(request) -> TemplateResponse:
    return TemplateResponse(request, "judging/admin/panels/forbidden.html", status=403)
