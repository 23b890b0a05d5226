"""Sessions: a new key at sign-in, an end after a period of inactivity that
requests (autosave too) push back, without writing the session on every
request (accounts/session_refresh.py), and what entry pages need to warn
before that end."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts import session_refresh
from accounts.tests.builders import PASSWORD, build_user

pytestmark = pytest.mark.django_db

KEEP_ALIVE = "/accounts/keep-alive/"


@pytest.fixture
def category(home_page):
    """An open category with an entry form."""
    from awards.tests.builders import build_category, build_programme
    from forms.tests.builders import build_entry_form

    return build_category(build_programme(home_page), entry_form=build_entry_form())


def session_key(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def sign_in(client, email="jo.entrant@example.org", password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def signed_in(client) -> bool:
    return client.get(reverse("account_profile")).status_code == 200


def test_signing_in_gives_the_session_a_new_key(client):
    build_user()
    client.session["seen_before_sign_in"] = True  # a session exists before sign-in
    before = session_key(client)

    response = sign_in(client)

    assert response.status_code == 302
    after = session_key(client)
    assert after != before
    # The old key is gone, so a key planted before sign-in (session fixation) is worthless.
    assert not Session.objects.filter(session_key=before).exists()
    assert Session.objects.get(session_key=after).get_decoded()["_auth_user_id"]


def expire_date(client):
    return Session.objects.get(session_key=session_key(client)).expire_date


def session_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
        and "django_session" in q["sql"]
    ]


def test_the_idle_window_is_two_hours_and_the_session_is_saved_every_five_minutes_at_most():
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSION_REFRESH_SECONDS == 5 * 60
    assert session_refresh.refresh_interval() == 5 * 60
    assert (
        settings.MIDDLEWARE.index("accounts.session_refresh.SessionRefreshMiddleware")
        == settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1
    )


@override_settings(SESSION_COOKIE_AGE=600, SESSION_REFRESH_SECONDS=300)
def test_the_refresh_interval_is_at_most_a_tenth_of_the_idle_window():
    assert session_refresh.refresh_interval() == 60


def test_a_page_soon_after_the_last_save_does_not_write_the_session(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        client.get(reverse("account_profile"))  # the first page may note things in the session
        saved = expire_date(client)
        assert saved == start + timedelta(hours=2)
        clock.tick(timedelta(minutes=4, seconds=59))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("account_profile"))

    assert response.status_code == 200
    assert session_writes(queries.captured_queries) == []
    assert expire_date(client) == saved
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the browser's copy stands too
    # ...and the page tells the warning the real end, not two hours from now.
    assert f'data-session-expires-in="{2 * 60 * 60 - (5 * 60 - 1)}"' in response.text


def test_a_request_once_the_last_save_is_five_minutes_old_pushes_the_end_back(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        clock.tick(timedelta(minutes=5))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("account_profile"))

    assert len(session_writes(queries.captured_queries)) == 1
    assert expire_date(client) == start + timedelta(minutes=5) + timedelta(hours=2)
    assert settings.SESSION_COOKIE_NAME in response.cookies  # the browser's copy is renewed
    assert 'data-session-expires-in="7200"' in response.text
    activity = response.cookies[session_refresh.ACTIVITY_COOKIE]
    assert activity.value == f"{round((start + timedelta(minutes=5)).timestamp() * 1000)}-7200"
    assert not activity["httponly"]  # the warning script reads it; it holds no secret


def test_someone_active_every_few_minutes_stays_signed_in_and_idle_ends_it(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        for _ in range(40):  # over three hours, a page every five and a half minutes
            clock.tick(timedelta(minutes=5, seconds=30))
            assert signed_in(client)
        last_request = timezone.now()
        # Idle: the end is within the refresh interval before two hours after the last request.
        assert last_request + timedelta(minutes=115) <= expire_date(client)
        assert expire_date(client) <= last_request + timedelta(hours=2)
        clock.tick(timedelta(hours=2))
        assert not signed_in(client)


def test_a_page_load_without_a_time_stamp_saves_the_session_once(client):
    """Sessions saved before this middleware (or by force_login) have no time stamp."""
    client.force_login(build_user())
    start = timezone.now() + timedelta(minutes=1)
    with freeze_time(start):
        client.get(reverse("account_profile"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("account_profile"))

    assert expire_date(client) == start + timedelta(hours=2)
    assert session_writes(queries.captured_queries) == []


def test_anonymous_visitors_get_no_session(client, home_page):
    response = client.get("/")

    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert session_refresh.ACTIVITY_COOKIE not in response.cookies
    assert not Session.objects.exists()


def test_signing_out_removes_the_activity_cookie(client):
    build_user()
    sign_in(client)
    assert client.cookies[session_refresh.ACTIVITY_COOKIE].value

    response = client.post(reverse("account_logout"))

    assert response.cookies[session_refresh.ACTIVITY_COOKIE].value == ""
    assert response.cookies[session_refresh.ACTIVITY_COOKIE]["max-age"] == 0


def test_the_idle_window_comes_from_the_environment(monkeypatch):
    import importlib

    import site_config.settings.authentication as authentication

    monkeypatch.setenv("DJANGO_SESSION_IDLE_SECONDS", "900")
    try:
        assert importlib.reload(authentication).SESSION_COOKIE_AGE == 900
    finally:
        monkeypatch.delenv("DJANGO_SESSION_IDLE_SECONDS")
        importlib.reload(authentication)


def test_a_session_ends_after_two_hours_without_a_request(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        clock.tick(timedelta(hours=1, minutes=59))
        assert signed_in(client)  # ...and that request started the window again
        clock.tick(timedelta(hours=1, minutes=59))
        assert signed_in(client)
        clock.tick(timedelta(hours=2, seconds=1))
        response = client.get(reverse("account_profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_autosave_keeps_the_session_alive(client, category):
    from forms.services import start_entry

    user = build_user()
    entry = start_entry(user=user, page=category)
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        for minutes in (90, 90, 90):  # four and a half hours of typing, no page loads
            clock.tick(timedelta(minutes=minutes))
            entry.refresh_from_db()
            response = client.post(
                reverse("entry_save", args=[entry.public_id]),
                {"version": entry.version, "organisation_name": f"Trust {minutes}"},
                headers={"accept": "application/json"},
            )
            assert response.status_code == 200, response.content
            assert response.json()["ok"]
        expiry = Session.objects.get(session_key=session_key(client)).expire_date
        assert expiry == timezone.now() + timedelta(hours=2)


def test_stay_signed_in_answers_no_content_and_extends_the_session(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        clock.tick(timedelta(hours=1, minutes=56))
        response = client.post(KEEP_ALIVE)
        expiry = Session.objects.get(session_key=session_key(client)).expire_date

    assert response.status_code == 204
    assert response.content == b""
    assert "no-cache" in response["Cache-Control"]
    assert expiry == start + timedelta(hours=1, minutes=56) + timedelta(hours=2)


def test_stay_signed_in_extends_the_session_even_right_after_a_save(client):
    build_user()
    start = timezone.now()
    with freeze_time(start) as clock:
        sign_in(client)
        clock.tick(timedelta(seconds=30))
        with CaptureQueriesContext(connection) as queries:
            response = client.post(KEEP_ALIVE)

    assert response.status_code == 204
    assert len(session_writes(queries.captured_queries)) == 1
    assert expire_date(client) == start + timedelta(seconds=30) + timedelta(hours=2)
    assert session_refresh.ACTIVITY_COOKIE in response.cookies


def test_stay_signed_in_after_the_session_has_ended_says_401_not_a_redirect(client):
    response = client.post(KEEP_ALIVE)

    assert response.status_code == 401


def test_stay_signed_in_needs_a_post_with_a_csrf_token(client):
    from django.test import Client

    client.force_login(build_user())
    assert client.get(KEEP_ALIVE).status_code == 405

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(build_user("someone@example.org"))
    assert strict.post(KEEP_ALIVE).status_code == 403


def test_a_signed_in_page_tells_the_script_when_the_session_ends(client):
    client.force_login(build_user())

    response = client.get(reverse("account_profile"))

    assert '<body class="account-page account-page--manage" data-session-expires-in="7200">' in (
        response.text
    )
    assert '<script src="/static/js/session-timeout.js" defer></script>' in response.text


@override_settings(SESSION_COOKIE_AGE=600)
def test_the_number_follows_the_setting(client):
    client.force_login(build_user())

    response = client.get(reverse("account_profile"))

    assert 'data-session-expires-in="600"' in response.text


def test_signed_out_pages_have_no_timer(client):
    response = client.get(reverse("account_login"))

    assert "data-session-expires-in" not in response.text
    assert "session-timeout.js" not in response.text


def test_the_timer_is_on_the_entry_form(client, category):
    from forms.services import start_entry

    user = build_user()
    start_entry(user=user, page=category)
    client.force_login(user)

    response = client.get(category.url)

    assert "data-autosave" in response.text
    assert 'data-session-expires-in="7200"' in response.text
    assert "session-timeout.js" in response.text


def test_the_warning_script_is_served_and_says_what_the_entrant_sees(client):
    from django.contrib.staticfiles import finders

    script = open(finders.find("js/session-timeout.js"), encoding="utf-8").read()

    assert "You will be signed out in" in script
    assert "because you have not been active. " in script
    assert "Your answers are saved." in script
    assert "Stay signed in" in script
    assert KEEP_ALIVE in script
    assert reverse("account_keep_alive") == KEEP_ALIVE
