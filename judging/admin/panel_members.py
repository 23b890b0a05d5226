"""A judge leaving a panel at an organiser's word: the row stays (so their submitted
sheets still count), their unfinished entries go to the others."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..assignment import assign
from ..invitations import InvitationError
from ..models import Panel, PanelJudge


def remove_judge(*, panel: Panel, membership_id: int, now: datetime | None = None):
    """The judge leaves the panel: their unfinished entries go to others, their
    submitted sheets stay. Returns the membership and the assignment report."""
    now = now or timezone.now()
    with transaction.atomic():
        membership = (
            PanelJudge.objects.select_for_update()
            .select_related("judge")
            .filter(panel=panel, pk=membership_id)
            .first()
        )
        if membership is None:
            raise InvitationError("That person is not on this panel.", 404)
        if membership.left_at is None:
            membership.left_at = now
            membership.save(update_fields=["left_at"])
        report = assign(panel)
    return membership, report
