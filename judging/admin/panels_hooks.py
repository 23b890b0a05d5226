"""Organisers' admin for panels, judges, assignments and conflicts (Wagtail hooks).

A "Judging" menu, shown to whoever may run judging, holds "Panels". Other judging screens
join the menu by setting ``menu_hook = JUDGING_MENU_HOOK`` on their viewset (or by
returning a MenuItem from a function registered for that hook).
"""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy

from ..models import Panel
from .panel_permissions import ManageJudgingPolicy

# Before any view asks for Panel's policy, so Wagtail never makes its model-based fallback.
register_permission_policy(Panel, ManageJudgingPolicy(Panel))

from .panel_viewset import PanelViewSet  # noqa: E402

JUDGING_MENU_HOOK = "register_judging_menu_item"


class JudgingMenu(ViewSetGroup):
    menu_label = "Judging"
    menu_icon = "group"
    menu_order = 250
    submenu_hook = JUDGING_MENU_HOOK
    items = (PanelViewSet,)


@hooks.register("register_admin_viewset")
def register_judging_menu():
    return JudgingMenu()
