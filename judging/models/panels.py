"""Panels of judges: who judges which categories, and how entries are shared out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AssignmentMode(models.TextChoices):
    ALL = "all", "Every judge on the panel scores every entry"
    SHARED = "shared", "A set number of judges score each entry, shared out evenly"


class Panel(models.Model):
    """Judges for one or more categories (any pages that take entries)."""

    name = models.CharField(max_length=120)
    categories = models.ManyToManyField(
        "wagtailcore.Page",
        related_name="+",
        help_text="The categories whose submitted entries this panel judges.",
    )
    blind = models.BooleanField(
        "blind judging",
        default=False,
        help_text=(
            "Judges see the entry's reference instead of the entrant's name, "
            "organisation and email, and files under neutral names."
        ),
    )
    assignment = models.CharField(
        max_length=10, choices=AssignmentMode.choices, default=AssignmentMode.ALL
    )
    judges_per_entry = models.PositiveSmallIntegerField(
        default=3, help_text="Used when entries are shared out: how many judges score each one."
    )
    qualifying_round = models.BooleanField(
        default=False,
        help_text="Judges first say yes, no or maybe to each entry before scoring it.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    conflicts_seen_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When an organiser last saw the panel's conflicts: later ones show as new.",
    )

    class Meta:
        ordering = ["name"]
        permissions = [
            ("manage_judging", "Can run judging: panels, judges, conflicts and results"),
        ]

    def __str__(self) -> str:
        return self.name


class PanelJudge(models.Model):
    """A judge's place on a panel. Leaving keeps the row (and any submitted sheets)."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judge_memberships"
    )
    added_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["panel", "judge"], name="one_membership_per_panel")
        ]

    def __str__(self) -> str:
        return f"{self.judge} on {self.panel}"

    @property
    def active(self) -> bool:
        return self.left_at is None


class JudgeInvitation(models.Model):
    """An emailed invitation to join a panel, accepted by the invited address's account."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    name = models.CharField(max_length=150, blank=True)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} to {self.panel}"
