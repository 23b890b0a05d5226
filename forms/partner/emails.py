"""The partner co-sign's emails, sent by forms.tasks: the partner's link, and their decision."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from publishing.site_address import absolute_url

from ..models import Collaborator, Entry, PartnerConfirmation, Role
from .link import issue_link
from .state import Decision, expires_at


def decision_recipients(entry: Entry) -> list:
    """Who hears of the partner's decision: the owner and those who may submit."""
    people = [entry.entrant] if entry.entrant is not None else []
    people += [
        c.user
        for c in Collaborator.objects.filter(entry=entry, role=Role.SUBMIT).select_related("user")
    ]
    return people


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
