"""The idle timeout without writing the session on every request.

A session ends SESSION_COOKIE_AGE seconds after it was last saved: the
database row's ``expire_date`` and the cookie's ``Max-Age`` are both set when
it is saved. Saving it on every request (SESSION_SAVE_EVERY_REQUEST) costs an
``UPDATE django_session`` on every page view and every autosave. Instead,
SessionRefreshMiddleware saves it again only when the last save (kept in the
session itself, under REFRESHED_AT) is more than ``refresh_interval()``
seconds old: SESSION_REFRESH_SECONDS (5 minutes by default), but never more
than a tenth of the idle window.

So, for someone whose last request was at time T, the session ends between
``T + SESSION_COOKIE_AGE - refresh_interval()`` and ``T + SESSION_COOKIE_AGE``
(with the defaults: between 1 h 55 min and 2 h after it). Someone active at
least every ``SESSION_COOKIE_AGE - refresh_interval()`` seconds is never signed
out; someone idle for SESSION_COOKIE_AGE always is.

Pages say how long is really left (``seconds_left``, read by
accounts.context_processors.session_timeout), and "Stay signed in"
(accounts.views.keep_alive) always saves the session (``refresh``).

Whenever the session is saved, the response also sets ACTIVITY_COOKIE, which
static/js/session-timeout.js reads (it is not HttpOnly, and holds nothing but
the time of the save and the idle window) to tell whether an autosave, or a
page in another tab, has pushed the end back.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse

REFRESHED_AT = "_session_refreshed_at"
ACTIVITY_COOKIE = "session_activity"


def refresh_interval() -> int:
    """Seconds a session may go without being saved again: SESSION_REFRESH_SECONDS,
    at most a tenth of SESSION_COOKIE_AGE."""
    return max(0, min(settings.SESSION_REFRESH_SECONDS, settings.SESSION_COOKIE_AGE // 10))


def has_data(session: SessionBase) -> bool:
    """Whether the session holds anything besides our own time stamp (reads it from
    the store if it has not been read yet: once per request, shared with auth)."""
    return session.session_key is not None and any(key != REFRESHED_AT for key in session.keys())


def refresh(session: SessionBase) -> None:
    """Mark the session to be saved at the end of this request, which sets its end
    SESSION_COOKIE_AGE from now, and remember when."""
    session[REFRESHED_AT] = time.time()


def is_stale(session: SessionBase) -> bool:
    refreshed_at = session.get(REFRESHED_AT)
    if not isinstance(refreshed_at, (int, float)):
        return True  # saved before this middleware, or by force_login: refresh once
    return time.time() - refreshed_at >= refresh_interval()


def seconds_left(session: SessionBase) -> int:
    """Seconds until the session ends if nothing more happens: from its last save."""
    refreshed_at = session.get(REFRESHED_AT)
    if not isinstance(refreshed_at, (int, float)):
        return session.get_expiry_age()
    left = refreshed_at + session.get_expiry_age() - time.time()
    return max(0, round(left))


class SessionRefreshMiddleware:
    """Goes right after SessionMiddleware, so that it sees the response before the
    session is saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is None:
            return self.get_response(request)
        refreshed = has_data(session) and is_stale(session)
        if refreshed:
            refresh(session)

        response = self.get_response(request)

        if session.modified and not session.is_empty():
            if not refreshed:
                # Saved anyway (sign-in, a message, ...): that starts the window again too.
                refresh(session)
            self.set_activity_cookie(response, session)
        elif session.is_empty() and ACTIVITY_COOKIE in request.COOKIES:
            response.delete_cookie(ACTIVITY_COOKIE, samesite=settings.SESSION_COOKIE_SAMESITE)
        return response

    @staticmethod
    def set_activity_cookie(response: HttpResponse, session: SessionBase) -> None:
        age = session.get_expiry_age()
        response.set_cookie(
            ACTIVITY_COOKIE,
            f"{round(session[REFRESHED_AT] * 1000)}-{age}",
            max_age=None if session.get_expire_at_browser_close() else age,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=False,  # read by static/js/session-timeout.js; holds two numbers
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
