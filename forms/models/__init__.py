from .entries import Entry, EntryFile, EntryStatus, ReferenceSequence
from .entry_forms import EntryForm
from .events import EntryEvent, EntryReminder
from .team import OWNER, AnswerRevision, Collaborator, Invitation, PartnerConfirmation, Role

__all__ = [
    "OWNER",
    "AnswerRevision",
    "Collaborator",
    "Invitation",
    "PartnerConfirmation",
    "Role",
    "Entry",
    "EntryFile",
    "EntryEvent",
    "EntryReminder",
    "EntryForm",
    "EntryStatus",
    "ReferenceSequence",
]
