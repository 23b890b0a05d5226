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
        INVITED = "invited", "Collaborator invited"
        JOINED = "joined", "Collaborator joined"
        ROLE_CHANGED = "role_changed", "Collaborator's role changed"
        REMOVED = "removed", "Collaborator removed"
        LEFT = "left", "Collaborator left"
        OWNER_CHANGED = "owner_changed", "Ownership handed over"
        RESTORED = "restored", "Answer restored"
        COPIED = "copied", "Copied from another entry"
        PARTNER_ASKED = "partner_asked", "Partner asked to confirm"
        PARTNER_CONFIRMED = "partner_confirmed", "Partner confirmed"
        PARTNER_DECLINED = "partner_declined", "Partner declined"

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


class EntryReminder(models.Model):
    """A reminder sent for one entry and one deadline.

    Rule it holds: a draft is reminded once per deadline (a deadline that moves
    opens a new window). The unique constraint makes "already reminded?" and
    "record the reminder" one insert, so runs of the reminder command that
    overlap never send the same reminder twice: the second insert fails.
    """

    entry = models.ForeignKey("forms.Entry", on_delete=models.CASCADE, related_name="reminders")
    deadline = models.DateTimeField(help_text="The deadline the entrant was reminded of.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "deadline"], name="one_reminder_per_entry_and_deadline"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder of {self.deadline:%Y-%m-%d %H:%M}"
