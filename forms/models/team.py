"""The people who write an entry together, and the history of what each wrote.

An entry has one owner (``Entry.entrant``) and any number of collaborators,
each with a role. People join by invitation: an email with a link that only
the invited address's account can accept, and that expires or can be
withdrawn. Every change to an answer is kept as a revision, so the team can
see who wrote what and bring back an earlier text.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

INVITATION_LIFETIME = timedelta(days=14)


class Role(models.TextChoices):
    """What a collaborator may do; each role can do everything the ones before it can."""

    VIEW = "view", "View"
    EDIT = "edit", "Edit"
    SUBMIT = "submit", "Edit and submit"


# The owner ranks above every collaborator: only they manage the team.
OWNER = "owner"
RANKS = {Role.VIEW: 1, Role.EDIT: 2, Role.SUBMIT: 3, OWNER: 4}


def token_digest(token: str) -> str:
    """What is stored of a link's token: its SHA-256, so a database copy opens nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def unopenable_digest() -> str:
    """A digest no link carries. An invitation or a partner's request holds one until its
    email is sent: the sending task makes the real token, so it is never queued or stored."""
    return token_digest(new_token())


class Collaborator(models.Model):
    """A person other than the owner who may read, edit or submit one entry."""

    entry = models.ForeignKey("forms.Entry", on_delete=models.CASCADE, related_name="collaborators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborations"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.EDIT)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "user"], name="one_role_per_person_and_entry")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class InvitationQuerySet(models.QuerySet):
    def pending(self, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at=None, withdrawn_at=None, expires_at__gt=now)


class Invitation(models.Model):
    """An emailed link to join an entry's team. Only the token's digest is stored."""

    entry = models.ForeignKey("forms.Entry", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.EDIT)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Invitation for {self.email}"

    def is_pending(self, now=None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and self.withdrawn_at is None and now < self.expires_at


class AnswerRevision(models.Model):
    """One answer as one save left it: the entry's history, and the base a merge compares with.

    ``version`` is the entry's version that save produced. ``writer`` is the
    open page it came from (forms.replays), so a page's own late save is
    told apart from another person's.
    """

    entry = models.ForeignKey("forms.Entry", on_delete=models.CASCADE, related_name="revisions")
    key = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    value = models.JSONField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    writer = models.CharField(max_length=60, blank=True, default="")
    restored_from = models.PositiveIntegerField(
        null=True, blank=True, help_text="The version this text was brought back from."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "key", "version"], name="one_revision_per_answer_and_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} at version {self.version}"


class PartnerConfirmation(models.Model):
    """A request to the partner organisation to confirm the entry describes the partnership.

    The latest request for an entry is the one that counts. It confirms the
    answers as they were (``fingerprint``): a change afterwards asks again.
    """

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting for the partner"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"

    entry = models.ForeignKey(
        "forms.Entry", on_delete=models.CASCADE, related_name="partner_confirmations"
    )
    organisation = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=200)
    email = models.EmailField()
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by_name = models.CharField(max_length=200, blank=True)
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        help_text="The answers and files the partner read and decided on.",
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        get_latest_by = "requested_at"

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_decision_display()}"
