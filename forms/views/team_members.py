"""The owner's pages for the people on the team: change a role, remove someone, hand the
entry over; and a collaborator's page to leave. Thin views over forms.team."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import team
from ..access import OWNER, VIEW
from ..exceptions import EntryError
from ..models import Collaborator, Entry
from ..selectors import entry_for_person
from .team import ROLE_CHOICES, roles_with_descriptions, team_url


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        choices=ROLE_CHOICES,
        error_messages={
            "required": "Choose what they may do",
            "invalid_choice": "Choose what they may do",
        },
    )


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
                return redirect(team_url(entry))
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
        return redirect(team_url(entry))
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
            return redirect(team_url(entry))
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
                return redirect(team_url(entry))
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
