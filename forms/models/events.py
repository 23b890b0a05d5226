from django.conf import settings
from django.db import models
from django.utils import timezone


class EntryEvent(models.Model):
    """One line of an entry's history: who did what, when, and why.

    Staff actions (reopen, withdraw, extend) always carry a reason; entrant
    milestones (started, submitted) are recorded too, so organisers can
    answer "what happened to this entry?" without the database.
    """

    class Action(models.TextChoices):
        STARTED = "started", "Started"
        SUBMITTED = "submitted", "Submitted"
        REOPENED = "reopened", "Reopened"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXTENDED = "extended", "Deadline extended"
        REMINDED = "reminded", "Reminder sent"

    entry = models.ForeignKey("forms.Entry", on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["entry", "action"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.created_at:%Y-%m-%d %H:%M}"
