"""Organisers' admin for leaderboards, exports and results (Wagtail hooks)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import results_views as views
from .panels_hooks import JUDGING_MENU_HOOK


@hooks.register("register_admin_urls")
def leaderboard_urls():
    return [
        path("leaderboards/", views.index, name="judging_leaderboards"),
        path("leaderboards/<int:page_id>/", views.category_board, name="judging_leaderboard"),
        path(
            "leaderboards/<int:page_id>/outcome/",
            views.set_outcome,
            name="judging_leaderboard_outcome",
        ),
        path(
            "leaderboards/<int:page_id>/shortlist-email/",
            views.shortlist_email,
            name="judging_shortlist_email",
        ),
        path(
            "leaderboards/<int:page_id>/export.<str:fmt>",
            views.export,
            name="judging_leaderboard_export",
        ),
    ]


class LeaderboardsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.MANAGE)


@hooks.register(JUDGING_MENU_HOOK)
def leaderboards_menu_item():
    """In the "Judging" menu, after Panels."""
    return LeaderboardsMenuItem(
        "Leaderboards", reverse("judging_leaderboards"), icon_name="list-ol", order=300
    )
