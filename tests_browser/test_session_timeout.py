"""The inactivity warning on an entry form, in a real Chromium with a fake clock:
no warning while the entrant works (an autosave that saves the session counts
as activity), a warning five minutes before the session would end, "Stay
signed in" keeps it, and afterwards a clear "signed out" with a way back.

The page's clock is fake, the server's is not: the server saves the session
again only when the last save is SESSION_REFRESH_SECONDS old
(accounts/session_refresh.py), which in real time it never is here unless the
test sets it to 0."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from forms import services
from forms.tests.builders import build_entry_form, build_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARNING = (
    "You will be signed out in 5 minutes because you have not been active. Your answers are saved."
)


@pytest.fixture
def entry_page(db):
    from awards.tests.builders import build_category, build_home, build_programme

    category = build_category(build_programme(build_home()), entry_form=build_entry_form())
    user = build_user("ada@example.org")
    services.start_entry(user=user, page=category)
    return category


def sign_in(page, base_url, next_url):
    page.goto(f"{base_url}/accounts/login/?next={next_url}")
    page.get_by_label("Email address").fill("ada@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-password-123")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}{next_url}")


def test_an_idle_entrant_is_warned_and_can_stay_signed_in(
    live_server, page, entry_page, axe, settings
):
    settings.SESSION_REFRESH_SECONDS = 0  # every request saves the session
    page.clock.install()
    sign_in(page, live_server.url, entry_page.url)
    warning = page.get_by_role("alertdialog")
    status = page.locator("[data-save-status]")

    # Working: an autosave after an hour starts the two hours again.
    page.clock.fast_forward("01:00:00")
    expect(warning).to_be_hidden()
    field = page.get_by_label("Organisation name")
    field.fill("Northshire NHS Trust")
    field.blur()  # its change event now, not when the warning takes focus
    expect(status).to_contain_text("Saved at", timeout=15_000)
    page.clock.fast_forward("01:30:00")  # 2h30 since the page loaded, 1h30 since the save
    expect(warning).to_be_hidden()

    # Five minutes before the end: the warning, focused, with a way to stay.
    page.clock.fast_forward("00:25:01")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("You will be signed out soon")
    expect(warning).to_contain_text(WARNING)
    expect(warning).to_be_focused()
    assert axe(page) == []

    with page.expect_response(lambda r: r.url.endswith("/accounts/keep-alive/")) as ping:
        warning.get_by_role("button", name="Stay signed in").click()
    assert ping.value.status == 204
    expect(warning).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="You are still signed in.")).to_be_attached()
    session = Session.objects.get()
    assert session.expire_date > timezone.now() + timedelta(hours=1, minutes=59)

    # Nobody comes back: after two hours, signed out, with a way back in.
    page.clock.fast_forward("02:00:01")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(
        "You have been signed out because you have not been active for 2 hours."
    )
    sign_in_again = warning.get_by_role("link", name="Sign in again")
    expect(sign_in_again).to_have_attribute(
        "href", f"/accounts/login/?next={entry_page.url.replace('/', '%2F')}"
    )
    expect(warning.get_by_role("button", name="Stay signed in")).to_be_hidden()


def test_an_autosave_that_does_not_save_the_session_does_not_move_the_warning(
    live_server, page, entry_page
):
    """Soon after the last save of the session, an autosave leaves its end where it
    was, so the warning must stay where it was too."""
    page.clock.install()
    sign_in(page, live_server.url, entry_page.url)
    before = Session.objects.get().expire_date

    page.clock.fast_forward("01:00:00")
    field = page.get_by_label("Organisation name")
    field.fill("Northshire NHS Trust")
    field.blur()
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=15_000)
    assert Session.objects.get().expire_date == before

    page.clock.fast_forward("00:55:01")
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("You will be signed out soon")


def test_the_warning_can_be_dismissed_and_the_entrant_is_told_once(live_server, page, entry_page):
    page.clock.install()
    sign_in(page, live_server.url, entry_page.url)
    field = page.get_by_label("Organisation name")
    field.focus()

    page.clock.fast_forward("01:55:01")
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_visible()
    page.keyboard.press("Escape")

    expect(warning).to_be_hidden()
    expect(field).to_be_focused()  # back where they were
    page.clock.fast_forward("00:01:00")
    expect(warning).to_be_hidden()


def test_pages_without_an_entry_form_never_warn(live_server, page, entry_page):
    page.clock.install()
    sign_in(page, live_server.url, entry_page.url)
    page.goto(live_server.url + "/accounts/profile/")

    page.clock.fast_forward("01:59:00")

    expect(page.get_by_role("alertdialog")).to_have_count(0)
