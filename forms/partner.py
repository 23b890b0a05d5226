"""Partner co-sign: the partner organisation an entry names confirms it before it is submitted.

Someone with edit rights names the partner (organisation, contact, email) and
asks them to confirm. The contact gets an emailed link, ``/entries/partner/<token>/``,
that needs no account: it shows the entry read-only, and takes either "I
confirm this entry describes our partnership accurately" with their name, or
a decline with a comment. Only the token's digest is stored, and the token is
made by the task that sends the email, so it is never in the task queue
either.

The latest request for an entry is the one that counts: asking again makes
the earlier link stop working. A confirmation holds the fingerprint of what
the partner read (the answers and the files); submit_entry refuses an entry
whose current fingerprint differs, so a change after confirming asks again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from publishing.site_address import absolute_url

from .access import EDIT, require
from .exceptions import EntriesClosed, EntryError, EntryNotEditable
from .hosting import EntryHost, as_host, needs_partner_confirmation
from .models import (
    Collaborator,
    Entry,
    EntryEvent,
    EntryFile,
    EntryStatus,
    PartnerConfirmation,
    Role,
)
from .models.team import new_token, token_digest, unopenable_digest

LINK_LIFETIME = timedelta(days=30)
MAX_TOKEN_LENGTH = 100
Decision = PartnerConfirmation.Decision


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


# --- what the partner read ------------------------------------------------------------------


def fingerprint(answers: dict, file_ids) -> str:
    """SHA-256 of the answers (JSON, sorted keys) and the ids of the entry's files."""
    text = json.dumps(answers or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    files = ",".join(sorted(file_ids))
    return hashlib.sha256(f"{text}\n{files}".encode()).hexdigest()


def entry_fingerprint(entry: Entry) -> str:
    return fingerprint(entry.answers, entry.files.values_list("public_id", flat=True))


def latest_confirmation(entry: Entry) -> PartnerConfirmation | None:
    return (
        PartnerConfirmation.objects.filter(entry_id=entry.pk)
        .order_by("-requested_at", "-pk")
        .first()
    )


def expires_at(confirmation: PartnerConfirmation) -> datetime:
    return confirmation.requested_at + LINK_LIFETIME


# --- the state shown to the entrant, staff and exports ---------------------------------------


@dataclass
class PartnerState:
    """Where an entry stands with its partner, in words each page shows."""

    confirmation: PartnerConfirmation | None
    current_fingerprint: str
    now: datetime

    @property
    def state(self) -> str:
        """none, pending, expired, confirmed, changed or declined."""
        c = self.confirmation
        if c is None:
            return "none"
        if c.decision == Decision.CONFIRMED:
            return "confirmed" if c.fingerprint == self.current_fingerprint else "changed"
        if c.decision == Decision.DECLINED:
            return "declined"
        return "pending" if self.now < expires_at(c) else "expired"

    @property
    def is_confirmed(self) -> bool:
        return self.state == "confirmed"

    @property
    def notice(self) -> str:
        """How the state is shown: the site's notice modifier (success, warning, or plain)."""
        if self.state == "confirmed":
            return "success"
        return "warning" if self.state in ("changed", "declined", "expired") else ""

    @property
    def label(self) -> str:
        return {
            "none": "Not asked yet",
            "pending": "Waiting for the partner",
            "expired": "Link expired",
            "confirmed": "Confirmed",
            "changed": "Changed since confirmed",
            "declined": "Declined",
        }[self.state]


def partner_state(entry: Entry, host: EntryHost | None = None) -> PartnerState | None:
    """The entry's partner state, or None when its category asks for no partner and none was asked."""
    confirmation = latest_confirmation(entry)
    if host is None:
        host = as_host(entry.page) if entry.page_id else None
    if confirmation is None and not needs_partner_confirmation(host):
        return None
    return PartnerState(
        confirmation=confirmation,
        current_fingerprint=entry_fingerprint(entry),
        now=timezone.now(),
    )


def check_confirmed(entry: Entry, host: EntryHost) -> None:
    """For submit_entry: refuse unless the partner confirmed the entry exactly as it is now."""
    if not needs_partner_confirmation(host):
        return
    state = partner_state(entry, host)
    c = state.confirmation
    if state.state == "none":
        raise PartnerNotConfirmed(
            "Ask your partner organisation to confirm this entry before you submit it."
        )
    if state.state == "changed":
        raise PartnerNotConfirmed(
            f"You changed the entry after {c.decided_by_name} at {c.organisation} confirmed it: "
            "ask them again."
        )
    if state.state == "declined":
        raise PartnerNotConfirmed(
            f"{c.decided_by_name or c.contact_name} at {c.organisation} declined to confirm "
            "this entry. Change it and ask them again."
        )
    if state.state == "expired":
        raise PartnerNotConfirmed(
            f"The link we sent {c.contact_name} at {c.organisation} has expired: ask them again."
        )
    if state.state == "pending":
        raise PartnerNotConfirmed(
            f"{c.contact_name} at {c.organisation} has not confirmed this entry yet."
        )


# --- asking -----------------------------------------------------------------------------------


def ask_partner(
    *,
    entry: Entry,
    user,
    organisation: str,
    contact_name: str,
    email: str,
    now: datetime | None = None,
) -> PartnerConfirmation:
    """Ask the partner to confirm; a new request replaces any earlier one (its link stops working).

    The email goes after commit, from a task that makes the link's token.
    """
    from . import services
    from .tasks import send_partner_request

    now = now or timezone.now()
    require(entry, user, EDIT)
    host = as_host(entry.page)
    if host is None or not needs_partner_confirmation(host):
        raise PartnerNotNeeded()
    with transaction.atomic():
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        if current.status != EntryStatus.DRAFT:
            raise EntryNotEditable()
        if not services.accepts_changes(current, host, now):
            raise EntriesClosed()
        confirmation = PartnerConfirmation.objects.create(
            entry=current,
            organisation=organisation.strip(),
            contact_name=contact_name.strip(),
            email=email.strip(),
            token_digest=unopenable_digest(),
            requested_by=user,
            requested_at=now,
        )
        EntryEvent.objects.create(
            entry=current,
            action=EntryEvent.Action.PARTNER_ASKED,
            actor=user,
            created_at=now,
            details={"organisation": confirmation.organisation, "email": confirmation.email},
        )
        transaction.on_commit(lambda: send_partner_request.enqueue(confirmation.pk))
    return confirmation


def team_emails(entry: Entry) -> set[str]:
    """The owner's and collaborators' addresses, lower case: none of them is the partner."""
    emails = {
        u.lower()
        for u in Collaborator.objects.filter(entry=entry).values_list("user__email", flat=True)
    }
    if entry.entrant is not None:
        emails.add(entry.entrant.email.lower())
    return emails


def issue_link(confirmation_id: int) -> tuple[PartnerConfirmation, str] | None:
    """Make the token for a request still waiting and the latest; None if it is neither."""
    token = new_token()
    with transaction.atomic():
        confirmation = (
            PartnerConfirmation.objects.select_for_update()
            .select_related("entry")
            .filter(pk=confirmation_id, decision=Decision.PENDING)
            .first()
        )
        if confirmation is None or latest_confirmation(confirmation.entry) != confirmation:
            return None
        confirmation.token_digest = token_digest(token)
        confirmation.save(update_fields=["token_digest"])
    return confirmation, token


# --- the partner's link -----------------------------------------------------------------------


def open_link(token: str, now: datetime | None = None) -> PartnerConfirmation:
    """The request this token opens, if it is the entry's latest, still waiting and in date."""
    now = now or timezone.now()
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        raise PartnerLinkClosed("This link is not one we sent. Check it was copied in full.")
    confirmation = (
        PartnerConfirmation.objects.select_related(
            "entry", "entry__entrant", "entry__form", "entry__page"
        )
        .filter(token_digest=token_digest(token))
        .first()
    )
    if confirmation is None:
        raise PartnerLinkClosed("This link is not one we sent. Check it was copied in full.")
    entry = confirmation.entry
    if latest_confirmation(entry) != confirmation:
        raise PartnerLinkClosed(
            "The entrant has sent a newer link for this entry, so this one no longer works. "
            "Use the link in the most recent email we sent you."
        )
    if confirmation.decision == Decision.CONFIRMED:
        raise PartnerLinkClosed(
            f"You have already confirmed this entry, as {confirmation.decided_by_name}. "
            "If the entrant changes it, we will send you a new link."
        )
    if confirmation.decision == Decision.DECLINED:
        raise PartnerLinkClosed(
            "You have already declined this entry. If the entrant changes it and asks again, "
            "we will send you a new link."
        )
    if entry.status != EntryStatus.DRAFT:
        raise PartnerLinkClosed(
            "This entry is no longer waiting for your confirmation: it has been submitted "
            "or withdrawn."
        )
    if now >= expires_at(confirmation):
        raise PartnerLinkClosed("This link has expired. Ask the entrant to send you a new one.")
    return confirmation


def decide(
    *,
    token: str,
    confirm: bool,
    name: str,
    comment: str = "",
    fingerprint_read: str,
    now: datetime | None = None,
) -> PartnerConfirmation:
    """Record the partner's decision on the entry as they read it (``fingerprint_read``).

    Refused if the link no longer works, or if the entry changed since the page was drawn.
    """
    from .tasks import send_partner_decision

    now = now or timezone.now()
    with transaction.atomic():
        confirmation = open_link(token, now)
        entry = Entry.objects.select_for_update().get(pk=confirmation.entry_id)
        confirmation = PartnerConfirmation.objects.select_for_update().get(pk=confirmation.pk)
        confirmation.entry = entry
        if confirmation.decision != Decision.PENDING:
            raise PartnerLinkClosed("This link has already been used.")
        if entry_fingerprint(entry) != fingerprint_read:
            raise PartnerEntryChanged()
        confirmation.decision = Decision.CONFIRMED if confirm else Decision.DECLINED
        confirmation.decided_by_name = name.strip()
        confirmation.comment = "" if confirm else comment.strip()
        confirmation.decided_at = now
        confirmation.fingerprint = fingerprint_read
        confirmation.save(
            update_fields=["decision", "decided_by_name", "comment", "decided_at", "fingerprint"]
        )
        EntryEvent.objects.create(
            entry=entry,
            action=(
                EntryEvent.Action.PARTNER_CONFIRMED
                if confirm
                else EntryEvent.Action.PARTNER_DECLINED
            ),
            created_at=now,
            reason=confirmation.comment,
            details={
                "organisation": confirmation.organisation,
                "name": confirmation.decided_by_name,
            },
        )
        transaction.on_commit(lambda: send_partner_decision.enqueue(confirmation.pk))
    return confirmation


def decision_recipients(entry: Entry) -> list:
    """Who hears of the partner's decision: the owner and those who may submit."""
    people = [entry.entrant] if entry.entrant is not None else []
    people += [
        c.user
        for c in Collaborator.objects.filter(entry=entry, role=Role.SUBMIT).select_related("user")
    ]
    return people


# --- emails (sent by forms.tasks) -------------------------------------------------------------


def _send(template: str, subject: str, to: str, context: dict) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def send_request_email(confirmation_id: int) -> None:
    """The partner's email with their link; nothing if the request was replaced or answered."""
    issued = issue_link(confirmation_id)
    if issued is None:
        return
    confirmation, token = issued
    entry = Entry.objects.select_related("entrant", "page").get(pk=confirmation.entry_id)
    asker = confirmation.requested_by
    context = {
        "confirmation": confirmation,
        "entry": entry,
        "category": entry.page,
        "asker_name": (asker.get_full_name() or asker.email) if asker else entry.entrant_name,
        "entrant_organisation": getattr(entry.entrant, "organisation", "") if entry.entrant else "",
        "link": absolute_url(reverse("partner_link", args=[token])),
        "expires_at": expires_at(confirmation),
    }
    _send(
        "forms/partner/emails/request",
        f"Please confirm an entry to {entry.page.title}",
        confirmation.email,
        context,
    )


def send_decision_email(confirmation_id: int) -> None:
    """Tell the owner and those who may submit what the partner decided."""
    confirmation = PartnerConfirmation.objects.select_related("entry", "entry__page").get(
        pk=confirmation_id
    )
    entry = confirmation.entry
    confirmed = confirmation.decision == Decision.CONFIRMED
    subject = (
        f"{confirmation.organisation} confirmed your entry to {entry.page.title}"
        if confirmed
        else f"{confirmation.organisation} declined to confirm your entry to {entry.page.title}"
    )
    for person in decision_recipients(entry):
        _send(
            "forms/partner/emails/decision",
            subject,
            person.email,
            {
                "person": person,
                "confirmation": confirmation,
                "confirmed": confirmed,
                "entry": entry,
                "category": entry.page,
                "review_url": absolute_url(reverse("entry_review", args=[entry.public_id])),
            },
        )


# --- exports ----------------------------------------------------------------------------------

PARTNER_HEADINGS = [
    "Partner organisation",
    "Partner confirmation",
    "Partner confirmed by",
    "Partner confirmed at",
]


def partner_columns_wanted(entries) -> bool:
    """Whether an export of ``entries`` has the partner columns: some entry's category asks
    for a partner's confirmation, or some entry has asked one."""
    from wagtail.models import Page

    chosen = Entry.objects.using(entries.db).filter(pk__in=entries.values("pk"))
    if PartnerConfirmation.objects.filter(entry__in=chosen).exists():
        return True
    pages = Page.objects.filter(pk__in=chosen.values("page_id")).specific()
    return any(needs_partner_confirmation(as_host(page)) for page in pages)


def partner_cells(rows, when) -> dict[int, list[str]]:
    """{entry id: the partner columns} for export rows (pk first, answers last)."""
    ids = [row[0] for row in rows]
    latest: dict[int, PartnerConfirmation] = {}
    for confirmation in PartnerConfirmation.objects.filter(entry_id__in=ids).order_by(
        "entry_id", "-requested_at", "-pk"
    ):
        latest.setdefault(confirmation.entry_id, confirmation)
    file_ids: dict[int, list[str]] = {}
    for entry_id, public_id in EntryFile.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "public_id"
    ):
        file_ids.setdefault(entry_id, []).append(public_id)
    now = timezone.now()
    cells = {}
    for row in rows:
        pk, answers = row[0], row[-1]
        c = latest.get(pk)
        if c is None:
            cells[pk] = ["", "Not asked", "", ""]
            continue
        state = PartnerState(c, fingerprint(answers or {}, file_ids.get(pk, [])), now)
        confirmed = state.state in ("confirmed", "changed")
        cells[pk] = [
            c.organisation,
            state.label,
            c.decided_by_name if confirmed else "",
            when(c.decided_at) if confirmed else "",
        ]
    return cells
