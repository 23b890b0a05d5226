"""The Team page of an entry, and the owner's invitations from it: invite, resend, withdraw.

Thin views over forms.team; the members' pages are in team_members.py, the invitation's
link in invitation_link.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import team
from ..access import OWNER, VIEW
from ..exceptions import EntryError
from ..hosting import as_host, collaborator_limit
from ..models import Collaborator, Entry, EntryStatus, Role
from ..selectors import entry_for_person

ROLE_CHOICES = [(role.value, role.label) for role in Role]


class InviteForm(forms.Form):
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": "Enter the email address of the person you want to invite",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    role = forms.ChoiceField(
        choices=ROLE_CHOICES,
        error_messages={
            "required": "Choose what they may do",
            "invalid_choice": "Choose what they may do",
        },
    )


def roles_with_descriptions():
    return [(role.value, role.label, team.ROLE_DESCRIPTIONS[role]) for role in Role]


def team_url(entry: Entry) -> str:
    return reverse("entry_team", args=[entry.public_id])


def _problems(form: forms.Form) -> list[dict[str, str]]:
    return [
        {"field_id": f"invite-{name}" if name != "__all__" else "invite-email", "message": error}
        for name, errors in form.errors.items()
        for error in errors
    ]


def _team_page(request, entry: Entry, *, form=None, status=200, offer_resend=None):
    is_owner = entry.role == OWNER
    members = list(Collaborator.objects.filter(entry_id=entry.pk).select_related("user"))
    now = timezone.now()
    invitations = list(entry.invitations.pending(now)) if is_owner else []
    limit = collaborator_limit(as_host(entry.page))
    form = form or InviteForm(initial={"role": Role.EDIT.value})
    return render(
        request,
        "forms/team.html",
        {
            "entry": entry,
            "page": None,
            "category": entry.page,
            "is_owner": is_owner,
            "owner_name": team.person_name(entry.entrant),
            "owner": entry.entrant,
            "members": members,
            "me": next((m for m in members if m.user_id == request.user.pk), None),
            "invitations": invitations,
            "limit": limit,
            "places_left": max(limit - len(members) - len(invitations), 0),
            "form": form,
            "problems": _problems(form) if form.is_bound else [],
            "roles": roles_with_descriptions(),
            "descriptions": team.ROLE_DESCRIPTIONS,
            "offer_resend": offer_resend,
            "entry_url": entry_address(entry),
        },
        status=status,
    )


def entry_address(entry: Entry, user=None) -> str:
    """Where the entry is worked on: its category page's form while a draft (naming the
    entry for anyone but its owner, forms.team.work_address), else its own page."""
    if entry.status == EntryStatus.DRAFT and getattr(entry.page, "url", None):
        if user is not None and not hasattr(entry, "role"):
            entry.role = OWNER if entry.entrant_id == user.pk else Role.VIEW
        return team.work_address(entry)
    return reverse("entry_detail", args=[entry.public_id])


@login_required
@never_cache
@require_http_methods(["GET"])
def team_page(request, public_id: str):
    """Who works on the entry. Everyone on the team sees it; the owner manages it."""
    entry = entry_for_person(request.user, public_id, VIEW)
    return _team_page(request, entry)


@login_required
@never_cache
@require_POST
def invite(request, public_id: str):
    entry = entry_for_person(request.user, public_id, OWNER)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _team_page(request, entry, form=form, status=400)
    try:
        invitation = team.invite(
            entry=entry,
            by=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
        )
    except team.AlreadyInvited as error:
        form.add_error("email", error.message)
        return _team_page(
            request, entry, form=form, status=error.status_code, offer_resend=error.invitation
        )
    except EntryError as error:
        form.add_error("email", error.message)
        return _team_page(request, entry, form=form, status=error.status_code)
    messages.success(
        request,
        f"Invitation sent to {invitation.email}. They have "
        f"{team.INVITATION_LIFETIME.days} days to accept it.",
    )
    return redirect(team_url(entry))


def _owner_action(request, public_id: str, action):
    entry = entry_for_person(request.user, public_id, OWNER)
    try:
        done = action(entry)
    except EntryError as error:
        messages.error(request, error.message)
        return redirect(team_url(entry))
    messages.success(request, done)
    return redirect(team_url(entry))


@login_required
@never_cache
@require_POST
def resend(request, public_id: str, invitation_id: int):
    def action(entry):
        invitation = team.resend(entry=entry, by=request.user, invitation_id=invitation_id)
        return f"Invitation sent again to {invitation.email}, with a new link."

    return _owner_action(request, public_id, action)


@login_required
@never_cache
@require_POST
def withdraw(request, public_id: str, invitation_id: int):
    def action(entry):
        invitation = team.withdraw(entry=entry, by=request.user, invitation_id=invitation_id)
        return f"Invitation to {invitation.email} withdrawn. Its link no longer works."

    return _owner_action(request, public_id, action)
