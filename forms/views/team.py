"""The Team page of an entry, and the invitation link: thin views over forms.team."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
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


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        choices=ROLE_CHOICES,
        error_messages={
            "required": "Choose what they may do",
            "invalid_choice": "Choose what they may do",
        },
    )


def roles_with_descriptions():
    return [(role.value, role.label, team.ROLE_DESCRIPTIONS[role]) for role in Role]


def _team_url(entry: Entry) -> str:
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
    return redirect(_team_url(entry))


def _owner_action(request, public_id: str, action):
    entry = entry_for_person(request.user, public_id, OWNER)
    try:
        done = action(entry)
    except EntryError as error:
        messages.error(request, error.message)
        return redirect(_team_url(entry))
    messages.success(request, done)
    return redirect(_team_url(entry))


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


def _member_or_404(entry: Entry, collaborator_id: int) -> Collaborator:
    try:
        return team.member_of(entry, collaborator_id)
    except team.NotOnTeam:
        raise Http404("Not on this team") from None


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def change_role(request, public_id: str, collaborator_id: int):
    entry = entry_for_person(request.user, public_id, OWNER)
    member = _member_or_404(entry, collaborator_id)
    form = RoleForm(request.POST or None, initial={"role": member.role})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                team.change_role(
                    entry=entry,
                    by=request.user,
                    collaborator_id=member.pk,
                    role=form.cleaned_data["role"],
                )
            except EntryError as error:
                form.add_error("role", error.message)
                status = error.status_code
            else:
                member.refresh_from_db()
                messages.success(
                    request,
                    f"{team.person_name(member.user)}'s role is now “{member.get_role_display()}”.",
                )
                return redirect(_team_url(entry))
        else:
            status = 400
    return render(
        request,
        "forms/team_role.html",
        {
            "entry": entry,
            "page": None,
            "member": member,
            "name": team.person_name(member.user),
            "form": form,
            "roles": roles_with_descriptions(),
            "chosen": form["role"].value(),
            "problems": [
                {"field_id": "role-view", "message": error} for error in form.errors.get("role", [])
            ],
        },
        status=status,
    )


def _confirm_page(request, entry, *, title, text, button, action_url, status=200, error=""):
    return render(
        request,
        "forms/team_confirm.html",
        {
            "entry": entry,
            "page": None,
            "title": title,
            "text": text,
            "button": button,
            "action_url": action_url,
            "error": error,
        },
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def remove(request, public_id: str, collaborator_id: int):
    entry = entry_for_person(request.user, public_id, OWNER)
    member = _member_or_404(entry, collaborator_id)
    name = team.person_name(member.user)
    if request.method == "POST":
        try:
            team.remove(entry=entry, by=request.user, collaborator_id=member.pk)
        except EntryError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{name} has been removed from the team.")
        return redirect(_team_url(entry))
    return _confirm_page(
        request,
        entry,
        title=f"Remove {name} from the team?",
        text=(
            f"{name} will no longer be able to see or change this entry. Their answers "
            "already saved stay in the entry. You can invite them again later."
        ),
        button=f"Remove {name}",
        action_url=request.path,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def leave(request, public_id: str):
    entry = entry_for_person(request.user, public_id, VIEW)
    if request.method == "POST":
        try:
            team.leave(entry=entry, user=request.user)
        except EntryError as error:
            messages.error(request, error.message)
            return redirect(_team_url(entry))
        messages.success(request, f"You have left the team for the entry to {entry.page.title}.")
        return redirect("my_entries")
    if entry.role == OWNER:
        return _confirm_page(
            request,
            entry,
            title="You own this entry",
            text="You cannot leave an entry you own. Hand it over to someone on the team first.",
            button="",
            action_url="",
        )
    return _confirm_page(
        request,
        entry,
        title="Leave the team for this entry?",
        text=(
            f"You will no longer be able to see or change this entry. Your answers already "
            f"saved stay in it. {team.person_name(entry.entrant)} can invite you again."
        ),
        button="Leave the team",
        action_url=request.path,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def hand_over(request, public_id: str):
    entry = entry_for_person(request.user, public_id, OWNER)
    members = list(Collaborator.objects.filter(entry_id=entry.pk).select_related("user"))
    error, status, chosen = "", 200, request.POST.get("collaborator", "")
    if request.method == "POST":
        if not chosen.isdigit():
            error, status = "Choose who will own the entry", 400
        else:
            try:
                entry = team.hand_over(entry=entry, by=request.user, collaborator_id=int(chosen))
            except EntryError as error_:
                error, status = error_.message, error_.status_code
            else:
                messages.success(
                    request,
                    f"{team.person_name(entry.entrant)} now owns this entry. You are on the "
                    "team and can still edit and submit it.",
                )
                return redirect(_team_url(entry))
    return render(
        request,
        "forms/team_hand_over.html",
        {
            "entry": entry,
            "page": None,
            "members": [(m, team.person_name(m.user)) for m in members],
            "chosen": chosen,
            "error": error,
        },
        status=status,
    )


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
            "signup_url": (
                reverse("account_signup")
                + "?"
                + urlencode({"next": next_url, "email": invitation.email if invitation else ""})
            ),
            "login_url": reverse("account_login") + "?" + urlencode({"next": next_url}),
            "next_url": next_url,
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


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
