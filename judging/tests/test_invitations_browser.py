"""In a real browser: an organiser invites a judge from the panel's page in the admin; the
judge opens the email's link on a phone, signs in and accepts, and lands on their entries.
The invitation page passes axe at 375 px, signed out and signed in."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from judging.models import Assignment, PanelJudge
from tests_browser.staff import sign_in_to_admin, staff_member
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def category(transactional_db):
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_form

    from .builders import weighted_criteria

    return build_category(
        build_programme(build_home()), entry_form=build_entry_form(), criteria=weighted_criteria()
    )


def test_an_invited_judge_accepts_on_a_phone(live_server, browser, page, axe, category):
    from forms.tests.builders import build_user

    from .builders import build_panel, build_submitted_entry

    at = live_server.url
    build_submitted_entry(category)
    panel = build_panel([category])
    staff_member("olu.manager@example.org", "Entries managers", first_name="Olu")

    sign_in_to_admin(page, at, "olu.manager@example.org")
    page.get_by_role("button", name="Judging").click()
    page.get_by_role("link", name="Panels").click()
    page.get_by_role("link", name=panel.name).click()
    page.get_by_label("Email address").fill("ngozi@judges.example.org")
    page.get_by_label("Name (optional)").fill("Ngozi Adebayo")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to ngozi@judges.example.org")).to_be_visible()

    [message] = [m for m in mail.outbox if m.to == ["ngozi@judges.example.org"]]
    link = re.sub(
        r"^https?://[^/]+",
        "",
        re.search(r"https?://\S+/judging/invitations/\S+/", message.body).group(0),
    )

    phone = browser.new_context(viewport={"width": 375, "height": 800})
    tab = phone.new_page()
    tab.goto(at + link)
    expect(tab.get_by_role("heading", level=1)).to_have_text("Judge Performance Recovery Award")
    expect(
        tab.get_by_text("Sign in or create an account with ngozi@judges.example.org to accept")
    ).to_be_visible()
    assert axe(tab) == []
    phone.close()

    judge = build_user("ngozi@judges.example.org", first_name="Ngozi", organisation="Elsewhere")
    signed_in = signed_in_browser(browser, judge, at)
    tab = signed_in.new_page()
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(at + link)
    assert axe(tab) == []
    tab.get_by_role("button", name="Accept and join the panel").click()
    expect(tab).to_have_url(re.compile(r"/judging/$"))
    assert PanelJudge.objects.filter(panel=panel, judge=judge, left_at=None).exists()
    assert Assignment.objects.filter(judge=judge, removed_at=None).count() == 1
    signed_in.close()
