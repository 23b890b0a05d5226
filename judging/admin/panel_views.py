"""A panel's own page for organisers, and what they do there: invite and remove judges,
assign entries, clear found conflicts, reopen submitted sheets. Thin views over the
judging services; every change is a POST, every refusal a message and a 4xx."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import conflicts, invitations
from ..assignment import assign
from ..models import Conflict, ConflictSource, Panel, ScoreSheet, SheetStatus
from ..sheets import reopen_sheet
from . import panel_progress as progress
from .panel_members import remove_judge as remove_judge_from_panel
from .panel_permissions import forbidden, may_manage_judging


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address of the judge you want to invite",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    name = forms.CharField(label="Name (optional)", max_length=150, required=False)


def organiser_only(view):
    """Only people who run judging get past; anyone else a plain 403."""

    def wrapped(request, *args, **kwargs):
        if not may_manage_judging(request.user):
            return forbidden(request)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


def breadcrumbs(panel: Panel, *more: str) -> list[dict]:
    """Home › Panels › the panel (› what is being done), as Wagtail's own pages show."""
    items = [
        {"url": reverse("wagtailadmin_home"), "label": "Home"},
        {"url": reverse("judging_panels:index"), "label": "Panels"},
        {
            "url": reverse("judging_panels:dashboard", args=[panel.pk]) if more else "",
            "label": panel.name,
        },
    ]
    return items + [{"url": "", "label": label} for label in more]


def _dashboard(request, panel: Panel, *, form=None, status=200, offer_resend=None):
    conflicts_found = progress.panel_conflicts(panel)
    response = TemplateResponse(
        request,
        "judging/admin/panels/dashboard.html",
        {
            "panel": panel,
            "breadcrumbs_items": breadcrumbs(panel),
            "categories": list(panel.categories.order_by("path")),
            "judges": progress.judge_rows(panel),
            "invitations": progress.invitations(panel),
            "entries": list(progress.entry_rows(panel)),
            "conflicts": conflicts_found,
            "sheets": list(progress.submitted_sheets(panel)),
            "form": form or InviteForm(),
            "offer_resend": offer_resend,
            "detected": ConflictSource.DETECTED,
            "lifetime_days": invitations.INVITATION_LIFETIME.days,
        },
        status=status,
    )
    if request.method == "GET" and any(c.new for c in conflicts_found):
        progress.mark_conflicts_seen(panel)  # shown as new once, on this page
    return response


@organiser_only
@require_http_methods(["GET"])
def dashboard(request, pk: int):
    return _dashboard(request, get_object_or_404(Panel, pk=pk))


@organiser_only
@require_POST
def invite(request, pk: int):
    panel = get_object_or_404(Panel, pk=pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _dashboard(request, panel, form=form, status=400)
    try:
        invitation = invitations.invite(
            panel=panel,
            by=request.user,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
        )
    except invitations.AlreadyInvited as error:
        form.add_error("email", error.message)
        return _dashboard(
            request, panel, form=form, status=error.status_code, offer_resend=error.invitation
        )
    except invitations.InvitationError as error:
        form.add_error("email", error.message)
        return _dashboard(request, panel, form=form, status=error.status_code)
    messages.success(
        request,
        f"Invitation sent to {invitation.email}. They have "
        f"{invitations.INVITATION_LIFETIME.days} days to accept it.",
    )
    return redirect("judging_panels:dashboard", panel.pk)


def _act(request, panel: Panel, action):
    try:
        done = action()
    except invitations.InvitationError as error:
        messages.error(request, error.message)
        return _dashboard(request, panel, status=error.status_code)
    messages.success(request, done)
    return redirect("judging_panels:dashboard", panel.pk)


@organiser_only
@require_POST
def resend(request, pk: int, invitation_id: int):
    panel = get_object_or_404(Panel, pk=pk)

    def action():
        invitation = invitations.resend(panel=panel, invitation_id=invitation_id)
        return f"Invitation sent again to {invitation.email}, with a new link."

    return _act(request, panel, action)


@organiser_only
@require_POST
def withdraw(request, pk: int, invitation_id: int):
    panel = get_object_or_404(Panel, pk=pk)

    def action():
        invitation = invitations.withdraw(panel=panel, invitation_id=invitation_id)
        return f"Invitation to {invitation.email} withdrawn. Its link no longer works."

    return _act(request, panel, action)


@organiser_only
@require_POST
def run_assignment(request, pk: int):
    panel = get_object_or_404(Panel, pk=pk)
    report = assign(panel)
    messages.success(request, progress.describe(report))
    return redirect("judging_panels:dashboard", panel.pk)


def _confirm(request, panel, *, title, text, button, serious=False):
    return TemplateResponse(
        request,
        "judging/admin/panels/confirm.html",
        {
            "panel": panel,
            "breadcrumbs_items": breadcrumbs(panel, button),
            "title": title,
            "text": text,
            "button": button,
            "serious": serious,
        },
    )


@organiser_only
@require_http_methods(["GET", "POST"])
def remove_judge(request, pk: int, membership_id: int):
    panel = get_object_or_404(Panel, pk=pk)
    membership = get_object_or_404(
        panel.memberships.select_related("judge"), pk=membership_id, left_at=None
    )
    name = progress.person(membership.judge)
    if request.method == "GET":
        return _confirm(
            request,
            panel,
            title=f"Remove {name} from {panel.name}?",
            text=(
                f"{name} will no longer see this panel's entries. The entries they have not "
                "submitted scores for go to the other judges; the sheets they submitted stay "
                "and still count."
            ),
            button=f"Remove {name}",
            serious=True,
        )

    def action():
        _, report = remove_judge_from_panel(panel=panel, membership_id=membership.pk)
        return f"{name} has left the panel. {progress.describe(report)}"

    return _act(request, panel, action)


@organiser_only
@require_http_methods(["GET", "POST"])
def clear_conflict(request, pk: int, conflict_id: int):
    panel = get_object_or_404(Panel, pk=pk)
    conflict = get_object_or_404(
        Conflict.objects.select_related("judge", "entry"),
        pk=conflict_id,
        entry__page__in=panel.categories.all(),
        cleared_at=None,
    )
    name = progress.person(conflict.judge)
    if conflict.source != ConflictSource.DETECTED:
        messages.error(request, "A conflict the judge declared stands: it cannot be cleared.")
        return _dashboard(request, panel, status=409)
    if request.method == "GET":
        return _confirm(
            request,
            panel,
            title=f"Clear the conflict between {name} and {conflict.entry.reference}?",
            text=(
                f"The site found: {conflict.reason}. Clear it only if you know it is wrong "
                f"(two different bodies with one name, say). {name} gets the entry back, with "
                "anything they had written; the site will not raise this match again."
            ),
            button="Clear the conflict",
        )
    conflicts.clear(conflict, by=request.user)
    messages.success(
        request,
        f"Conflict cleared: {name} judges {conflict.entry.reference} again. "
        "Use “Assign entries” if the entry needs another judge.",
    )
    return redirect("judging_panels:dashboard", panel.pk)


@organiser_only
@require_http_methods(["GET", "POST"])
def reopen(request, pk: int, sheet_id: int):
    panel = get_object_or_404(Panel, pk=pk)
    sheet = get_object_or_404(
        ScoreSheet.objects.select_related("assignment__judge", "assignment__entry"),
        pk=sheet_id,
        assignment__panel=panel,
    )
    name = progress.person(sheet.assignment.judge)
    reference = sheet.assignment.entry.reference
    if sheet.status != SheetStatus.SUBMITTED:
        messages.info(request, f"{name}'s sheet for {reference} is already open.")
        return redirect("judging_panels:dashboard", panel.pk)
    if request.method == "GET":
        return _confirm(
            request,
            panel,
            title=f"Reopen {name}'s score sheet for {reference}?",
            text=(
                f"{name} can change their scores and must submit the sheet again. Until then "
                "it does not count as in."
            ),
            button="Reopen the sheet",
        )
    reopen_sheet(sheet, by=request.user)
    messages.success(request, f"{name}'s score sheet for {reference} is open again.")
    return redirect("judging_panels:dashboard", panel.pk)


def urlpatterns() -> list:
    return [
        path("<int:pk>/", dashboard, name="dashboard"),
        path("<int:pk>/invite/", invite, name="invite"),
        path("<int:pk>/assign/", run_assignment, name="assign"),
        path("<int:pk>/invitations/<int:invitation_id>/resend/", resend, name="resend"),
        path("<int:pk>/invitations/<int:invitation_id>/withdraw/", withdraw, name="withdraw"),
        path("<int:pk>/judges/<int:membership_id>/remove/", remove_judge, name="remove_judge"),
        path("<int:pk>/conflicts/<int:conflict_id>/clear/", clear_conflict, name="clear_conflict"),
        path("<int:pk>/sheets/<int:sheet_id>/reopen/", reopen, name="reopen"),
    ]
