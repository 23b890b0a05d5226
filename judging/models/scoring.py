"""Who scores which entry, what stands in the way, and the score sheets themselves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Assignment(models.Model):
    """A judge asked to score one entry. A conflict removes it (``removed_at``) without
    deleting it, so a sheet already written is kept and comes back if an organiser
    clears the conflict."""

    panel = models.ForeignKey("judging.Panel", on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judging_assignments"
    )
    entry = models.ForeignKey(
        "forms.Entry", on_delete=models.CASCADE, related_name="judging_assignments"
    )
    created_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_because = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "entry"], name="one_assignment_per_judge_entry"
            )
        ]
        indexes = [models.Index(fields=["judge", "removed_at"])]

    def __str__(self) -> str:
        return f"{self.judge} scores {self.entry}"

    @property
    def active(self) -> bool:
        return self.removed_at is None


class ConflictSource(models.TextChoices):
    DETECTED = "detected", "Found by the site"
    DECLARED = "declared", "Declared by the judge"


class Conflict(models.Model):
    """A reason a judge must not judge an entry: found by matching organisations and
    email domains, or declared by the judge. An organiser may clear a found one that is
    wrong (two different trusts with one name); a declared one stands."""

    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judging_conflicts"
    )
    entry = models.ForeignKey(
        "forms.Entry", on_delete=models.CASCADE, related_name="judging_conflicts"
    )
    source = models.CharField(max_length=10, choices=ConflictSource.choices)
    reason = models.TextField()
    found_at = models.DateTimeField(default=timezone.now)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-found_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "entry", "source"], name="one_conflict_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.judge} and {self.entry}: {self.reason}"

    @property
    def stands(self) -> bool:
        return self.cleared_at is None


class SheetStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Submitted"


class Qualifying(models.TextChoices):
    YES = "yes", "Yes"
    MAYBE = "maybe", "Maybe"
    NO = "no", "No"


class ScoreSheet(models.Model):
    """One judge's scores for one entry: a row per criteria section of its category.

    Saved like an entry: every save carries the version it was based on and a stale
    one is refused. Submitted once complete, then locked until an organiser reopens it.
    """

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="sheet")
    status = models.CharField(
        max_length=10, choices=SheetStatus.choices, default=SheetStatus.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(default=1)
    qualifying = models.CharField(max_length=5, choices=Qualifying.choices, blank=True)
    overall_comment = models.TextField(blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Score sheet: {self.assignment}"

    @property
    def is_submitted(self) -> bool:
        return self.status == SheetStatus.SUBMITTED


class Score(models.Model):
    """A score out of ten for one criteria section, keyed as the category names it
    (``forms.hosting.criterion_key`` of its heading)."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.CharField(max_length=100)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=10),
                name="score_out_of_ten",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
