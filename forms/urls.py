from django.urls import path

from . import views
from .views import invitation_link, team, team_members

urlpatterns = [
    path("", views.my_entries, name="my_entries"),
    path("start/<int:page_id>/", views.start, name="entry_start"),
    path("start/<int:page_id>/eligibility/", views.eligibility, name="eligibility_check"),
    path("invitations/<str:token>/", invitation_link.invitation, name="team_invitation"),
    path("partner/<str:token>/", views.partner_link, name="partner_link"),
    path("<str:public_id>/", views.detail, name="entry_detail"),
    path("<str:public_id>/save/", views.save, name="entry_save"),
    path("<str:public_id>/editing/", views.editing_now, name="entry_editing"),
    path("<str:public_id>/partner/", views.partner_ask, name="entry_partner_ask"),
    path("<str:public_id>/review/", views.review, name="entry_review"),
    path("<str:public_id>/submit/", views.submit, name="entry_submit"),
    path("<str:public_id>/submitted/", views.submitted, name="entry_submitted"),
    path("<str:public_id>/history/", views.history, name="entry_history"),
    path(
        "<str:public_id>/history/<int:revision_id>/restore/",
        views.restore,
        name="entry_history_restore",
    ),
    path("<str:public_id>/copy/", views.copy, name="entry_copy"),
    path("<str:public_id>/copied/", views.copied, name="entry_copied"),
    path("<str:public_id>/files/<str:file_id>/", views.download_file, name="entry_file"),
    # The Team page and what the owner (or, to leave, a collaborator) does there.
    path("<str:public_id>/team/", team.team_page, name="entry_team"),
    path("<str:public_id>/team/invite/", team.invite, name="entry_team_invite"),
    path(
        "<str:public_id>/team/invitations/<int:invitation_id>/resend/",
        team.resend,
        name="entry_team_resend",
    ),
    path(
        "<str:public_id>/team/invitations/<int:invitation_id>/withdraw/",
        team.withdraw,
        name="entry_team_withdraw",
    ),
    path(
        "<str:public_id>/team/<int:collaborator_id>/role/",
        team_members.change_role,
        name="entry_team_role",
    ),
    path(
        "<str:public_id>/team/<int:collaborator_id>/remove/",
        team_members.remove,
        name="entry_team_remove",
    ),
    path("<str:public_id>/team/hand-over/", team_members.hand_over, name="entry_team_hand_over"),
    path("<str:public_id>/team/leave/", team_members.leave, name="entry_team_leave"),
]
