"""Guidance pages: headings, text, callouts and questions that open and close."""

import pytest

from awards.models import GuidancePage
from awards.tests.builders import build_guidance, build_home, load_demo_site

pytestmark = pytest.mark.django_db


def test_demo_guidance_shows_its_headings_callout_and_questions(client):
    load_demo_site()
    guide = GuidancePage.objects.get(slug="how-to-enter")

    response = client.get(guide.url)
    assert response.status_code == 200
    assert response.context["page"].title == "How to enter"
    assert "<h1>How to enter</h1>" in response.content.decode()
    assert response.content.decode().count("<h1>") == 1
    for heading in ["Before you start", "Writing your entry"]:
        assert f"<h2>{heading}</h2>" in response.content.decode()
    assert b"<h2>Save as you go</h2>" in response.content
    for question in [
        "Can I enter more than one category?",
        "Can I change my entry after submitting it?",
        "What time is the deadline?",
    ]:
        assert f"<summary>{question}</summary>" in response.content.decode()


def test_important_callout_is_marked_for_the_accent_colour(client):
    guide = build_guidance(
        build_home(),
        body=[
            (
                "callout",
                {"heading": "Deadline", "text": "<p>Noon sharp.</p>", "important": True},
            )
        ],
    )

    response = client.get(guide.url)
    assert b'class="callout callout--important"' in response.content
    assert b"<p>Noon sharp.</p>" in response.content
