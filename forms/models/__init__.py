from .entries import Entry, EntryFile, EntryStatus, ReferenceSequence
from .entry_forms import EntryForm

__all__ = ["Entry", "EntryFile", "EntryForm", "EntryStatus", "ReferenceSequence"]
