"""Template context for every page."""

from django.http import HttpRequest


def session_timeout(request: HttpRequest) -> dict:
    """Seconds until a signed-in person's session ends if they do nothing more.

    Every request starts the idle window again (SESSION_SAVE_EVERY_REQUEST), so
    from the moment this page is served the session has the whole window.
    base.html puts the number on <body> as ``data-session-expires-in``;
    static/js/session-timeout.js warns an entrant on an entry form before it ends.
    """
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return {}
    return {"session_expires_in": session.get_expiry_age()}
