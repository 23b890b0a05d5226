"""The invitation link from the email: sign up or sign in, then join the entry's team."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.invitation_links import not_indexed, sign_in_links

from .. import team
from ..exceptions import EntryError
from .team import entry_address


def _invitation_page(request, invitation, *, status=200, error=None):
    """The invitation's page. Its address holds the link's token: kept out of search
    engines, and (the site's Referrer-Policy: same-origin) out of other sites' logs."""
    next_url = request.path
    response = render(
        request,
        "forms/invitation.html",
        {
            "page": None,
            "invitation": invitation,
            "entry": invitation.entry if invitation else None,
            "category": invitation.entry.page if invitation else None,
            "inviter": (
                team.person_name(invitation.invited_by or invitation.entry.entrant)
                if invitation
                else ""
            ),
            "role_description": team.ROLE_DESCRIPTIONS[invitation.role] if invitation else "",
            "error": error,
            **sign_in_links(next_url, invitation.email if invitation else ""),
        },
        status=status,
    )
    return not_indexed(response)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """The link in the invitation email. Visitors are asked to create an account or sign
    in, and come back here; the invited account joins with a button."""
    try:
        found = team.find_invitation(token)
    except EntryError as error:
        return _invitation_page(request, None, status=error.status_code, error=error)
    try:
        team.check_usable(found, request.user)
    except EntryError as error:
        return _invitation_page(request, found, status=error.status_code, error=error)
    if not request.user.is_authenticated:
        return _invitation_page(request, found)
    if found.accepted_at is not None:  # the same person, again: straight to the entry
        return HttpResponseRedirect(entry_address(found.entry, request.user))
    if request.method == "GET":
        return _invitation_page(request, found)
    try:
        entry = team.accept(token=token, user=request.user)
    except EntryError as error:
        return _invitation_page(request, found, status=error.status_code, error=error)
    entry.page = found.entry.page
    messages.success(
        request,
        f"You have joined the team for {team.person_name(entry.entrant)}'s entry to "
        f"{entry.page.title}.",
    )
    return HttpResponseRedirect(entry_address(entry, request.user))
