from .entries import Entry, EntryFile, EntryStatus, ReferenceSequence
from .entry_forms import EntryForm
from .events import EntryEvent

__all__ = ["Entry", "EntryFile", "EntryEvent", "EntryForm", "EntryStatus", "ReferenceSequence"]
