"""Account emails are rendered in the request and sent by a background task."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_tasks import default_task_backend

from accounts.tasks import send_email
from accounts.tests.builders import signup_data

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(TASKS=DUMMY_TASKS)
def test_sign_up_queues_the_confirmation_email_instead_of_sending_it(client, mailoutbox):
    client.post(reverse("account_signup"), signup_data())

    assert mailoutbox == []
    [queued] = default_task_backend.results
    assert queued.task.func is send_email.func
    assert queued.kwargs["to"] == ["priya.shah@example.org"]
    assert queued.kwargs["subject"] == "Confirm your email address"
    assert "/accounts/confirm-email/" in queued.kwargs["body"]


def test_the_task_sends_the_email(mailoutbox):
    send_email.call(subject="Hello", body="Text", to=["jo@example.org"], html_body="<p>Text</p>")

    [message] = mailoutbox
    assert (message.subject, message.body, message.to) == ("Hello", "Text", ["jo@example.org"])
    assert message.alternatives[0][1] == "text/html"
