"""Links in entrants' emails point at the site's configured address (WAGTAILADMIN_BASE_URL),
whatever port it is served on: the emails are sent by tasks, with no request to ask."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from forms import services
from forms.tests.builders import complete_answers
from publishing.site_address import absolute_url

SERVED_AT = "http://127.0.0.1:8011"
LINK = re.compile(r"https?://[^\s\"'<>]+")


def submit(entry, entrant, on_commit):
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    entry.refresh_from_db()
    with on_commit(execute=True):
        return services.submit_entry(entry=entry, user=entrant, base_version=2)


@pytest.fixture
def draft(entrant, category):
    return services.start_entry(user=entrant, page=category)


def links(message) -> set[str]:
    html = message.alternatives[0][0]
    return set(LINK.findall(message.body)) | set(LINK.findall(html))


def test_the_submission_confirmation_links_to_the_address_the_site_is_served_at(
    draft, entrant, django_capture_on_commit_callbacks
):
    with override_settings(WAGTAILADMIN_BASE_URL=SERVED_AT + "/"):
        submitted = submit(draft, entrant, django_capture_on_commit_callbacks)

    [message] = mail.outbox

    assert f"{SERVED_AT}{reverse('entry_detail', args=[submitted.public_id])}" in links(message)
    assert f"{SERVED_AT}{reverse('my_entries')}" in links(message)
    assert all(link.startswith(SERVED_AT + "/") for link in links(message))


def test_the_reopened_notice_links_to_the_category_at_that_address(
    client, draft, entrant, entries_manager, category, django_capture_on_commit_callbacks
):
    submitted = submit(draft, entrant, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(entries_manager)

    with (
        override_settings(WAGTAILADMIN_BASE_URL=SERVED_AT),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(reverse("entries_admin_reopen", args=[submitted.pk]), {"reason": "Wrong file."})

    [message] = mail.outbox
    assert "reopened" in message.subject
    assert f"{SERVED_AT}{category.url}" in links(message)
    assert all(link.startswith(SERVED_AT + "/") for link in links(message))


@override_settings(WAGTAILADMIN_BASE_URL="https://awards.example.org/")
def test_one_helper_makes_every_address_absolute():
    assert absolute_url("/entries/") == "https://awards.example.org/entries/"
    assert absolute_url("entries/") == "https://awards.example.org/entries/"
    assert absolute_url("") == "https://awards.example.org/"
    # A page on another site already has its full address.
    assert absolute_url("https://other.example.org/a/") == "https://other.example.org/a/"
