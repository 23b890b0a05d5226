"""Emails to entrants, in plain text and HTML, built from templates."""

from datetime import datetime

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from publishing.site_address import absolute_url

from .models import Entry

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
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"forms/emails/{kind}.txt", context),
        to=[entry.entrant.email],
    )
    message.attach_alternative(render_to_string(f"forms/emails/{kind}.html", context), "text/html")
    message.send()
