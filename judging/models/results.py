"""What the judging decided for an entry: shortlisted, then highly commended or winner."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Outcome(models.TextChoices):
    SHORTLISTED = "shortlisted", "Shortlisted"
    HIGHLY_COMMENDED = "highly_commended", "Highly commended"
    WINNER = "winner", "Winner"


# Every outcome is on the shortlist; these two are also results.
AWARDED = (Outcome.HIGHLY_COMMENDED, Outcome.WINNER)


class Result(models.Model):
    """An entry's place in its category's results. Shown on the category page only from
    the category's announcement times (``judging.hosting``), never before."""

    entry = models.OneToOneField("forms.Entry", on_delete=models.CASCADE, related_name="result")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    shortlist_email_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.entry}: {self.get_outcome_display()}"

    @property
    def awarded(self) -> bool:
        return self.outcome in AWARDED
