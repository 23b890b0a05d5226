"""Template context for every page."""

from django.http import HttpRequest

from .session_refresh import seconds_left


def session_timeout(request: HttpRequest) -> dict:
    """Seconds until a signed-in person's session ends if they do nothing more.

    The session is saved again (its end pushed back) only every few minutes
    (accounts/session_refresh.py), so this is counted from its last save, not
    from this request: the real end, which the warning must not come after.
    base.html puts the number on <body> as ``data-session-expires-in``;
    static/js/session-timeout.js warns an entrant on an entry form before it ends.
    """
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return {}
    return {"session_expires_in": seconds_left(session)}
