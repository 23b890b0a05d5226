from .entries import Entry, EntryFile, EntryStatus, ReferenceSequence
from .entry_forms import EntryForm
from .events import EntryEvent, EntryReminder

__all__ = [
    "Entry",
    "EntryFile",
    "EntryEvent",
    "EntryReminder",
    "EntryForm",
    "EntryStatus",
    "ReferenceSequence",
]
