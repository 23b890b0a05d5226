"""The shortlist email: each shortlisted entry's team hears, once, with the embargo time.

Sent by a task (``send_shortlist_email``), like the entries' emails, so a
click never waits on the mail server. The task claims the entry first
(``Result.shortlist_email_sent_at``, set in one UPDATE that only one worker can
win), so double clicks and retries never send twice; a failed send gives the
claim back for the next try.
"""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from forms.models import Collaborator
from publishing.site_address import absolute_url
from publishing.templatetags.uk_dates import uk_datetime

from .hosting import as_judged
from .models import Result

SUBJECT = "{reference} is shortlisted for {category}"


def team(entry) -> list:
    """The entry's owner, then its collaborators in joining order; each person once."""
    people = [entry.entrant] if entry.entrant is not None else []
    people += [
        member.user for member in Collaborator.objects.filter(entry=entry).select_related("user")
    ]
    seen, found = set(), []
    for person in people:
        if person.email and person.email.lower() not in seen:
            seen.add(person.email.lower())
            found.append(person)
    return found


def send_shortlist_email_now(result_id: int) -> int:
    """Email the shortlisted entry's team unless it was emailed already; how many were sent."""
    with transaction.atomic():
        claimed = Result.objects.filter(pk=result_id, shortlist_email_sent_at=None).update(
            shortlist_email_sent_at=timezone.now()
        )
    if not claimed:
        return 0  # sent already, or the result was cleared since
    result = Result.objects.select_related("entry__page", "entry__entrant").get(pk=result_id)
    entry = result.entry
    host = as_judged(entry.page)
    announced_at = host.shortlist_announced_at if host is not None else None
    if announced_at is None:
        Result.objects.filter(pk=result_id).update(shortlist_email_sent_at=None)
        return 0
    context = {
        "entry": entry,
        "category": entry.page,
        "embargo": uk_datetime(announced_at),
        "entry_url": absolute_url(reverse("entry_detail", args=[entry.public_id])),
    }
    subject = SUBJECT.format(reference=entry.reference, category=entry.page.title)
    sent = 0
    try:
        for person in team(entry):
            # One email each, addressed to them: nobody sees the others' addresses.
            personal = {**context, "person": person}
            message = EmailMultiAlternatives(
                subject=subject,
                body=render_to_string("judging/emails/shortlist_email.txt", personal),
                to=[person.email],
            )
            message.attach_alternative(
                render_to_string("judging/emails/shortlist_email.html", personal), "text/html"
            )
            message.send()
            sent += 1
    except Exception:
        if not sent:  # nobody has it yet: let the next try send it
            Result.objects.filter(pk=result_id).update(shortlist_email_sent_at=None)
        raise
    return sent


@task()
def send_shortlist_email(result_id: int) -> None:
    send_shortlist_email_now(result_id)
