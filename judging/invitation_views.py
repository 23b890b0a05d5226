"""The link in a judge's invitation email: thin views over judging.invitations."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.invitation_links import not_indexed, sign_in_links

from . import invitations
from .emails import category_titles


def judging_home() -> str:
    """The judge's list of entries (the portal's "judging:home")."""
    try:
        return reverse("judging:home")
    except NoReverseMatch:  # the portal not installed: its address all the same
        return "/judging/"


def _page(request, invitation, *, status=200, error=None):
    """The invitation's page. Its address holds the link's token: kept out of search
    engines, and (the site's Referrer-Policy: same-origin) out of other sites' logs."""
    next_url = request.path
    email = invitation.email if invitation else ""
    response = render(
        request,
        "judging/invitations/invitation.html",
        {
            "page": None,
            "invitation": invitation,
            "categories": category_titles(invitation.panel) if invitation else "",
            "contact": invitations.contact_for(invitation) if invitation else "the awards team",
            "error": error,
            **sign_in_links(next_url, email),
        },
        status=status,
    )
    return not_indexed(response)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """Visitors are asked to sign in or create an account and come back here; the invited
    account joins the panel with a button; an accepted invitation leads to the entries."""
    try:
        found = invitations.find_invitation(token)
    except invitations.InvitationError as error:
        return _page(request, None, status=error.status_code, error=error)
    if found.accepted_at is not None:
        return HttpResponseRedirect(judging_home())
    try:
        invitations.check_usable(found, request.user)
    except invitations.InvitationError as error:
        return _page(request, found, status=error.status_code, error=error)
    if not request.user.is_authenticated or request.method == "GET":
        return _page(request, found)
    try:
        panel = invitations.accept(token=token, user=request.user)
    except invitations.InvitationError as error:
        return _page(request, found, status=error.status_code, error=error)
    messages.success(
        request, f"You have joined the judging panel for {category_titles(panel)}. Thank you."
    )
    return HttpResponseRedirect(judging_home())
