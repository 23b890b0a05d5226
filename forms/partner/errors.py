"""The partner co-sign's refusals, each with the message the person reads."""

from __future__ import annotations

from ..exceptions import EntryError


class PartnerNotConfirmed(EntryError):
    """Submit refused: the partner has not confirmed the entry as it is now."""

    status_code = 409
    message = "Your partner organisation must confirm this entry before you submit it."


class PartnerLinkClosed(EntryError):
    """A partner's link that no longer opens the entry: replaced, used, expired or unknown."""

    status_code = 410
    message = "This link no longer opens the entry."


class PartnerEntryChanged(EntryError):
    """The entrant changed the entry while the partner was reading it."""

    status_code = 409
    message = (
        "The entry changed while you were reading it. Read it again below, then confirm or decline."
    )


class PartnerNotNeeded(EntryError):
    status_code = 400
    message = "This category does not ask a partner organisation to confirm entries."
