"""Named refusals raised by the entry services; views turn each into a message and a status."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Entry
    from .validation import Problem


class EntryError(Exception):
    status_code = 400
    message = "Something went wrong with your entry."

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class EntriesClosed(EntryError):
    status_code = 403
    message = "Entries are now closed."


class NoEntryForm(EntryError):
    status_code = 404
    message = "This category is not taking entries online."


class EntryLimitReached(EntryError):
    status_code = 409
    message = "You have already made as many entries to this category as it allows."


class EligibilityNotChecked(EntryError):
    status_code = 400
    message = (
        "Answer the eligibility questions for this category first, so you know you can enter it."
    )


class NotOwner(EntryError):
    status_code = 404
    message = "Entry not found."


class NotAllowed(EntryError):
    """The person works on this entry, but their role does not allow this."""

    status_code = 403
    message = "Your role on this entry does not allow that."


class EntryNotEditable(EntryError):
    status_code = 409
    message = "This entry has been submitted and can no longer be changed."


class StaleDraft(EntryError):
    status_code = 409
    message = (
        "This entry was changed in another tab or on another device since you opened it. "
        "Your latest changes have not been saved."
    )

    def __init__(self, current: Entry, conflicts: list[str] | None = None, mine=None):
        super().__init__()
        self.current = current
        # The answers both people changed, and this save's own changes (what the page
        # keeps and shows back); None when the whole entry moved on (a submit).
        self.conflicts = conflicts
        self.mine = mine or {}


class IncompleteEntry(EntryError):
    status_code = 400
    message = "Your entry is not ready to submit yet."

    def __init__(self, problems: list[Problem]):
        super().__init__()
        self.problems = problems


class EmailNotVerified(EntryError):
    status_code = 403
    message = "Confirm your email address before you submit: we have sent you a link."


class InvalidAnswers(EntryError):
    status_code = 400
    message = "Some answers could not be read."


class FileRejected(EntryError):
    status_code = 400
    message = "The file could not be uploaded."
