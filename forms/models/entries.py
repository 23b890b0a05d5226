import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone

from forms.definitions import FormDefinition

ACCOUNT_DELETED = "(account deleted)"


def new_public_id() -> str:
    """A random, unguessable id for URLs (never the sequential primary key)."""
    return secrets.token_urlsafe(16)


def private_storage():
    return storages["private"]


class EntryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Entry(models.Model):
    """An entrant's entry to one page's form: a draft until submitted.

    Rules it holds: answers are keyed by question key and never dropped (even
    for questions an editor removed); ``version`` goes up by one on every
    save, and a save based on an older version is refused; on submit the
    questions are copied into ``question_snapshot`` so exports and print views
    show what the entrant answered even after the form changes.
    """

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    # Empty once the entrant has deleted their account and a submitted entry
    # was kept for the awards record (forms.privacy.delete_or_anonymise_entries).
    entrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where it was made.",
    )
    form = models.ForeignKey("forms.EntryForm", on_delete=models.PROTECT, related_name="entries")
    status = models.CharField(
        max_length=12, choices=EntryStatus.choices, default=EntryStatus.DRAFT, db_index=True
    )
    answers = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    # "<page id>.<save number>" of the save that wrote this version: the page is a
    # random id each open entry page makes for itself. A late save from that same page
    # is its own newer text, not another tab's (forms.replays).
    last_writer = models.CharField(max_length=60, blank=True, default="", editable=False)
    # Per answer, the version that last changed it, who changed it and from which page:
    # {"<key>": {"v": 7, "u": <user id>, "w": "<page id>.<n>"}}. Saves from people
    # working on different answers merge; two changes to one answer conflict (forms.merging).
    answer_meta = models.JSONField(default=dict, blank=True, editable=False)
    reference = models.CharField(max_length=32, unique=True, null=True, blank=True)
    question_snapshot = models.JSONField(null=True, blank=True, editable=False)
    # The eligibility check answered before the entry started, as the entrant read it:
    # [{"question": "...", "answer": "..."}] (forms.eligibility). Empty: no check.
    eligibility = models.JSONField(default=list, blank=True, editable=False)
    extended_until = models.DateTimeField(
        null=True, blank=True, help_text="This entry may be saved and submitted until then."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["-updated_at"]
        permissions = [
            ("manage_entry", "Can reopen, withdraw and extend entries"),
            ("export_entry", "Can export entries and download their files"),
        ]
        indexes = [models.Index(fields=["entrant", "page"])]

    def __str__(self) -> str:
        return self.reference or f"Draft entry {self.public_id[:8]}"

    @property
    def entrant_name(self) -> str:
        """The entrant's full name, or a note that they have deleted their account."""
        if self.entrant is None:
            return ACCOUNT_DELETED
        return self.entrant.get_full_name()

    @property
    def is_draft(self) -> bool:
        return self.status == EntryStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.status == EntryStatus.SUBMITTED

    @property
    def is_reopened(self) -> bool:
        """A draft staff sent back after it was submitted: only a submit gives a reference."""
        return self.status == EntryStatus.DRAFT and bool(self.reference)

    @property
    def status_key(self) -> str:
        """The status as the entrant and organisers see it: a reopened draft is "reopened"."""
        return "reopened" if self.is_reopened else self.status

    @property
    def status_label(self) -> str:
        return "Reopened" if self.is_reopened else self.get_status_display()

    def definition(self) -> FormDefinition:
        """The questions as the entrant answered them: the snapshot once submitted."""
        if self.question_snapshot is not None:
            return FormDefinition.from_snapshot(self.question_snapshot)
        return self.form.definition

    def applicable_definition(self) -> FormDefinition:
        """Only the questions that applied to this entry's answers: what a reader shows.

        A question asked only for some answers (forms/conditions.py) keeps its answer
        in the entry when it stops applying; summaries, exports and judges leave it out.
        """
        return self.definition().applicable(self.answers)


class EntryFile(models.Model):
    """A file uploaded for a file question, kept in private storage under a generated name."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="files")
    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    question_key = models.CharField(max_length=64)
    file = models.FileField(storage=private_storage, upload_to="entries/%Y/%m/", max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class ReferenceSequence(models.Model):
    """The last number handed out for a reference prefix such as ``PRA-2024``."""

    prefix = models.CharField(max_length=24, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last_number}"
