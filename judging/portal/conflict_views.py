"""A judge declares a conflict of interest: the entry leaves their list at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import conflicts
from ..access import assignment_for
from .forms import DeclareConflictForm


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def declare(request, public_id: str):
    assignment = assignment_for(request.user, public_id)
    entry = assignment.entry
    form = DeclareConflictForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        conflicts.declare(request.user, entry, form.cleaned_data["reason"].strip())
        messages.success(
            request,
            f"You have declared a conflict of interest with entry {entry.reference}. "
            "It is no longer in your list, and the awards team can see why.",
        )
        return redirect("judging:home")
    return render(
        request,
        "judging/portal/declare_conflict.html",
        {"page": None, "assignment": assignment, "entry": entry, "form": form},
        status=400 if form.is_bound else 200,
    )
