"""Emails to entrants, in plain text and HTML, built from templates."""

from datetime import datetime

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from publishing.site_address import absolute_url

from .models import Collaborator, Entry, Invitation, Role

# Who on the team hears of what, besides the owner (who hears of everything):
# reminders go to everyone who may change the entry, the confirmation to those
# who may submit it.
TEAM_ROLES = {
    "reminder": (Role.EDIT, Role.SUBMIT),
    "submitted": (Role.SUBMIT,),
}

SUBJECTS = {
    "submitted": "Entry received: {reference}",
    "reopened": "Your entry to {title} has been reopened",
    "withdrawn": "Your entry to {title} has been withdrawn",
    "extended": "More time for your entry to {title}",
    "reminder": "Reminder: finish your entry to {title}",
}


def send_entry_email(entry_id: int, kind: str, extra: dict | None = None) -> None:
    entry = Entry.objects.select_related("entrant", "page").get(pk=entry_id)
    if entry.entrant is None:
        return  # the entrant has deleted their account: nobody to write to
    extra = dict(extra or {})
    if "until" in extra:
        extra["until"] = timezone.localtime(datetime.fromisoformat(extra["until"]))
    if "deadline" in extra:
        extra["deadline"] = timezone.localtime(datetime.fromisoformat(extra["deadline"]))
    context = {
        "entry": entry,
        "entrant": entry.entrant,
        "category": entry.page,
        "entry_url": absolute_url(reverse("entry_detail", args=[entry.public_id])),
        "my_entries_url": absolute_url(reverse("my_entries")),
        "page_url": absolute_url(entry.page.url or "/"),
        **extra,
    }
    subject = SUBJECTS[kind].format(reference=entry.reference or "", title=entry.page.title)
    for person in recipients(entry, kind):
        # One email each, addressed to them: nobody sees the others' addresses.
        _send(subject, kind, {**context, "entrant": person}, person.email)


def recipients(entry: Entry, kind: str) -> list:
    """The owner, then the collaborators whose role hears of ``kind``, in joining order."""
    people = [entry.entrant]
    roles = TEAM_ROLES.get(kind, ())
    if roles:
        team = Collaborator.objects.filter(entry_id=entry.pk, role__in=roles).select_related("user")
        people += [member.user for member in team]
    return [person for person in people if person.email]


def _send(subject: str, kind: str, context: dict, to: str) -> None:
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"forms/emails/{kind}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"forms/emails/{kind}.html", context), "text/html")
    message.send()


def send_invitation_email(invitation_id: int) -> None:
    """The invitation to join an entry's team: who asks, for which category, what the role
    allows, until when, and the link. The link's token is made now (forms.team.issue_link):
    nothing queued or stored can open it. Nothing is sent for an invitation withdrawn,
    used or expired before this email went."""
    from .team import ROLE_DESCRIPTIONS, issue_link, person_name

    issued = issue_link(invitation_id)
    if issued is None:
        return
    invitation, token = issued
    invitation = Invitation.objects.select_related("entry", "entry__page", "invited_by").get(
        pk=invitation.pk
    )
    entry = invitation.entry
    inviter = person_name(invitation.invited_by or entry.entrant)
    context = {
        "invitation": invitation,
        "inviter": inviter,
        "category": entry.page,
        "role": invitation.get_role_display().lower(),
        "role_description": ROLE_DESCRIPTIONS[invitation.role],
        "invitation_url": absolute_url(reverse("team_invitation", args=[token])),
        "entrant": None,
    }
    _send(
        f"{inviter} has invited you to work on an entry to {entry.page.title}",
        "invitation",
        context,
        invitation.email,
    )
