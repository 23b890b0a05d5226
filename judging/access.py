"""What a judge may see: their own assignments, active, on submitted entries, with no
conflict standing, on a panel they still sit on. Anything else is a 404, as for
entries: a judge never learns of an entry not given to them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import Http404

from forms.models import EntryStatus

from . import conflicts
from .models import Assignment, PanelJudge


def is_judge(user) -> bool:
    return user.is_authenticated and PanelJudge.objects.filter(judge=user, left_at=None).exists()


def _standing(judge):
    """The judge's assignments that stand, on submitted entries; whether the judge still
    sits on each panel is asked separately."""
    return Assignment.objects.filter(
        judge=judge, removed_at=None, entry__status=EntryStatus.SUBMITTED
    )


def assignments_for(judge):
    """The entries ``judge`` is to score, with their sheets, in a stable order."""
    return (
        _standing(judge)
        .filter(panel__memberships__judge=judge, panel__memberships__left_at=None)
        .select_related("entry", "panel", "sheet")
        .order_by("entry__page_id", "entry__reference", "pk")
    )


def assignment_for(user, public_id: str) -> Assignment:
    """The judge's assignment to the entry ``public_id``, or 404.

    The conflict check runs here, before the judge sees anything: a collaborator
    or partner added since the assignment was made is caught now.
    """
    if not user.is_authenticated:
        raise Http404
    # The entry's form is not read: a submitted entry is shown from its own snapshot of
    # the questions. Whether the judge still sits on the panel and whether a conflict
    # stands are asked in the same query (EXISTS): joining the membership instead made
    # PostgreSQL's planning alone take longer than the whole query now does.
    assignment = (
        _standing(user)
        .filter(entry__public_id=public_id)
        .select_related("entry", "entry__entrant", "panel", "sheet")
        .annotate(
            sits=Exists(
                PanelJudge.objects.filter(panel=OuterRef("panel_id"), judge=user, left_at=None)
            ),
            conflicted=conflicts.standing_conflict(user, OuterRef("entry_id")),
        )
        .first()
    )
    if assignment is None or not assignment.sits or assignment.conflicted:
        raise Http404
    # Read once: the blind page withholds the same people the check compares.
    assignment.parties = conflicts.entry_parties(assignment.entry)
    if conflicts.detect(user, assignment.entry, assignment.parties) is not None:
        raise Http404
    return assignment
