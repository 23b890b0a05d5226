"""Security headers, cookies, browser features and the Content Security Policy."""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Cookies: never readable by scripts, not sent on cross-site POSTs. Our JavaScript
# posts the form's own csrfmiddlewaretoken, so the CSRF cookie can be HttpOnly too.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Browser features nobody here uses, turned off for every page and frame
# (site_config/browser_features.py): an empty list allows no origin at all.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}
# Staff avatars are initials, not Gravatar: no staff email hashes sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content Security Policy (django-csp, see site_config/csp.py and docs/security.md).
# Public pages run only our own script files: no inline script, no eval, no
# handler attributes. The one inline <style> (the editor's accent colour in
# base.html) carries the request's nonce; the 500 page's <style> is allowed by hash.
ERROR_PAGE_STYLE_HASH = "'sha256-JVXh+f/UhrdZAaIMBeuyVh+/lPon5et8OdPHL10R2Vo='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE, ERROR_PAGE_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
# The Wagtail admin (under /admin/) gets its own policy: Wagtail 8 still writes a few
# inline scripts (date pickers, inline panels) and inline styles, and shows page
# previews in a same-origin frame. Plug-ins, other origins and framing by other
# sites stay blocked.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}
